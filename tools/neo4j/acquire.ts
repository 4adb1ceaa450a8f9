/**
 * Where a process of this project gets its Neo4j 5 when NEO4J_URI names none, in one code path for
 * the service, the tests and the scripts:
 *   1. A Docker engine answers (and testcontainers is installed): a neo4j:5.26-community container.
 *   2. Otherwise the local Neo4j (Java + Maven, local-neo4j.ts): the one already running on the
 *      data folder if there is one (running-neo4j.ts), else one this process starts.
 * Whatever this process started, `release()` stops again; what it found running it leaves running.
 */
import type { Config } from '../../src/config.ts';
import type { Neo4jConnection } from '../../src/graph/connection.ts';
import { dockerEngineAnswers, startDockerNeo4j, testcontainersInstalled } from './docker-neo4j.ts';
import { javaAvailable, startLocalNeo4j } from './local-neo4j.ts';
import { findRunningNeo4j } from './running-neo4j.ts';

export class NoNeo4jError extends Error {
  override name = 'NoNeo4jError';
}

export const noNeo4jMessage = `No Neo4j 5 is available. This project gets one in one of three ways:
  1. Your own server: set NEO4J_URI (and NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE),
     e.g. NEO4J_URI=neo4j+s://<id>.databases.neo4j.io for Aura.
  2. Docker: start a Docker engine (with the development dependencies installed: npm ci); the tests
     then use testcontainers, and \`docker compose up\` runs everything.
  3. Local: install Java 17+ and Maven 3 (e.g. apt-get install openjdk-17-jdk maven); the project then
     builds and starts Neo4j 5.26 Community itself from Maven Central.`;

export interface AcquireOptions {
  /** Overrides the configured local port/data folder (tests use a free port and a fresh folder). */
  localPort?: number;
  localDataDir?: string;
  onProgress?: (message: string) => void;
}

export async function acquireNeo4j(config: Config, options: AcquireOptions = {}): Promise<Neo4jConnection> {
  const { neo4j } = config;
  const mode = neo4j.mode;
  if (mode === 'docker' || (mode === 'auto' && (await dockerEngineAnswers()) && (await testcontainersInstalled()))) {
    return startDockerNeo4j(options.onProgress);
  }
  const dataDir = options.localDataDir ?? neo4j.localDataDir;
  const running = await findRunningNeo4j(dataDir);
  if (running) {
    options.onProgress?.(`using the local Neo4j already running on ${dataDir} (${running.uri}, pid ${running.pid}, started by ${running.startedBy})`);
    return { ...localCredentials, uri: running.uri, origin: 'local-running', release: async () => {} };
  }
  if (!javaAvailable()) throw new NoNeo4jError(noNeo4jMessage);
  const local = await startLocalNeo4j({
    port: options.localPort ?? neo4j.localPort,
    dataDir,
    heap: neo4j.localHeap,
    pageCache: neo4j.localPageCache,
    transactionMemory: neo4j.localTransactionMemory ?? undefined,
    onProgress: options.onProgress,
  });
  return { ...localCredentials, uri: local.uri, origin: 'local', pid: local.pid, release: local.stop };
}

/** The local server runs without authentication and only on loopback (see README): any password is accepted. */
export const localCredentials = { username: 'neo4j', password: '', database: 'neo4j' } as const;
