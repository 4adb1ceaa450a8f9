/**
 * `npm run analytics:network -- --as-of 2021-11-16 [--compare-with 2024-01-01] [--out analytics-out]`
 *
 * The manufacturer–optics partner network as known on a day (partnerships, co-engineered devices and
 * claims as weighted ties): degree, weighted degree, betweenness and Louvain communities, written as
 * GEXF (with the measures on the nodes) and CSV; with --compare-with, how they changed by another day.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { stringify } from 'csv-stringify/sync';
import { dayArg, NEO4J_HELP, readArgs, runScript, SOURCE_OPTIONS } from './cli.ts';
import { networkChanges, networkMeasures, type NetworkMeasures } from './network/measures.ts';
import { readPartnerNetwork, type PartnerNetwork, type Tie } from './network/partner-network.ts';
import type { UndirectedGraph } from 'graphology';

// CommonJS with typings that declare ES exports; required, it is what the typings describe.
const gexf: typeof import('graphology-gexf') = createRequire(import.meta.url)('graphology-gexf');

const usage = `usage: npm run analytics:network -- --as-of YYYY-MM-DD [--compare-with YYYY-MM-DD] [--out DIR] [--graphql URL]
  The manufacturer-optics partner network as known on the day: degree, weighted degree, betweenness and
  communities of every company with a tie; with --compare-with, what changed by the other day. Writes
  DIR/network-<day>.gexf and DIR/network-companies-<day>.csv (default DIR: analytics-out).
  ${NEO4J_HELP}`;

const fixed = (n: number) => n.toFixed(3);

function companyTable(measures: NetworkMeasures): string {
  const rows = [...measures.companies].sort((a, b) => b.weightedDegree - a.weightedDegree || b.betweenness - a.betweenness || a.name.localeCompare(b.name));
  return [
    '| company | roles | degree | weighted degree | betweenness | community |',
    '|---|---|---|---|---|---|',
    ...rows.map((c) => `| ${c.name} | ${c.roles} | ${c.degree} | ${c.weightedDegree} | ${fixed(c.betweenness)} | ${c.community} |`),
  ].join('\n');
}

function communityLines(measures: NetworkMeasures): string[] {
  const byCommunity = new Map<number, string[]>();
  for (const c of measures.companies) byCommunity.set(c.community, [...(byCommunity.get(c.community) ?? []), c.name]);
  return [...byCommunity].sort(([a], [b]) => a - b).map(([community, names]) => `- community ${community}: ${names.join(', ')}`);
}

async function writeNetwork(network: PartnerNetwork, measures: NetworkMeasures, outDir: string, day: string): Promise<string[]> {
  // The GEXF carries the measures as node attributes (Gephi sizes and colours by them).
  const withMeasures = network.copy() as unknown as UndirectedGraph<Record<string, string | number>, Tie>;
  for (const c of measures.companies) withMeasures.mergeNodeAttributes(c.id, { label: c.name, degree: c.degree, weightedDegree: c.weightedDegree, betweenness: c.betweenness, community: c.community });
  const gexfFile = join(outDir, `network-${day}.gexf`);
  await writeFile(gexfFile, gexf.write(withMeasures));
  const csvFile = join(outDir, `network-companies-${day}.csv`);
  await writeFile(csvFile, stringify(measures.companies.map(({ communityMembers, ...c }) => ({ ...c, communityMembers: communityMembers.join(';') })), { header: true }));
  return [gexfFile, csvFile];
}

await runScript('network', async (connect) => {
  const args = readArgs(process.argv.slice(2), { 'as-of': { type: 'string' }, 'compare-with': { type: 'string' }, out: { type: 'string' }, ...SOURCE_OPTIONS }, usage);
  if (args.help) return void console.log(usage);
  const asOf = dayArg(args['as-of'], 'as-of', usage);
  const compareWith = args['compare-with'] === undefined ? null : dayArg(args['compare-with'], 'compare-with', usage);
  const outDir = args.out ?? 'analytics-out';
  await mkdir(outDir, { recursive: true });
  const graph = await connect(args.graphql);
  const days = compareWith === null ? [asOf] : [asOf, compareWith];
  const results = [];
  for (const day of days) {
    const network = await readPartnerNetwork(graph, day);
    const measures = networkMeasures(network);
    results.push({ day, network, measures });
    console.log(`\nthe partner network as known on ${day}: ${network.order} companies, ${network.size} ties, ${measures.communities} communities (modularity ${fixed(measures.modularity)})\n`);
    console.log(companyTable(measures));
    console.log(`\n${communityLines(measures).join('\n')}`);
    for (const file of await writeNetwork(network, measures, outDir, day)) console.log(`wrote ${file}`);
  }
  if (results.length === 2) {
    const [before, after] = results as [(typeof results)[0], (typeof results)[0]];
    const { companies, ties } = networkChanges(before, after);
    console.log(`\nfrom ${before.day} to ${after.day}:\n`);
    console.log('| company | degree | weighted degree | betweenness | community now shared with (new) | no longer with |');
    console.log('|---|---|---|---|---|---|');
    const signed = (n: number, digits = 0) => (n > 0 ? '+' : n < 0 ? '−' : '±') + Math.abs(n).toFixed(digits);
    const name = (id: string) => companies.find((c) => c.id === id)?.name ?? id;
    for (const c of companies) {
      if (c.degreeChange === 0 && c.weightedDegreeChange === 0 && Math.abs(c.betweennessChange) < 1e-12 && c.joined.length === 0 && c.left.length === 0) continue;
      const status = c.before === null ? ' (new)' : c.after === null ? ' (gone)' : '';
      console.log(`| ${c.name}${status} | ${c.before?.degree ?? 0} → ${c.after?.degree ?? 0} | ${c.before?.weightedDegree ?? 0} → ${c.after?.weightedDegree ?? 0} (${signed(c.weightedDegreeChange)}) | ${fixed(c.before?.betweenness ?? 0)} → ${fixed(c.after?.betweenness ?? 0)} | ${c.joined.map(name).join(', ')} | ${c.left.map(name).join(', ')} |`);
    }
    console.log(`\nties that changed (weight before → after): ${ties.map((t) => `${name(t.manufacturer)}–${name(t.partner)} ${t.before} → ${t.after}`).join('; ') || 'none'}`);
  }
});
