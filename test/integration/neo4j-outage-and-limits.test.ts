/**
 * Neo4j's limits and outages as a client sees them, on a Neo4j of this file's own (started here with
 * a small transaction memory cap, killed and restarted by its process id; the run's shared Neo4j is
 * never touched):
 * - a statement over the memory cap or past its timeout answers a coded error, once, and the next
 *   query works;
 * - with Neo4j killed under load, requests fail fast with SERVICE_UNAVAILABLE (HTTP 503, Retry-After),
 *   /ready turns 503 within seconds, one line is logged per request, and when Neo4j is back the same
 *   service recovers by itself within 10 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { GraphExecutor, GraphMemoryLimitError, GraphTimeoutError } from '../../src/graph/executor.ts';
import { freeLocalPort, startLocalNeo4j, type LocalNeo4j } from '../../tools/neo4j/local-neo4j.ts';
import { applyMigrations } from '../../src/graph/migrations.ts';
import { loadDemoIfEmpty } from '../../src/import/demo.ts';
import { testRead } from '../support/test-statements.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'optics-graph-outage-'));
const memory = { heap: '512m', pageCache: '64m', transactionMemory: '64m' };
let port: number;
let neo4j: LocalNeo4j | null = null;
let graph: GraphExecutor;
let app: App;
/** Every line the service logged, as parsed JSON. */
const logged: { level: number; msg: string; statement?: string }[] = [];

beforeAll(async () => {
  port = await freeLocalPort();
  neo4j = await startLocalNeo4j({ ...memory, port, dataDir, startTimeoutMs: 600_000 });
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) logged.push(JSON.parse(line));
      done();
    },
  });
  const logger = pino({ level: 'debug' }, sink);
  // A minute per transaction: a fresh Neo4j on a busy machine compiles its first plans slowly.
  graph = GraphExecutor.connect(neo4j.uri, 'neo4j', '', 'neo4j', logger, { transactionTimeoutMs: 60_000 });
  await applyMigrations(graph);
  await loadDemoIfEmpty(graph, logger);
  app = createApp({ config: loadConfig({ LOG_LEVEL: 'debug' }), graph, logger });
}, 900_000);

