/**
 * `npm run bench:scale -- --claims 200000`: how this service reads a large graph, next to the Neo4j
 * GraphQL Library (@neo4j/graphql) and raw Cypher over the same Neo4j, the same driver, the same
 * process. Then requests per second over HTTP on the demo data, ours against the library.
 *
 *   1. generates the world (bench/generate.ts) or reuses the file generated before for that size;
 *   2. loads it into a fresh local Neo4j (temp folder, free port) with `npm run import -- --initial-load`
 *      (`--load online`: `npm run import` into the running Neo4j, in parts of --claims-per-import);
 *   3. checks the three contenders give the same answers to reads 1-4 (fails loudly if not);
 *   4. times reads 1-4 interleaved, warm, and the partnership outlook (ours only);
 *   5. on a second fresh Neo4j holding the demo data: autocannon, 10 connections, reads 1-4.
 * Options: --claims N (200000) --seed S (1) --bundle FILE (reuse this file) --runs N (30)
 * --budget SECONDS per read, warm-up included, after 3 timed runs (120)
 * --warmup N (5) --duration SECONDS (10) --connections N (10) --heap 4g --pagecache 2g
 * --load initial|online (initial) --data DIR (a folder loaded from --bundle before: reused, kept) --skip-throughput --skip-scale --allow-mismatch (time reads whose answers differ, marked *)
 * --no-response-cache (ours without its response cache; by default as configured, RESPONSE_CACHE_ENTRIES).
 * Everything it starts it stops, also on error and on Ctrl-C.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../src/app.ts';
import { loadDemoIfEmpty } from '../src/import/demo.ts';
import { graphqlContender, rawCypherContender } from './contenders.ts';
import { freshDataDir, importBundleFile, loadInitially, startFreshNeo4j, stopImport, type FreshNeo4j, type Memory } from './fresh-neo4j.ts';
import { generateWorld, type WorldMeta } from './generate.ts';
import { statement } from '../src/graph/statements.ts';
import { outlookFactsParameters, outlookFactsStatements } from '../src/graph/outlook-facts.ts';
import { outlookQuery } from './outlook-query.ts';
import { createPeerApp } from './peer/peer-app.ts';
import { firstDifference, READS, type Read, type ReadIds } from './reads.ts';
import { ms, ratio, table, timeInterleaved } from './timing.ts';
import { splitBundle } from './split-bundle.ts';
import { compareThroughput } from './throughput.ts';
import { findRunningNeo4j } from '../tools/neo4j/running-neo4j.ts';
import { responseCacheOption, withResponseCache } from './response-cache-flag.ts';

const { values: args } = parseArgs({
  allowNegative: true,
  options: {
    ...responseCacheOption,
    claims: { type: 'string', default: '200000' },
    seed: { type: 'string', default: '1' },
    bundle: { type: 'string' },
    runs: { type: 'string', default: '30' },
    budget: { type: 'string', default: '120' },
    // The JVM's JIT compiles for minutes after a start (C2 took 40 s of CPU in the first two): warm long.
    warmup: { type: 'string', default: '20' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    heap: { type: 'string', default: process.env.NEO4J_LOCAL_HEAP ?? '4g' },
    pagecache: { type: 'string', default: process.env.NEO4J_LOCAL_PAGECACHE ?? '2g' },
    'skip-throughput': { type: 'boolean', default: false },
    'skip-scale': { type: 'boolean', default: false },
    'allow-mismatch': { type: 'boolean', default: false },
    // An import's last transaction publishes the whole bundle, about 13 KB of transaction memory per
    // claim (src/import/staging.ts): 100,000 claims need about 1.3 GB, so the 4g default holds one part.
    // A 1M world in one bundle needs about 13 GB there (a 20 GB heap), more than this machine has.
    'claims-per-import': { type: 'string', default: '100000' },
    // initial: the bulk importer fills the bench's fresh folder (npm run import -- --initial-load);
    // online: the transactional importer, in parts of --claims-per-import claims.
    load: { type: 'string', default: 'initial' },
    // A data folder already loaded from --bundle (npm run import -- --initial-load): no import, kept.
    data: { type: 'string' },
  },
});
if (args.load !== 'initial' && args.load !== 'online') throw new Error(`--load ${args.load}: give initial (the bulk importer) or online (npm run import)`);
const claims = Number(args.claims);
const seed = Number(args.seed);
const runs = Number(args.runs);
const warmup = Number(args.warmup);
const budget = Number(args.budget);
const memory: Memory = { heap: args.heap, pageCache: args.pagecache };
const log = (line: string) => console.log(line);

const started: FreshNeo4j[] = [];
async function stopAll() {
  stopImport();
  await Promise.all(started.map((neo4j) => neo4j.stop().catch((error: unknown) => console.error(`could not stop Neo4j: ${String(error)}`))));
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping what the bench started`);
    void stopAll().finally(() => process.exit(130));
  });
}

/** The bundle for this size and seed: the file given, the one generated earlier, or a new one. */
function worldFile(): { file: string; meta: WorldMeta } {
  const file = args.bundle ?? join(tmpdir(), `optics-graph-world-${claims}-seed${seed}.json`);
  const metaFile = `${file}.meta.json`;
  if (existsSync(file) && existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as WorldMeta;
    if (args.bundle || (meta.counts.claims === claims && meta.seed === seed)) {
      log(`world: reusing ${file} (${meta.counts.claims} claims, seed ${meta.seed})`);
      return { file, meta };
    }
  }
  if (args.bundle) throw new Error(`--bundle ${file}: needs the file and its ${metaFile} (written by bench/generate.ts)`);
  const t = performance.now();
  const meta = generateWorld({ claims, out: file, seed });
  log(`world: generated ${file} (${claims} claims, seed ${seed}) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return { file, meta };
}

/** What Neo4j itself says the outlook's two statements, as the service sends them, hold in memory at their peaks (PROFILE), together. */
async function outlookFactsMemory(runtime: FreshNeo4j['runtime'], partner: string): Promise<number> {
  let bytes = 0;
  for (const { name, params, selection } of outlookFactsStatements(outlookFactsParameters(partner, new Date().toISOString().slice(0, 10)))) {
    const result = await runtime.graph.driver.executeQuery(`PROFILE ${statement(name, selection)}`, params, { database: runtime.connection.database, routing: 'READ' });
    bytes += Number(result.summary.profile ? ((result.summary.profile.arguments as Record<string, unknown>).GlobalMemory ?? 0) : 0);
  }
  return bytes / 1e6;
}

async function scalePhase() {
  const { file, meta } = worldFile();
  let neo4j: FreshNeo4j;
  if (args.data) {
    // A folder an earlier initial load filled from this bundle (kept, not deleted at the end).
    log(`import: none, reusing the graph in ${args.data}`);
    neo4j = await startFreshNeo4j(memory, log, args.data, true);
    started.push(neo4j);
  } else if (args.load === 'initial') {
    // The bulk importer fills a folder no Neo4j runs on; the bench's Neo4j starts on it afterwards.
    const dataDir = freshDataDir();
    const seconds = await loadInitially(dataDir, file, memory, log).catch((error: unknown) => {
      rmSync(dataDir, { recursive: true, force: true });
      throw error;
    });
    log(`import: initial load ${seconds.toFixed(1)} s wall clock, including the importer's own start and stop of Neo4j\n`);
    neo4j = await startFreshNeo4j(memory, log, dataDir);
    started.push(neo4j);
  } else {
    neo4j = await startFreshNeo4j(memory, log);
    started.push(neo4j);
    const perPart = Number(args['claims-per-import']);
    const files = (meta.counts.claims ?? 0) > perPart ? await splitBundle(file, perPart) : [file];
    if (files.length > 1) log(`import: ${files.length} bundles of at most ${perPart} claims, each its own transaction (--claims-per-import)`);
    let seconds = 0;
    for (const part of files) seconds += await importBundleFile(neo4j.runtime.connection.uri, part, log);
    log(`import: ${seconds.toFixed(1)} s wall clock, including the importer's own start\n`);
  }
  const { runtime, config, logger } = neo4j;
  log(`Neo4j ${runtime.neo4jVersion} at ${runtime.connection.uri}; heap ${config.neo4j.localHeap}, page cache ${config.neo4j.localPageCache}`);
  // Plans made while the import ran saw an empty graph; start the timings from plans made on this one.
  await runtime.graph.runScript('CALL db.awaitIndexes(600)');
  await runtime.graph.runScript('CALL db.clearQueryCaches()');

  const served = withResponseCache(config, args['response-cache']);
  log(`ours: ${served.label}`);
  const oursApp = createApp({ config: served.config, graph: runtime.graph, logger });
  const ours = graphqlContender('ours', oursApp, 'ours');
  const peerApp = await createPeerApp(runtime.graph.driver, runtime.connection.database);
  const contenders = [ours, graphqlContender('@neo4j/graphql', peerApp, 'peer'), rawCypherContender(runtime.graph.driver, runtime.connection.database)];
  const ids: ReadIds = { device: meta.sampleDevice, opticsPartner: meta.busiestOpticsPartner.id, leaker: meta.busiestLeaker.id };
  log(
    `ids: device ${ids.device}; busiest optics partner ${ids.opticsPartner} (${meta.busiestOpticsPartner.claims} claims); busiest leaker ${ids.leaker} (${meta.busiestLeaker.claims} claims); quietest optics partner ${meta.quietestOpticsPartner.id} (${meta.quietestOpticsPartner.claims} claims)`,
  );

  const mismatched = new Set<string>();
  for (const read of READS) {
    const [mine, ...others] = await Promise.all(contenders.map((c) => c.run(read, ids)));
    for (const [index, other] of others.entries()) {
      const differs = firstDifference(mine!.comparable, other.comparable);
      if (!differs) continue;
      const message = `read ${read.name}: ours and ${contenders[index + 1]!.name} disagree at ${differs}`;
      if (!args['allow-mismatch']) throw new Error(`${message}\n(--allow-mismatch times the reads anyway, marking them)`);
      log(`MISMATCH ${message}`);
      mismatched.add(read.name);
    }
    if (JSON.stringify(mine!.comparable).length < 20) throw new Error(`read ${read.name}: the answer is empty (${JSON.stringify(mine!.comparable)}); the ids do not fit the data`);
  }
  log(mismatched.size === 0 ? `check: the three contenders return the same data for reads 1-4\n` : `check: ${mismatched.size} read(s) differ, marked * below\n`);

  const rows: string[][] = [];
  for (const read of READS) {
    const t = await timeInterleaved(contenders, read, ids, warmup, runs, budget);
    const [o, p, r] = contenders.map((c) => t.get(c.name)!);
    rows.push([
      `${read.name}${mismatched.has(read.name) ? ' *' : ''}`,
      ms(o!.median),
      ms(o!.p95),
      ms(p!.median),
      ms(p!.p95),
      ms(r!.median),
      ms(r!.p95),
      ratio(o!.median, p!.median),
      ratio(o!.median, r!.median),
      String(o!.roundTrips ?? '-'),
      `${o!.runs}/${p!.runs}/${r!.runs}`,
    ]);
  }
  const outlookMemory: string[] = [];
  // Worked out anew on every request (no outlook or response cache), and kept between requests until a write (as configured).
  const anew = graphqlContender('ours', createApp({ config: { ...served.config, outlookCacheEntries: 0, responseCacheEntries: 0 }, graph: runtime.graph, logger }), 'ours');
  for (const [label, partner] of [
    ['busiest', meta.busiestOpticsPartner.id],
    ['quietest', meta.quietestOpticsPartner.id],
  ] as const) {
    for (const [how, contender] of [
      ['worked out anew', anew],
      ['kept until a write', ours],
    ] as const) {
      const read: Read = { ...READS[0]!, name: `5 outlook, ${label} (${partner}), ${how}`, ours: outlookQuery, variables: () => ({ p: partner }), fromOurs: () => null };
      const t = (await timeInterleaved([contender], read, ids, warmup, runs, budget)).get('ours')!;
      rows.push([read.name, ms(t.median), ms(t.p95), '-', '-', '-', '-', '-', '-', String(t.roundTrips ?? '-'), String(t.runs)]);
    }
    outlookMemory.push(`${label} ${(await outlookFactsMemory(runtime, partner)).toFixed(1)} MB`);
  }
  log(`${claims} claims; ${warmup} warm-up runs, then ${runs} timed runs per contender, interleaved (fewer when a read passes ${budget} s); outlook: the README's selection`);
  log(`outlook-facts + outlook-evidence-digest, Neo4j's own estimate of their memory per request (PROFILE, GlobalMemory): ${outlookMemory.join(', ')}\n`);
  log(table(['read', 'ours med', 'ours p95', 'peer med', 'peer p95', 'raw med', 'raw p95', 'ours/peer', 'ours/raw', 'round trips', 'runs o/p/r'], rows));
  await neo4j.stop();
}

