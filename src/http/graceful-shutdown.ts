/**
 * Serving HTTP until told to stop, then stopping without dropping what was accepted:
 * - at once: the listener closes (no new connection), idle keep-alive connections are closed, a
 *   request that arrives after the signal on a kept-alive connection is refused with 503
 *   SERVICE_UNAVAILABLE and `Connection: close`, and every request in flight answers with
 *   `Connection: close`, so no client sends another on a connection about to go;
 * - the requests in flight get the grace period (SHUTDOWN_GRACE_SECONDS) to finish;
 * - then whatever is left is cut, and `stop()` resolves: the caller closes the driver and Neo4j.
 */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../log.ts';
import { RETRY_AFTER_SECONDS, SERVICE_UNAVAILABLE } from './graph-error-codes.ts';

export interface StoppableServer {
  server: Server;
  /** Stops accepting, lets requests in flight finish within `graceMs`, then cuts the rest. */
  stop(graceMs: number): Promise<{ finished: number; cut: number }>;
}

export function stoppableServer(app: RequestListener, logger: Logger): StoppableServer {
  const inFlight = new Set<ServerResponse>();
  let stopping = false;
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    if (stopping) {
      refuse(response);
      return;
    }
    inFlight.add(response);
    response.once('close', () => inFlight.delete(response));
    app(request, response);
  });

  return {
    server,
    stop(graceMs) {
      stopping = true;
      const atSignal = inFlight.size;
      return new Promise((resolve) => {
        let done = false;
        const finish = (cut: number) => {
          if (done) return;
          done = true;
          clearTimeout(cutter);
          clearInterval(watcher);
          resolve({ finished: atSignal - cut, cut });
        };
        server.close();
        server.closeIdleConnections();
        for (const response of inFlight) if (!response.headersSent) response.shouldKeepAlive = false;
        logger.info({ inFlight: atSignal, graceSeconds: graceMs / 1000 }, 'stopped accepting requests; letting those in flight finish');
        const watcher = setInterval(() => {
          if (inFlight.size === 0) finish(0);
        }, 25);
        const cutter = setTimeout(() => {
          const cut = inFlight.size;
          if (cut > 0) logger.warn({ cut, graceSeconds: graceMs / 1000 }, 'grace period over: closing the connections of requests still in flight');
          server.closeAllConnections();
          finish(cut);
        }, graceMs);
        if (inFlight.size === 0) finish(0);
      });
    },
  };
}

/** The answer to a request that arrives after the signal: try again (elsewhere, or after the restart). */
function refuse(response: ServerResponse): void {
  response.shouldKeepAlive = false;
  response.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(RETRY_AFTER_SECONDS) });
  response.end(JSON.stringify({ errors: [{ message: 'the server is shutting down; send the request again', extensions: { code: SERVICE_UNAVAILABLE } }] }));
}
