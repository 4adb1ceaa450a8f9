/**
 * `npm run analytics:timeline -- --partner leica --as-of 2021-11-16 [--out analytics-out]`
 *
 * One optics partner's partnerships, exclusivity clauses and the claims about it as known on a day,
 * drawn as SVG and PNG with the day as a line: the picture the seed article describes, from the graph.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { dayArg, NEO4J_HELP, readArgs, runScript, SOURCE_OPTIONS, UsageError } from './cli.ts';
import { writeChart } from './charts/render.ts';
import { readTimeline, UnknownPartnerError } from './timeline/read-timeline.ts';
import { DEFAULT_MAX_ROWS } from './timeline/timeline-picture.ts';
import { timelineSpec } from './timeline/timeline-chart.ts';

const usage = `usage: npm run analytics:timeline -- --partner ID --as-of YYYY-MM-DD [--out DIR] [--max-rows N]
  Draws DIR/timeline-<partner>-<day>.svg and .png (default DIR: analytics-out). A row per manufacturer:
  those the partner partnered with, then the --max-rows (default ${DEFAULT_MAX_ROWS}) most named with it in claims;
  the claims about the others share one row.
  ${NEO4J_HELP}`;

await runScript('timeline', async (connect) => {
  const args = readArgs(process.argv.slice(2), { partner: { type: 'string' }, 'as-of': { type: 'string' }, out: { type: 'string' }, 'max-rows': { type: 'string' }, ...SOURCE_OPTIONS }, usage);
  if (args.help) return void console.log(usage);
  const asOf = dayArg(args['as-of'], 'as-of', usage);
  if (!args.partner) throw new UsageError(`--partner is missing: the natural id of an optics partner, e.g. leica\n\n${usage}`);
  const maxRows = Number(args['max-rows'] ?? DEFAULT_MAX_ROWS);
  if (!Number.isInteger(maxRows) || maxRows < 1) throw new UsageError(`--max-rows must be a whole number of at least 1 (got ${args['max-rows']})\n\n${usage}`);
  const outDir = args.out ?? 'analytics-out';
  await mkdir(outDir, { recursive: true });
  const graph = await connect(args.graphql);
  const picture = await readTimeline(graph, args.partner, asOf, { maxRows }).catch((error: unknown) => {
    throw error instanceof UnknownPartnerError ? new UsageError(error.message) : error;
  });
  console.log(`${picture.partnerName} as known on ${asOf}:`);
  for (const bar of picture.bars) console.log(`  ${bar.layer.padEnd(18)} ${bar.row.padEnd(18)} ${bar.from} to ${bar.open ? '(no end public)' : bar.until}   ${bar.detail}`);
  for (const end of picture.eventEnds) console.log(`  event-bound end    ${end.row.padEnd(18)} ${end.awaited ? '(awaited)' : end.day}   ${end.label}`);
  const counts = new Map<string, number>();
  for (const claim of picture.claims) counts.set(claim.outcome, (counts.get(claim.outcome) ?? 0) + 1);
  const byOutcome = [...counts].map(([outcome, n]) => `${n} ${outcome}`);
  console.log(`  claims naming it: ${new Set(picture.claims.map((claim) => claim.id)).size} (dots: ${byOutcome.join(', ') || 'none'})`);
  for (const file of await writeChart(timelineSpec(picture), join(outDir, `timeline-${picture.partnerId}-${asOf}`))) console.log(`wrote ${file}`);
});
