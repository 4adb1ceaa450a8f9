/**
 * What every resolver can reach for one request: the graph (with a round-trip counter of its own),
 * who is asking, the request's logger and the configured limits. Loaders live on the request too
 * (the Pothos dataloader plugin keys them by this context object), so nothing is cached across requests.
 */
import type { GraphExecutor, RoundTripCounter } from './graph/executor.ts';
import type { Logger } from './log.ts';
import type { Config } from './config.ts';
import type { GraphEvents } from './events/graph-events.ts';

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
  /** Where writes report what they changed, and subscriptions hear it. */
  events: GraphEvents;
  /** The graph's version read on the request's arrival (the response cache's), if it was read then. */
  graphVersion?: number;
}

/** Today's date in UTC (YYYY-MM-DD). */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * A context for one event of a subscription: the same caller and services, but loaders, round-trip
 * counter and "today" of its own. Loaders are keyed by the context object, so reusing the
 * subscription's would answer every later event from the first event's cache.
 */
export function eventContext(ctx: RequestContext): RequestContext {
  return { ...ctx, roundTrips: { count: 0, statements: [], rows: 0 }, today: todayUtc(), graphVersion: undefined };
}
