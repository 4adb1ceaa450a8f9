/**
 * Where this process gets its Neo4j 5, in one code path for the service and the tests:
 *   1. NEO4J_URI is set: the user's own server, cluster or Aura.
 *   2. A Docker engine answers: a neo4j:5.26-community container through testcontainers.
 *   3. Otherwise: the local Neo4j the project starts itself (Java + Maven, see local-neo4j.ts).
 * Whatever this process started, `release()` stops again.
 */
import { request } from 'node:http';
import { existsSync } from 'node:fs';
import type { Config } from '../config.ts';
import { javaAvailable, startLocalNeo4j } from './local-neo4j.ts';

export interface Neo4jConnection {
  uri: string;
  username: string;
  password: string;
  database: string;
  /** How it was obtained, for logs and the test header. */
  origin: 'uri' | 'docker' | 'local';
  /** Stops what this process started (nothing for a user's own server). */
  release(): Promise<void>;
}

export class NoNeo4jError extends Error {
  override name = 'NoNeo4jError';
}

export const noNeo4jMessage = `No Neo4j 5 is available. This service gets one in one of three ways:
  1. Your own server: set NEO4J_URI (and NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE),
     e.g. NEO4J_URI=neo4j+s://<id>.databases.neo4j.io for Aura.
  2. Docker: start a Docker engine; the tests then use testcontainers and \`docker compose up\` runs everything.
  3. Local: install Java 17+ and Maven 3 (e.g. apt-get install openjdk-17-jdk maven); the service then
     builds and starts Neo4j 5.26 Community itself from Maven Central.`;

/** Asks the Docker engine for /_ping; no engine answers within a second on machines without one. */
export function dockerEngineAnswers(timeoutMs = 1000): Promise<boolean> {
  const host = process.env.DOCKER_HOST;
  const socketPath = host?.startsWith('unix://') ? host.slice('unix://'.length) : host ? null : '/var/run/docker.sock';
  if (socketPath && !existsSync(socketPath)) return Promise.resolve(false);
  const where = socketPath ? { socketPath } : (({ hostname, port }) => ({ host: hostname, port }))(new URL(host!.replace(/^tcp:/, 'http:')));
  return new Promise((resolvePromise) => {
    const req = request(
      { ...where, path: '/_ping', timeout: timeoutMs },
      (res) => {
        res.resume();
        resolvePromise(res.statusCode === 200);
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolvePromise(false));
    req.end();
  });
}

export interface AcquireOptions {
  /** Overrides the configured local port/data folder (tests use a free port and a fresh folder). */
  localPort?: number;
  localDataDir?: string;
  onProgress?: (message: string) => void;
}

export async function acquireNeo4j(config: Config, options: AcquireOptions = {}): Promise<Neo4jConnection> {
  const { neo4j } = config;
  const mode = neo4j.mode;
  if (mode === 'uri' || (mode === 'auto' && neo4j.uri)) {
    return { uri: neo4j.uri!, username: neo4j.username, password: neo4j.password, database: neo4j.database, origin: 'uri', release: async () => {} };
  }
  if (mode === 'docker' || (mode === 'auto' && (await dockerEngineAnswers()))) {
    return startDockerNeo4j(options);
  }
  if (mode === 'local' || mode === 'auto') {
    if (!javaAvailable()) throw new NoNeo4jError(noNeo4jMessage);
    const local = await startLocalNeo4j({
      port: options.localPort ?? neo4j.localPort,
      dataDir: options.localDataDir ?? neo4j.localDataDir,
      heap: neo4j.localHeap,
      pageCache: neo4j.localPageCache,
      onProgress: options.onProgress,
    });
    // The local server runs without authentication and only on loopback (see README).
    return { uri: local.uri, username: 'neo4j', password: '', database: 'neo4j', origin: 'local', release: local.stop };
  }
  throw new NoNeo4jError(noNeo4jMessage);
}

async function startDockerNeo4j(options: AcquireOptions): Promise<Neo4jConnection> {
  options.onProgress?.('starting neo4j:5.26-community with testcontainers');
  const { Neo4jContainer } = await import('@testcontainers/neo4j');
  const password = 'optics-graph-test';
  const container = await new Neo4jContainer('neo4j:5.26-community').withPassword(password).start();
  return {
    uri: container.getBoltUri(),
    username: 'neo4j',
    password,
    // Community edition serves one user database, always called neo4j.
    database: 'neo4j',
    origin: 'docker',
    release: async () => {
      await container.stop();
    },
  };
}
