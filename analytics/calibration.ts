/**
 * `npm run analytics:calibration -- --as-of 2026-01-01 [--out analytics-out]`
 *
 * For every leaker with claims decided by the day: the Brier score and log loss of those claims against
 * the credibility the service gave the leaker when each was published, a per-claim CSV, and the
 * reliability diagram as SVG and PNG.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { stringify } from 'csv-stringify';
import { dayArg, NEO4J_HELP, readArgs, runScript, SOURCE_OPTIONS } from './cli.ts';
import { calibrateLeakers, type CalibrationReport } from './calibration/calibrate.ts';
import { reliabilitySpec } from './calibration/reliability-chart.ts';
import { writeChart } from './charts/render.ts';

const usage = `usage: npm run analytics:calibration -- --as-of YYYY-MM-DD [--out DIR] [--graphql URL]
  Brier score and log loss per leaker of its claims decided by the day, against its credibility when
  each claim was published. Writes DIR/calibration-claims-<day>.csv (one row a claim) and
  DIR/reliability-<day>.svg and .png (default DIR: analytics-out).
  ${NEO4J_HELP}`;

function table(report: CalibrationReport): string {
  const rows = report.leakers.map((l) => [l.leakerName, l.claims, l.meanPredicted.toFixed(3), l.hitRate.toFixed(3), l.brier.toFixed(3), l.logLoss.toFixed(3)]);
  if (report.overall) {
    const o = report.overall;
    rows.push(['all leakers', o.claims, o.meanPredicted.toFixed(3), o.hitRate.toFixed(3), o.brier.toFixed(3), o.logLoss.toFixed(3)]);
  }
  const header = ['leaker', 'claims', 'mean credibility', 'hit rate', 'Brier', 'log loss'];
  return [header, ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n').replace(/\n/, `\n|${header.map(() => '---').join('|')}|\n`);
}

await runScript('calibration', async (connect) => {
  const args = readArgs(process.argv.slice(2), { 'as-of': { type: 'string' }, out: { type: 'string' }, ...SOURCE_OPTIONS }, usage);
  if (args.help) return void console.log(usage);
  const asOf = dayArg(args['as-of'], 'as-of', usage);
  const outDir = args.out ?? 'analytics-out';
  await mkdir(outDir, { recursive: true });
  const graph = await connect(args.graphql);
  const claimsFile = join(outDir, `calibration-claims-${asOf}.csv`);
  const csv = stringify({ header: true, columns: ['claimId', 'leakerId', 'leakerName', 'publishedOn', 'outcome', 'predicted', 'observed'] });
  const finished = csv.pipe(createWriteStream(claimsFile));
  const report = await calibrateLeakers(graph, asOf, {
    onForecast: async (forecast) => {
      if (!csv.write(forecast)) await once(csv, 'drain');
    },
  });
  csv.end();
  await once(finished, 'finish');
  console.log(`leaker calibration as of ${asOf} (credibility when each claim was published vs its outcome as known on ${asOf}):\n`);
  console.log(report.leakers.length === 0 ? 'no claim with a leaker was decided by then' : table(report));
  console.log(`\nreliability (bin of credibility: claims, mean credibility, hit rate): ${report.bins.map((b) => `[${b.from.toFixed(1)}, ${b.to.toFixed(1)}): ${b.claims}, ${b.meanPredicted.toFixed(3)}, ${b.hitRate.toFixed(3)}`).join('; ')}`);
  for (const file of [claimsFile, ...(await writeChart(reliabilitySpec(report), join(outDir, `reliability-${asOf}`)))]) console.log(`wrote ${file}`);
});
