/**
 * `npm run analytics:export -- --as-of 2021-11-16 [--out analytics-out] [--page-size 1000]`
 *
 * The knowledge graph as it was known on a day, as GraphML, GEXF and CSV node and edge tables, every
 * element with its valid time and known-since day (analytics/export/elements.ts says how).
 */
import { dayArg, NEO4J_HELP, readArgs, runScript, UsageError } from './cli.ts';
import { exportGraphAsOf } from './export/export-graph.ts';

const usage = `usage: npm run analytics:export -- --as-of YYYY-MM-DD [--out DIR] [--page-size N]
  Writes DIR/graph-<day>.graphml, graph-<day>.gexf, nodes-<day>.csv and edges-<day>.csv: the graph as
  known on the day (default DIR: analytics-out). Reads --page-size nodes per statement (default 1000).
  ${NEO4J_HELP}`;

await runScript('export', async (connect) => {
  const args = readArgs(process.argv.slice(2), { 'as-of': { type: 'string' }, out: { type: 'string' }, 'page-size': { type: 'string' } }, usage);
  if (args.help) return void console.log(usage);
  const asOf = dayArg(args['as-of'], 'as-of', usage);
  const pageSize = Number(args['page-size'] ?? 1000);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100_000) throw new UsageError(`--page-size must be a whole number from 1 to 100000 (got ${args['page-size']})\n\n${usage}`);
  const graph = await connect();
  const started = performance.now();
  const report = await exportGraphAsOf(graph, { asOf, outDir: args.out ?? 'analytics-out', pageSize });
  console.log(`the graph as known on ${asOf}: ${report.nodes} nodes, ${report.edges} edges (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`  nodes: ${Object.entries(report.nodesByKind).map(([kind, n]) => `${kind} ${n}`).join(', ')}`);
  console.log(`  edges: ${Object.entries(report.edgesByType).sort().map(([type, n]) => `${type} ${n}`).join(', ')}`);
  for (const file of Object.values(report.files)) console.log(`  wrote ${file}`);
});
