/**
 * SIGTERM under load, on the real server process (`node src/server.ts` on the run's Neo4j): it stops
 * accepting at once, finishes the request in flight (answering it with `Connection: close`), cuts a
 * request that does not finish within the grace period, and exits 0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, inject, it } from 'vitest';
import { freeLocalPort } from '../../tools/neo4j/local-neo4j.ts';

const serverScript = fileURLToPath(new URL('../../src/server.ts', import.meta.url));
let child: ChildProcess | null = null;

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

/** Opens a connection and sends a POST whose body stops half way: a request in flight until the rest is sent. */
function halfSentRequest(port: number, query: string): Promise<{ socket: Socket; rest: string; response: Promise<string> }> {
  const body = JSON.stringify({ query });
  const half = Math.floor(body.length / 2);
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(
        `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, half)}`,
      );
      const response = new Promise<string>((done) => {
        let text = '';
        socket.on('data', (chunk) => (text += chunk.toString()));
        socket.on('close', () => done(text));
        socket.on('error', () => done(text));
      });
      resolve({ socket, rest: body.slice(half), response });
    });
    socket.once('error', reject);
  });
}

function tryConnect(port: number): Promise<'connected' | string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

it('on SIGTERM stops accepting at once, finishes the request in flight with Connection: close, cuts one past the grace period, and exits 0', async () => {
  const neo4j = inject('neo4j');
  const port = await freeLocalPort();
  const lines: string[] = [];
  child = spawn(process.execPath, [serverScript], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      NEO4J_MODE: 'uri',
      NEO4J_URI: neo4j.uri,
      NEO4J_USERNAME: neo4j.username,
      NEO4J_PASSWORD: neo4j.password,
      NEO4J_DATABASE: neo4j.database,
      LOG_LEVEL: 'info',
      SHUTDOWN_GRACE_SECONDS: '3',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
  const logged = (text: string) =>
    new Promise<void>((resolve) => {
      const look = () => {
        if (lines.some((line) => line.includes(text))) resolve();
        else setTimeout(look, 50);
      };
      look();
    });
  child.stdout!.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
  await logged('GraphQL ready');

  const finishing = await halfSentRequest(port, '{ company(id: "leica") { name } }');
  const neverFinishing = await halfSentRequest(port, '{ company(id: "zeiss") { name } }');
  // Both requests have reached the server (their headers were read) before the signal.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const signalledAt = performance.now();
  child.kill('SIGTERM');
  await logged('stopped accepting requests');

  expect(await tryConnect(port)).toBe('ECONNREFUSED');
  finishing.socket.write(finishing.rest);
  const answer = await finishing.response;
  expect(answer).toMatch(/^HTTP\/1\.1 200/);
  expect(answer).toMatch(/\r\nconnection: close\r\n/i);
  expect(answer).toContain('"company":{"name":"Leica Camera AG"}');

  // The other never sends the rest of its body: the grace period ends it, and the process exits.
  expect(await neverFinishing.response).toBe('');
  expect(await exited).toBe(0);
  expect(performance.now() - signalledAt).toBeGreaterThanOrEqual(3000);
  expect(lines.join('\n')).toMatch(/"finished":1,"cut":1/);
  expect(lines.at(-1)).toContain('"msg":"stopped"');
}, 240_000);
