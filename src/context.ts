/**
 * What every resolver can reach for one request: the graph (with a round-trip counter of its own),
 * who is asking, the request's logger and the configured limits. Loaders live on the request too
 * (the Pothos dataloader plugin keys them by this context object), so nothing is cached across requests.
 */
import type { GraphExecutor, RoundTripCounter } from './graph/executor.ts';
import type { Logger } from './log.ts';
import type { Config } from './config.ts';

export interface Caller {
  /** Who the key or token names, for logs; "anonymous" without one. */
  subject: string;
  canRead: boolean;
  canWrite: boolean;
}

export interface RequestContext {
  graph: GraphExecutor;
  roundTrips: RoundTripCounter;
  caller: Caller;
  logger: Logger;
  requestId: string;
  config: Config;
  /** Today's date (UTC), the as-of date of reads that give none. */
  today: string;
}
