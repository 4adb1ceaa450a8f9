/**
 * `npm run analytics:export -- --as-of 2021-11-16 [--out analytics-out] [--page-size 1000]`
 *
 * The knowledge graph as it was known on a day, as GraphML, GEXF and CSV node and edge tables, every
 * element with its valid time and known-since day (analytics/export/elements.ts says how).
 */
import { dayArg, graphqlUrl, readArgs, runScript, UsageError } from './cli.ts';
import { exportGraphAsOf } from './export/export-graph.ts';

// The export reads Neo4j only: the API lists no every-clause, every-ownership or every-resolution and
// lacks some known-since days the export writes on every element (README, "Analytics scripts").
const NEO4J_ONLY =
  'Neo4j only (not yet through the service\'s GraphQL API): NEO4J_URI (and NEO4J_USERNAME, NEO4J_PASSWORD,\n  NEO4J_DATABASE), else Docker, else the local Neo4j in .neo4j/data. With `npm start` running, point at its\n  Neo4j: NEO4J_URI=bolt://127.0.0.1:7687';
const usage = `usage: npm run analytics:export -- --as-of YYYY-MM-DD [--out DIR] [--page-size N]
  Writes DIR/graph-<day>.graphml, graph-<day>.gexf, nodes-<day>.csv and edges-<day>.csv: the graph as
  known on the day (default DIR: analytics-out). Reads --page-size nodes per statement (default 1000).
  ${NEO4J_ONLY}`;

await runScript('export', async (connect) => {
  const args = readArgs(process.argv.slice(2), { 'as-of': { type: 'string' }, out: { type: 'string' }, 'page-size': { type: 'string' } }, usage);
  if (args.help) return void console.log(usage);
  const asOf = dayArg(args['as-of'], 'as-of', usage);
  const pageSize = Number(args['page-size'] ?? 1000);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100_000) throw new UsageError(`--page-size must be a whole number from 1 to 100000 (got ${args['page-size']})\n\n${usage}`);
  if (graphqlUrl(undefined) !== null) {
    throw new UsageError(`the export cannot read through the service's GraphQL API yet (GRAPHQL_URL is set): the API does not list every clause, ownership and resolution, nor every known-since day the export writes; unset GRAPHQL_URL and give NEO4J_URI\n\n${usage}`);
  }
  const source = await connect();
  if (!('neo4j' in source)) throw new Error('the export reads Neo4j only');
  const graph = source.neo4j;
  const started = performance.now();
  const report = await exportGraphAsOf(graph, { asOf, outDir: args.out ?? 'analytics-out', pageSize });
  console.log(`the graph as known on ${asOf}: ${report.nodes} nodes, ${report.edges} edges (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`  nodes: ${Object.entries(report.nodesByKind).map(([kind, n]) => `${kind} ${n}`).join(', ')}`);
  console.log(`  edges: ${Object.entries(report.edgesByType).sort().map(([type, n]) => `${type} ${n}`).join(', ')}`);
  for (const file of Object.values(report.files)) console.log(`  wrote ${file}`);
});
