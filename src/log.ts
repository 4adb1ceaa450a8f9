import { pino, type Logger } from 'pino';

/**
 * One structured logger per process; request loggers are children carrying the request id.
 * Lines are written synchronously: pino's default asynchronous stream can put a line still in flight
 * at exit after the lines flushed at exit, so the last lines of a shutdown came out of order. One
 * write per log line costs nothing next to the request it describes.
 */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'optics-graph' } }, pino.destination({ dest: 1, sync: true }));
}
export type { Logger };
