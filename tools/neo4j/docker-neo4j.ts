/**
 * Neo4j in a container, through testcontainers, where a Docker engine answers. testcontainers is a
 * development dependency: an install without them (npm ci --omit=dev, as the service image does) has
 * no Docker mode, and acquire.ts then goes on to the local Neo4j.
 */
import { request } from 'node:http';
import { existsSync } from 'node:fs';
import type { Neo4jConnection } from '../../src/graph/connection.ts';

/** Asks the Docker engine for /_ping; no engine answers within a second on machines without one. */
export function dockerEngineAnswers(timeoutMs = 1000): Promise<boolean> {
  const host = process.env.DOCKER_HOST;
  const socketPath = host?.startsWith('unix://') ? host.slice('unix://'.length) : host ? null : '/var/run/docker.sock';
  if (socketPath && !existsSync(socketPath)) return Promise.resolve(false);
  const where: { socketPath?: string; host?: string; port?: string } = socketPath
    ? { socketPath }
    : (({ hostname, port }) => ({ host: hostname, port }))(new URL((host ?? '').replace(/^tcp:/, 'http:')));
  return new Promise((resolvePromise) => {
    const req = request({ ...where, path: '/_ping', timeout: timeoutMs }, (res) => {
      res.resume();
      resolvePromise(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolvePromise(false));
    req.end();
  });
}

/** True when testcontainers is installed (it is a devDependency). */
export async function testcontainersInstalled(): Promise<boolean> {
  try {
    await import('@testcontainers/neo4j');
    return true;
  } catch {
    return false;
  }
}

export async function startDockerNeo4j(onProgress?: (message: string) => void): Promise<Neo4jConnection> {
  onProgress?.('starting neo4j:5.26-community with testcontainers');
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
