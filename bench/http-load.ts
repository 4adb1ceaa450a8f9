/**
 * Load over HTTP for the benches: a GraphQL handler served by node:http on a free loopback port, and
 * autocannon in a child process (bench/load-client.ts) posting one body at a fixed concurrency. Load
 * clients still running when a bench stops early are stopped by process id (stopLoadClients).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type RequestListener, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';

export interface LoadResult {
  requestsPerSecond: number;
  total: number;
  latencyP50: number;
  latencyP99: number;
  errors: number;
  non2xx: number;
}

const loadClient = fileURLToPath(new URL('./load-client.ts', import.meta.url));
const running = new Set<ChildProcess>();

/** Serves `handler` on a free loopback port; `url` is its /graphql endpoint. */
export function listen(handler: RequestListener): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql` }));
  });
}

export function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** POSTs `body` to `url` from `connections` connections for `duration` seconds. */
export function load(url: string, body: string, connections: number, duration: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [loadClient, JSON.stringify({ url, body, connections, duration })], { stdio: ['ignore', 'pipe', 'inherit'] });
    running.add(child);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      running.delete(child);
      if (code === 0) resolve(JSON.parse(out.trim().split('\n').at(-1)!) as LoadResult);
      else reject(new Error(`load client (pid ${child.pid}) exited with ${code}`));
    });
  });
}

/** Stops every load client still running, by process id. */
export function stopLoadClients(): void {
  for (const child of running) if (child.pid) process.kill(child.pid, 'SIGTERM');
}
