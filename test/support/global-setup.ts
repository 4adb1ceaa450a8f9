/**
 * Starts one Neo4j for the whole test run, the same way the service does (NEO4J_URI, else Docker,
 * else the local Neo4j on a free port with a fresh data folder), applies the migrations, loads the
 * demo bundle, and stops it again when the run ends. Test files reach it through `inject('neo4j')`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { startRuntime, type Runtime } from '../../src/runtime.ts';
import { freeLocalPort } from '../../tools/neo4j/local-neo4j.ts';
import { loadDemoIfEmpty } from '../../src/import/demo.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: { uri: string; username: string; password: string; database: string; version: string; origin: string };
  }
}

let runtime: Runtime | null = null;
let dataDir: string | null = null;

export async function setup(project: TestProject): Promise<void> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', NEO4J_LOCAL_HEAP: '768m', NEO4J_LOCAL_PAGECACHE: '128m' });
  const logger = createLogger(config.logLevel);
  dataDir = mkdtempSync(join(tmpdir(), 'optics-graph-test-'));
  runtime = await startRuntime(config, logger, { localPort: await freeLocalPort(), localDataDir: dataDir });
  await loadDemoIfEmpty(runtime.graph, logger);
  const { connection } = runtime;
  process.stdout.write(`\nIntegration tests run against Neo4j ${runtime.neo4jVersion} (${connection.origin}, ${connection.uri})\n\n`);
  project.provide('neo4j', {
    uri: connection.uri,
    username: connection.username,
    password: connection.password,
    database: connection.database,
    version: runtime.neo4jVersion,
    origin: connection.origin,
  });
}

export async function teardown(): Promise<void> {
  await runtime?.shutdown();
  runtime = null;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