async function throughputPhase() {
  const neo4j = await startFreshNeo4j(memory, log);
  started.push(neo4j);
  const { runtime, config, logger } = neo4j;
  await loadDemoIfEmpty(runtime.graph, logger);
  const served = withResponseCache(config, args['response-cache']);
  log(`\nthroughput: demo data on Neo4j ${runtime.neo4jVersion}, ${args.connections} connections, ${args.duration} s per read and contender, over HTTP`);
  log(`ours: ${served.label}`);
  // The JVM the launcher runs Neo4j in: its process id is noted in the data folder.
  const running = await findRunningNeo4j(neo4j.dataDir);
  if (!running) throw new Error(`no Neo4j noted as running on ${neo4j.dataDir}`);
  const report = await compareThroughput({
    neo4jPid: running.pid,
    ours: createApp({ config: served.config, graph: runtime.graph, logger }),
    oursLabel: served.config.responseCacheEntries > 0 ? 'ours (response cache)' : 'ours (no response cache)',
    peer: await createPeerApp(runtime.graph.driver, runtime.connection.database),
    ids: { device: 'huawei-p50', opticsPartner: 'leica', leaker: 'digital-chat-station' },
    connections: Number(args.connections),
    durationSeconds: Number(args.duration),
    log,
  });
  log(`\n${report}`);
  await neo4j.stop();
}

let exitCode = 0;
try {
  log(
    `optics-graph scale bench: Node ${process.version}; local Neo4j memory: heap ${memory.heap}, page cache ${memory.pageCache} (NEO4J_LOCAL_HEAP / NEO4J_LOCAL_PAGECACHE, or --heap / --pagecache)`,
  );
  if (!args['skip-scale']) await scalePhase();
  if (!args['skip-throughput']) await throughputPhase();
} catch (error) {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await stopAll();
}
process.exit(exitCode);
