import { pino, type Logger } from 'pino';

/** One structured logger per process; request loggers are children carrying the request id. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'optics-graph' } });
}
export type { Logger };
