/**
 * SIGTERM under load, on the real server process (`node src/server.ts` on the run's Neo4j): it stops
 * accepting at once, finishes the request in flight (answering it with `Connection: close`), cuts a
 * request that does not finish within the grace period, and exits 0.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, expect, it } from 'vitest';
import { startService, type ServiceProcess } from '../support/service-process.ts';

let service: ServiceProcess | null = null;

afterAll(() => service?.stop());

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
  service = await startService({ LOG_LEVEL: 'info', SHUTDOWN_GRACE_SECONDS: '3' });
  const port = Number(new URL(service.baseUrl).port);
  const lines = () => service!.output().split('\n').filter(Boolean);
  const logged = (text: string) =>
    new Promise<void>((resolve) => {
      const look = () => {
        if (lines().some((line) => line.includes(text))) resolve();
        else setTimeout(look, 50);
      };
      look();
    });

  const finishing = await halfSentRequest(port, '{ company(id: "leica") { name } }');
  const neverFinishing = await halfSentRequest(port, '{ company(id: "zeiss") { name } }');
  // Both requests have reached the server (their headers were read) before the signal.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const signalledAt = performance.now();
  process.kill(service.pid, 'SIGTERM');
  await logged('stopped accepting requests');

  expect(await tryConnect(port)).toBe('ECONNREFUSED');
  finishing.socket.write(finishing.rest);
  const answer = await finishing.response;
  expect(answer).toMatch(/^HTTP\/1\.1 200/);
  expect(answer).toMatch(/\r\nconnection: close\r\n/i);
  expect(answer).toContain('"company":{"name":"Leica Camera AG"}');

  // The other never sends the rest of its body: the grace period ends it, and the process exits.
  expect(await neverFinishing.response).toBe('');
  expect(await service.exited).toBe(0);
  expect(performance.now() - signalledAt).toBeGreaterThanOrEqual(3000);
  expect(service.output()).toMatch(/"finished":1,"cut":1/);
  // The process may exit before its last lines are read from the pipe.
  await logged('"msg":"stopped"');
  expect(lines().at(-1)).toContain('"msg":"stopped"');
}, 240_000);