afterAll(async () => {
  await graph?.close();
  await neo4j?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const companiesQuery = '{ companies(first: 5) { edges { node { name devices(first: 5) { edges { node { name } } } } } } }';

async function post(query: string, accept = 'application/graphql-response+json') {
  const started = performance.now();
  const response = await app.fetch('http://test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
  return { status: response.status, body, retryAfter: response.headers.get('retry-after'), ms: performance.now() - started, started };
}

async function ready() {
  const response = await app.fetch('http://test/ready');
  return { status: response.status, body: (await response.json()) as { status: string; checks: { neo4j: { status: string } } } };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Milliseconds until /ready answers `status`, asking every 50 ms; NaN if it does not within `limitMs`. */
async function readyTurns(status: number, limitMs: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    if ((await ready()).status === status) return performance.now() - started;
    await sleep(50);
  }
  return Number.NaN;
}

describe('limits of one transaction', () => {
  it('answers a statement over the transaction memory cap with a memory error naming the setting, asks Neo4j once, and the next query works', async () => {
    const failedBefore = logged.filter((line) => line.msg === 'cypher failed' && line.statement === 'script').length;
    const error = await testRead(graph, 'hold-memory', { n: 50_000_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphMemoryLimitError);
    expect((error as Error).message).toMatch(/db\.memory\.transaction\.max/);
    // A retried memory hog could take a restarted Neo4j down again: it is sent once.
    expect(logged.filter((line) => line.msg === 'cypher failed' && line.statement === 'script').length - failedBefore).toBe(1);
    expect(await testRead(graph, 'hold-memory', { n: 10 })).toEqual([{ held: 10 }]);
  });

  it('answers a statement past its timeout with a timeout error naming NEO4J_TRANSACTION_TIMEOUT, and the next query works', async () => {
    const impatient = new GraphExecutor(graph.driver, graph.database, pino({ level: 'silent' }), { transactionTimeoutMs: 1000 });
    const error = await testRead(impatient, 'spin', { n: 100_000_000_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphTimeoutError);
    expect((error as Error).message).toMatch(/1 s .*NEO4J_TRANSACTION_TIMEOUT=1\b/);
    expect(await testRead(impatient, 'spin', { n: 10 })).toEqual([{ matched: 0 }]);
  });

  it('sends a write that lost a deadlock to another write again, so both land', async () => {
    await graph.runScript("UNWIND ['a', 'b'] AS id CREATE (:DeadlockProbe {id: id, writes: 0})");
    // Each takes one lock, works 1.5 s (so both hold theirs), then wants the other's: Neo4j ends one
    // to break the deadlock, and the executor (not the driver, whose retry window is 1 s) sends it again.
    const crossing = (first: string, second: string) =>
      graph.runScript(
        `MATCH (x:DeadlockProbe {id: $first}) SET x.writes = x.writes + 1
         WITH datetime.realtime() + duration({milliseconds: 1500}) AS until
         CALL (until) { UNWIND range(1, 1000000000) AS i WITH i WHERE datetime.realtime() >= until RETURN i LIMIT 1 }
         MATCH (y:DeadlockProbe {id: $second}) SET y.writes = y.writes + 1
         RETURN y.writes AS writes`,
        { first, second },
      );
    const lost = logged.filter((line) => line.msg === 'lost to other writes; sending the transaction again').length;
    try {
      await Promise.all([crossing('a', 'b'), crossing('b', 'a')]);
      expect(await graph.runScript('MATCH (p:DeadlockProbe) RETURN p.id AS id, p.writes AS writes ORDER BY id', {}, 'READ')).toEqual([
        { id: 'a', writes: 2 },
        { id: 'b', writes: 2 },
      ]);
      expect(logged.filter((line) => line.msg === 'lost to other writes; sending the transaction again').length).toBeGreaterThan(lost);
    } finally {
      await graph.runScript('MATCH (p:DeadlockProbe) DELETE p');
    }
  }, 60_000);

  it('gives a GraphQL field that runs past the timeout the code TIMEOUT, not "Unexpected error."', async () => {
    const impatient = new GraphExecutor(graph.driver, graph.database, pino({ level: 'silent' }), { transactionTimeoutMs: 1 });
    const impatientApp = createApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), graph: impatient, logger: pino({ level: 'silent' }) });
    // A statement on the demo data can finish before Neo4j notices that its 1 ms deadline passed (one
    // outlook did, about one run in three); fifteen outlooks, thirty statements each in its own
    // transaction, cannot all.
    const outlooks = ['leica', 'zeiss', 'hasselblad'].flatMap((partner) =>
      ['2021-11-16', '2022-06-01', '2023-01-01', '2024-01-01', '2025-01-01'].map(
        (asOf, i) => `${partner}${i}: partnershipOutlook(opticsPartner: "${partner}", asOf: "${asOf}") { candidates(first: 5) { edges { node { manufacturer { name } score } } } }`,
      ),
    );
    const response = await impatientApp.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ ${outlooks.join(' ')} }` }),
    });
    const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    expect(body.errors?.length).toBeGreaterThan(0);
    for (const error of body.errors ?? []) {
      expect(error.extensions?.code).toBe('TIMEOUT');
      expect(error.message).toMatch(/NEO4J_TRANSACTION_TIMEOUT/);
    }
    expect((await post('{ company(id: "leica") { name } }')).body).toEqual({ data: { company: { name: 'Leica Camera AG' } }, extensions: expect.any(Object) });
  });
});

describe('Neo4j killed under load', () => {
  it('fails fast with SERVICE_UNAVAILABLE and 503, turns /ready 503, logs a line per request, and recovers by itself when Neo4j returns', async () => {
    expect((await ready()).status).toBe(200);
    const results: Awaited<ReturnType<typeof post>>[] = [];
    let running = true;
    const clients = Array.from({ length: 10 }, async () => {
      while (running) {
        results.push(await post(companiesQuery));
        // A refused request answers without any I/O: without this the clients would never let a timer run.
        await new Promise((resolve) => setImmediate(resolve));
      }
    });
    while (results.filter((r) => r.status === 200).length < 20) await sleep(50);

    const killedAt = performance.now();
    process.kill(neo4j!.pid, 'SIGKILL');
    neo4j = null;
    const readyTurnedAfter = await readyTurns(503, 10_000);
    const outageKnownAt = performance.now();
    const infoLines = () => logged.filter((line) => line.level >= 30).length;
    const linesBefore = infoLines();
    const answeredBefore = results.length;
    await sleep(2000);
    running = false;
    await Promise.all(clients);
    const linesDuring = infoLines() - linesBefore;
    const answeredDuring = results.length - answeredBefore;
    const duringOutage = results.filter((r) => r.started >= outageKnownAt);

    expect(readyTurnedAfter).toBeLessThan(5000);
    const readyBody = (await ready()).body;
    expect(readyBody).toMatchObject({ status: 'unavailable', checks: { neo4j: { status: 'down' } } });
    expect(duringOutage.length).toBeGreaterThan(50);
    for (const result of duringOutage) {
      expect(result.status).toBe(503);
      expect(result.retryAfter).toBe('2');
      expect(result.body.data).toBeUndefined();
      expect(result.body.errors).toEqual([
        expect.objectContaining({ message: expect.stringMatching(/Neo4j cannot be reached/), extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE' }) }),
      ]);
    }
    // Fail fast: once Neo4j is known to be down nobody waits for the driver.
    expect(Math.max(...duringOutage.map((r) => r.ms))).toBeLessThan(1000);
    // No request waited out the driver's retries either, even the first ones after the kill.
    expect(Math.max(...results.filter((r) => r.started + r.ms > killedAt).map((r) => r.ms))).toBeLessThan(5000);
    // Those already waiting for Neo4j when the outage became known stopped waiting then too.
    const inFlightEnds = results.filter((r) => r.started < outageKnownAt && r.started + r.ms > killedAt).map((r) => r.started + r.ms);
    expect(inFlightEnds.length).toBeGreaterThan(0);
    expect(Math.max(...inFlightEnds) - outageKnownAt).toBeLessThan(1000);
    // One line per request, not one per field it could not load.
    expect(linesDuring).toBeLessThanOrEqual(answeredDuring + 2);

    // Plain application/json keeps HTTP 200 (the GraphQL-over-HTTP spec asks for it) with the same coded error.
    const legacy = await post(companiesQuery, 'application/json');
    expect(legacy.status).toBe(200);
    expect(legacy.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');

    neo4j = await startLocalNeo4j({ ...memory, port, dataDir, startTimeoutMs: 600_000 });
    expect(await readyTurns(200, 30_000)).toBeLessThan(10_000);
    expect((await ready()).body).toMatchObject({ status: 'ready', checks: { neo4j: { status: 'up' }, migrations: { status: 'applied' } } });
    const after = await post(companiesQuery);
    expect(after.status).toBe(200);
    expect(after.body.errors).toBeUndefined();
  }, 900_000);
});
