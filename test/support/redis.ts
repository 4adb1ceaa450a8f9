/**
 * A Redis of the test's own: `redis-server` (Debian's package, `apt-get install -y redis-server`;
 * .ci/run installs it on CI) started on a free loopback port with no persistence, and stopped by its
 * process id.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { freeLocalPort } from '../../tools/neo4j/local-neo4j.ts';

/** The redis-server on PATH (or Debian's path), or null where none is installed. */
export function redisServerBinary(): string | null {
  for (const candidate of ['redis-server', '/usr/bin/redis-server', '/usr/sbin/redis-server']) {
    const probe = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  return null;
}

export interface RedisProcess {
  url: string;
  stop(): Promise<void>;
}

export async function startRedis(binary: string): Promise<RedisProcess> {
  const port = await freeLocalPort();
  const child: ChildProcess = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => {});
    try {
      await client.connect();
      if ((await client.ping()) === 'PONG') {
        client.disconnect();
        return { url, stop };
      }
    } catch {
      client.disconnect();
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      await stop();
      throw new Error(`redis-server did not answer on ${url} within 20 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
