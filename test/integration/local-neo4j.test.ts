/**
 * The local Neo4j (no Docker engine on these machines): a clear error for a busy port and for a data
 * folder another Neo4j holds, a second process that finds the running one and uses it, and
 * migrations applied to an empty database twice. Runs only where this run's Neo4j is the local
 * launcher's (not with NEO4J_URI or Docker, where Java and Maven may be missing).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freeLocalPort, startLocalNeo4j, type LocalNeo4j } from '../../tools/neo4j/local-neo4j.ts';
import { GraphExecutor } from '../../src/graph/executor.ts';
import { applyMigrations, readMigrations } from '../../src/graph/migrations.ts';
import { createLogger } from '../../src/log.ts';
import { loadConfig } from '../../src/config.ts';
import { startRuntime } from '../../src/runtime.ts';
import { findRunningNeo4j, noteRunningNeo4j } from '../../tools/neo4j/running-neo4j.ts';

describe.runIf(inject('neo4j').origin === 'local')('the local Neo4j', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'optics-graph-local-'));
  const options = { heap: '512m', pageCache: '64m', dataDir };
  let neo4j: LocalNeo4j;
  let graph: GraphExecutor;

  beforeAll(async () => {
    neo4j = await startLocalNeo4j({ ...options, port: await freeLocalPort() });
    graph = GraphExecutor.connect(neo4j.uri, 'neo4j', '', 'neo4j', createLogger('silent'));
  });

  afterAll(async () => {
    await graph?.close();
    await neo4j?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('applies the migrations to an empty database once, and a second time changes nothing', async () => {
    const all = readMigrations().map((m) => m.id);
    expect(await applyMigrations(graph)).toEqual(all);
    const constraints = async () => (await graph.runScript('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names'))[0]!.names as string[];
    const before = await constraints();
    expect(await applyMigrations(graph)).toEqual([]);
    expect(await constraints()).toEqual(before);
    expect(before).toEqual(expect.arrayContaining(['company_id', 'claim_id', 'source_id']));
    const indexes = (await graph.runScript("SHOW INDEXES YIELD name, type WHERE type = 'FULLTEXT' RETURN collect(name) AS names"))[0]!.names;
    expect(indexes).toEqual(['text_search']);
  });

  it('refuses a second start on a data folder another Neo4j holds, saying so', async () => {
    await expect(startLocalNeo4j({ ...options, port: await freeLocalPort(), startTimeoutMs: 120_000 })).rejects.toThrow(/locked by another Neo4j|lock/i);
  });

  it('is found and used, not stopped, by a second process on the same data folder (npm run import while npm start runs)', async () => {
    const config = loadConfig({ NEO4J_MODE: 'local', NEO4J_LOCAL_DATA: dataDir, LOG_LEVEL: 'silent' });
    const runtime = await startRuntime(config, createLogger('silent'), { localPort: await freeLocalPort() });
    expect(runtime.connection).toMatchObject({ origin: 'local-running', uri: neo4j.uri });
    await runtime.shutdown();
    const [row] = await graph.runScript('RETURN 1 AS one');
    expect(row?.one).toBe(1);
  });

  it('forgets a note left by a Neo4j that is gone, so the next start starts its own', async () => {
    const otherDir = mkdtempSync(join(tmpdir(), 'optics-graph-stale-'));
    try {
      noteRunningNeo4j(otherDir, { uri: 'bolt://127.0.0.1:9', version: '5.26.0', pid: 2 ** 22 + 1, startedBy: 'npm start' });
      expect(await findRunningNeo4j(otherDir)).toBeNull();
    } finally {
      rmSync(otherDir, { recursive: true, force: true });
    }
  });

  it('refuses a busy port at once, naming it and the fix', async () => {
    const blocker: Server = createServer();
    const port = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)));
    try {
      const otherDir = mkdtempSync(join(tmpdir(), 'optics-graph-busy-'));
      await expect(startLocalNeo4j({ ...options, dataDir: otherDir, port })).rejects.toThrow(new RegExp(`port 127.0.0.1:${port} is busy.*NEO4J_LOCAL_PORT`));
      rmSync(otherDir, { recursive: true, force: true });
    } finally {
      blocker.close();
    }
  });
});
