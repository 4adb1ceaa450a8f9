/**
 * `npm run bench`: times the README's queries on the demo data against a warm Neo4j and prints the
 * median and 95th percentile of repeated runs, plus the Cypher round trips each costs. Uses
 * NEO4J_URI when set, else starts a local Neo4j on a free port with a fresh folder (and stops it).
 * `npm run bench -- --no-response-cache` works every run out anew; by default the service as
 * configured, whose response cache answers every repeated run from memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { startRuntime } from '../src/runtime.ts';
import { loadDemoIfEmpty } from '../src/import/demo.ts';
import { createApp } from '../src/app.ts';
import { freeLocalPort } from '../tools/neo4j/local-neo4j.ts';
import { responseCacheOption, withResponseCache } from './response-cache-flag.ts';

const runs = Number(process.env.BENCH_RUNS ?? 50);
const warmup = 10;

const queries: Record<string, string> = {
  'outlook leica as of 2021-11-16': `{ partnershipOutlook(opticsPartner: "leica", asOf: "2021-11-16") {
    evaluatedOn freeFrom assumesEndOf { clause { slug } }
    candidates(first: 10) { totalCount edges { node { manufacturer { name } score pastPartner evidence { claim { statement } leaker { name } credibility weight direction } } } }
    existingPartners { manufacturer { name } reason partnership { slug start { text } sources { url } } }
    excluded(first: 50) { totalCount edges { node { manufacturer { name } reason } } } } }`,
  'outlook leica today': `{ partnershipOutlook(opticsPartner: "leica") { evaluatedOn candidates(first: 10) { edges { node { manufacturer { name } score } } } excluded { totalCount } } }`,
  'devices co-engineered with leica': `{ devices(opticsPartner: "leica", first: 50) { edges { node { name announced { text } manufacturer { name } } } } }`,
  'leaker claims + credibility': `{ leaker(id: "digital-chat-station") { credibility { value } claims(first: 50) { edges { node { statement outcome } } } } }`,
  'manufacturers > devices > optics partner': `{ manufacturers(first: 50) { edges { node { name devices(first: 20) { edges { node { name opticsPartner { name } } } } } } } }`,
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const { values: args } = parseArgs({ allowNegative: true, options: responseCacheOption });
const configured = loadConfig({ ...process.env, LOG_LEVEL: 'warn' });
const { config, label } = withResponseCache(configured, args['response-cache']);
const logger = createLogger('warn');
const dataDir = mkdtempSync(join(tmpdir(), 'optics-graph-bench-'));
const runtime = await startRuntime(config, logger, { localPort: await freeLocalPort(), localDataDir: dataDir });
try {
  await loadDemoIfEmpty(runtime.graph, logger);
  const app = createApp({ config, graph: runtime.graph, logger });
  console.log(`Neo4j ${runtime.neo4jVersion} (${runtime.connection.origin}); ${warmup} warm-up runs, then ${runs} timed runs each, one at a time`);
  console.log(`${label}\n`);
  console.log('query'.padEnd(44), 'median ms'.padStart(10), 'p95 ms'.padStart(8), 'round trips'.padStart(12));
  for (const [name, query] of Object.entries(queries)) {
    const once = async () => {
      const started = performance.now();
      const response = await app.fetch('http://bench/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
      const body = (await response.json()) as { errors?: unknown[]; extensions?: { cypherRoundTrips?: number } };
      if (body.errors) throw new Error(`${name}: ${JSON.stringify(body.errors)}`);
      return { ms: performance.now() - started, roundTrips: body.extensions?.cypherRoundTrips ?? 0 };
    };
    for (let i = 0; i < warmup; i++) await once();
    const timings: number[] = [];
    let roundTrips = 0;
    for (let i = 0; i < runs; i++) {
      const result = await once();
      timings.push(result.ms);
      roundTrips = result.roundTrips;
    }
    timings.sort((a, b) => a - b);
    console.log(name.padEnd(44), percentile(timings, 50).toFixed(1).padStart(10), percentile(timings, 95).toFixed(1).padStart(8), String(roundTrips).padStart(12));
  }
} finally {
  await runtime.shutdown();
  rmSync(dataDir, { recursive: true, force: true });
}
