/**
 * `npm run backtest`: how the partnership outlook would have done, replayed without peeking.
 *
 * For every partnership (of one optics partner with --partner), asks the service's own outlook as of
 * K - lead for each lead time (K: the day the partnership became public) and reports hits@1, hits@3,
 * MRR and Brier for the outlook and for the baselines, then every event with its rank
 * (src/domain/backtest.ts says how). Reads the graph the service reads:
 *
 *   npm run backtest                         the service's Neo4j (NEO4J_URI, or the local one; the
 *                                            demo data is loaded into an empty one, as at start)
 *   npm run backtest -- --bundle FILE        a fresh temporary local Neo4j with FILE imported
 *   npm run backtest -- --claims 10000       the scale benchmark's synthetic world (bench/generate.ts)
 *   npm run backtest -- --graphql URL        the running service's `backtest` query (or GRAPHQL_URL),
 *                                            asked in spans of at most --max-events events (200, the
 *                                            service's default MAX_BACKTEST_EVENTS); the same report
 *
 * Options: --partner ID, --lead 90,180, --as-of DAY (the graph as known then; default today),
 * --concurrency N (outlooks asked at once, 4), --json FILE (the whole report), --events all|none
 * (default: all up to 200 events), --heap / --pagecache (fresh Neo4j), --seed S (with --claims).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { DEFAULT_LEAD_DAYS } from '../src/domain/backtest.ts';
import { isDay } from '../src/domain/fuzzy-date.ts';
import { planBacktest, runPlannedBacktest } from '../src/graph/backtest.ts';
import type { GraphExecutor } from '../src/graph/executor.ts';
import { loadDemoIfEmpty } from '../src/import/demo.ts';
import { createLogger } from '../src/log.ts';
import { startRuntime } from '../src/runtime.ts';
import { importBundleFile, startFreshNeo4j, stopImport } from '../bench/fresh-neo4j.ts';
import { generateWorld } from '../bench/generate.ts';
import { eventsTable, summaryTable } from './backtest-report.ts';
import { backtestFromApi, DEFAULT_EVENTS_PER_REQUEST } from './backtest/backtest-api.ts';
import { graphqlUrl } from './cli.ts';
import { GraphqlClient } from './source/graphql-client.ts';

const usage =
  'usage: npm run backtest -- [--partner ID] [--lead 90,180] [--as-of YYYY-MM-DD] [--bundle FILE | --claims N | --graphql URL [--max-events 200]] [--concurrency 4] [--json FILE] [--events all|none]';

const { values: args } = parseArgs({
  options: {
    partner: { type: 'string' },
    lead: { type: 'string', default: DEFAULT_LEAD_DAYS.join(',') },
    'as-of': { type: 'string', default: new Date().toISOString().slice(0, 10) },
    bundle: { type: 'string' },
    claims: { type: 'string' },
    seed: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '4' },
    json: { type: 'string' },
    events: { type: 'string' },
    heap: { type: 'string', default: process.env.NEO4J_LOCAL_HEAP ?? '2g' },
    pagecache: { type: 'string', default: process.env.NEO4J_LOCAL_PAGECACHE ?? '1g' },
    graphql: { type: 'string' },
    'max-events': { type: 'string', default: String(DEFAULT_EVENTS_PER_REQUEST) },
    help: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

if (args.help) {
  console.log(usage);
  process.exit(0);
}
const leadDays = args.lead.split(',').map((text) => Number(text.trim()));
if (leadDays.some((lead) => !Number.isInteger(lead) || lead < 1 || lead > 3650)) fail(`--lead ${args.lead}: give whole numbers of days from 1 to 3650, comma-separated, e.g. 90,180`);
if (!isDay(args['as-of'])) fail(`--as-of ${args['as-of']}: give a calendar day YYYY-MM-DD`);
const concurrency = Number(args.concurrency);
if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) fail(`--concurrency ${args.concurrency}: give a whole number from 1 to 32`);
if (args.events !== undefined && !['all', 'none'].includes(args.events)) fail(`--events ${args.events}: give all or none`);
if (args.bundle !== undefined && args.claims !== undefined) fail('--bundle and --claims: give one of them');
if (args.bundle !== undefined && !existsSync(args.bundle)) fail(`--bundle ${args.bundle}: no such file`);
const serviceUrl = graphqlUrl(args.graphql);
if (serviceUrl !== null && (args.bundle !== undefined || args.claims !== undefined)) fail('--graphql (or GRAPHQL_URL) reads the running service: give no --bundle or --claims with it');
const maxEvents = Number(args['max-events']);
if (!Number.isInteger(maxEvents) || maxEvents < 1) fail(`--max-events ${args['max-events']}: give a whole number of at least 1 (the service's MAX_BACKTEST_EVENTS)`);

const log = (line: string) => console.error(line);
const stops: (() => Promise<void>)[] = [];
const stopAll = async () => {
  stopImport();
  for (const stop of stops.splice(0).reverse()) await stop().catch((error: unknown) => console.error(`could not stop cleanly: ${String(error)}`));
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping what the backtest started`);
    void stopAll().finally(() => process.exit(130));
  });
}

/** The graph to replay: the service's own, or a fresh local Neo4j holding a bundle. */
async function openGraph(): Promise<GraphExecutor> {
  let file = args.bundle;
  if (args.claims !== undefined) {
    const claims = Number(args.claims);
    file = join(tmpdir(), `optics-graph-world-${claims}-seed${args.seed}.json`);
    if (!existsSync(file) || !existsSync(`${file}.meta.json`)) {
      generateWorld({ claims, out: file, seed: Number(args.seed) });
      log(`world: generated ${file}`);
    } else log(`world: reusing ${file}`);
  }
  if (file === undefined) {
    const config = loadConfig(process.env);
    const logger = createLogger('warn');
    const runtime = await startRuntime(config, logger);
    stops.push(() => runtime.shutdown());
    if (config.loadDemoWhenEmpty && (await loadDemoIfEmpty(runtime.graph, logger))) log('the graph was empty: loaded the demo data');
    return runtime.graph;
  }
  const neo4j = await startFreshNeo4j({ heap: args.heap, pageCache: args.pagecache }, log);
  stops.push(() => neo4j.stop());
  const seconds = await importBundleFile(neo4j.runtime.connection.uri, file, log);
  log(`import: ${seconds.toFixed(1)} s`);
  await neo4j.runtime.graph.runScript('CALL db.awaitIndexes(600)');
  return neo4j.runtime.graph;
}

