/**
 * The service as `npm start` runs it (node src/server.ts, its own process, a real port), on the test
 * run's Neo4j, for tests that need a browser to reach it. Stopped by its pid: SIGTERM, then SIGKILL if
 * it has not exited within 15 s.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { inject } from 'vitest';
import { freeLocalPort } from '../../tools/neo4j/local-neo4j.ts';

export interface ServiceProcess {
  baseUrl: string;
  pid: number;
  output(): string;
  /** Resolves with the exit code once the process has exited (by stop() or a signal of the test's own). */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** The settings that point a process (the service, a script) at the test run's Neo4j, as it is. */
export function neo4jEnvironment(): Record<string, string> {
  const neo4j = inject('neo4j');
  return {
    NEO4J_MODE: 'uri',
    NEO4J_URI: neo4j.uri,
    NEO4J_USERNAME: neo4j.username,
    NEO4J_PASSWORD: neo4j.password,
    NEO4J_DATABASE: neo4j.database,
    LOAD_DEMO_WHEN_EMPTY: 'false',
  };
}

export async function startService(env: Record<string, string>): Promise<ServiceProcess> {
  const port = await freeLocalPort();
  const child: ChildProcess = spawn(process.execPath, [resolve(import.meta.dirname, '../../src/server.ts')], {
    cwd: resolve(import.meta.dirname, '../..'),
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      ...neo4jEnvironment(),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const service: ServiceProcess = {
    baseUrl,
    pid: child.pid!,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      process.kill(child.pid!, 'SIGTERM');
      const timer = setTimeout(() => child.exitCode === null && process.kill(child.pid!, 'SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the service exited at start (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/ready`)).ok) return service;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  await service.stop();
  throw new Error(`the service was not ready within 120 s:\n${output}`);
}
