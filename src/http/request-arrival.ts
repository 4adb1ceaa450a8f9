/**
 * What one request carries from its arrival to its answer, kept by its Request object: its id, its
 * day, who is calling and its Cypher round trips. The response cache (src/http/response-cache.ts)
 * reads the graph's version and the caller's scopes before the request's context exists; keeping
 * them here lets that version read count among the request's round trips, the caller be worked out
 * once (a JWT is verified once), and the cache key and the execution agree on "today".
 */
import { randomUUID } from 'node:crypto';
import type { Config } from '../config.ts';
import { identifyCaller } from '../auth/caller.ts';
import { todayUtc, type Caller } from '../context.ts';
import type { RoundTripCounter } from '../graph/executor.ts';

export interface RequestArrival {
  /** The caller's x-request-id when it sends one, else a new UUID. */
  id: string;
  /** performance.now() when the request was first seen. */
  at: number;
  /** Today's date (UTC) when the request arrived: the as-of day of reads that give none. */
  today: string;
  roundTrips: RoundTripCounter;
  /**
   * The graph's version as the response cache read it on arrival; the request's own checks of the
   * version (a kept outlook, src/schema/outlook.ts) use it instead of reading it again.
   */
  graphVersion?: number;
  /** The operation asked for, once the request's parameters are read (for the line of a kept answer). */
  operationName?: string | null;
  /** Who is calling (identifyCaller), worked out on first use; an invalid key or token rejects. */
  caller(): Promise<Caller>;
}

export type ArrivalOf = (request: Request) => RequestArrival;

/** The arrival of each request one app serves (each app has its own auth settings). */
export function requestArrivals(auth: Config['auth']): ArrivalOf {
  const arrivals = new WeakMap<Request, RequestArrival>();
  return (request) => {
    let arrival = arrivals.get(request);
    if (!arrival) {
      let caller: Promise<Caller> | undefined;
      arrival = {
        id: request.headers.get('x-request-id')?.slice(0, 100) || randomUUID(),
        at: performance.now(),
        today: todayUtc(),
        roundTrips: { count: 0, statements: [], rows: 0 },
        caller: () => (caller ??= identifyCaller(request.headers, auth)),
      };
      arrivals.set(request, arrival);
    }
    return arrival;
  };
}