/** Prints the report the same way whichever way it was worked out. */
function printReport(report: { summaries: Parameters<typeof summaryTable>[0]; results: Parameters<typeof eventsTable>[0] }) {
  console.log(summaryTable(report.summaries));
  const showEvents = args.events === 'all' || (args.events === undefined && report.results.length <= 200);
  if (showEvents) console.log(`\n${eventsTable(report.results)}`);
  else if (args.events === undefined) console.log(`\n(${report.results.length} events: --events all prints them, --json FILE writes them)`);
}

/** The backtest as the running service's `backtest` query answers it, a span of events per request. */
async function backtestThroughService(url: string) {
  const api = new GraphqlClient(url, process.env.GRAPHQL_API_KEY);
  log(`graphql: ${url}`);
  const started = performance.now();
  const report = await backtestFromApi(api, { opticsPartnerId: args.partner ?? null, leadDays, asOf: args['as-of'], eventsPerRequest: maxEvents });
  if (report.results.length === 0) fail(`no partnership${args.partner ? ` of "${args.partner}"` : ''} was public on ${args['as-of']}: nothing to replay`);
  const seconds = (performance.now() - started) / 1000;
  printReport(report);
  console.log(`\n${report.outlooks} outlooks in ${seconds.toFixed(1)} s (${api.requests.count} requests to ${url}, ${report.requests} of them backtests); the graph as known on ${args['as-of']}`);
  if (args.json) writeFileSync(args.json, `${JSON.stringify({ ...report, seconds }, null, 2)}\n`);
}

let exitCode = 0;
try {
  if (serviceUrl !== null) {
    await backtestThroughService(serviceUrl);
    process.exit(0);
  }
  const graph = await openGraph();
  const context = { graph, roundTrips: { count: 0, statements: [] } };
  const question = { opticsPartnerId: args.partner ?? null, leadDays, asOf: args['as-of'] };
  const plan = await planBacktest(context, question);
  if (plan.events.length === 0) fail(`no partnership${args.partner ? ` of "${args.partner}"` : ''} was public on ${question.asOf}: nothing to replay`);
  log(`backtest: ${plan.events.length} events, ${plan.outlooks} outlooks to ask, ${concurrency} at a time`);
  const started = performance.now();
  let reported = started;
  const progress = (asked: number, total: number) => {
    if (performance.now() - reported < 30_000) return;
    reported = performance.now();
    log(`backtest: ${asked} of ${total} outlooks asked, ${((reported - started) / 1000).toFixed(0)} s`);
  };
  const report = await runPlannedBacktest(context, question, plan, concurrency, progress);
  const seconds = (performance.now() - started) / 1000;
  printReport(report);
  console.log(`\n${report.outlooks} outlooks in ${seconds.toFixed(1)} s (${((seconds * 1000) / report.outlooks).toFixed(1)} ms each, ${concurrency} at a time); the graph as known on ${question.asOf}`);
  if (args.json) writeFileSync(args.json, `${JSON.stringify({ ...report, seconds }, null, 2)}\n`);
} catch (error) {
  console.error(`backtest failed: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await stopAll();
}
process.exit(exitCode);
