/**
 * What subscriptions hear: one event per committed write that changed the graph. Every writer (the
 * importer, which the upsert mutations go through too, and the mutations that write on their own)
 * reports through `GraphEvents.changed`, the one publish point; subscriptions read the same stream
 * and work out for themselves whether their answer changed.
 *
 * The stream runs on yoga's pub/sub (src/events/event-bus.ts): in this process by default (one
 * replica), or through Redis (`EVENT_BUS_URL`) so that a write on any replica, or by `npm run
 * import`, reaches the subscribers of every replica. This file stays free of both, so the schema
 * and the importer load without them.
 */
import { randomUUID } from 'node:crypto';

/** A decision added to a claim's outcome history. */
export interface ResolvedClaim {
  id: string;
}

/** What one write changed, as its writer knows it after the commit. */
export interface GraphChange {
  /** Kinds of entity created, changed or deleted (bundle list names: claims, partnerships...). */
  kinds: string[];
  /** Claims whose outcome history gained or changed a decision (at most RESOLVED_CLAIMS_PER_EVENT). */
  resolvedClaims: ResolvedClaim[];
  /** How many claims were resolved in all (an event lists at most RESOLVED_CLAIMS_PER_EVENT). */
  resolvedClaimsTotal?: number;
}

export interface GraphChangedEvent extends GraphChange {
  /** Unique per write: subscribers of the same question share one recomputation per event. */
  id: string;
  /** When it was published (ISO 8601). */
  at: string;
}

/** An import can resolve a million claims; an event names the first ones and counts the rest. */
export const RESOLVED_CLAIMS_PER_EVENT = 1000;

/** What carries the events: yoga's pub/sub, in this process or through Redis (src/events/event-bus.ts). */
export interface EventChannel {
  publish(event: GraphChangedEvent): void;
  subscribe(): AsyncIterableIterator<GraphChangedEvent>;
  close(): Promise<void>;
}

export class GraphEvents {
  private readonly channel: EventChannel;
  /** `in-process` or the Redis URL without its password, for logs. */
  readonly transport: string;

  constructor(channel: EventChannel, transport: string) {
    this.channel = channel;
    this.transport = transport;
  }

  /** The one publish point: call it after the write committed, never before (subscribers read at once). */
  changed(change: GraphChange): void {
    if (change.kinds.length === 0 && change.resolvedClaims.length === 0) return;
    const resolvedClaims = change.resolvedClaims.slice(0, RESOLVED_CLAIMS_PER_EVENT);
    const event: GraphChangedEvent = {
      id: randomUUID(),
      at: new Date().toISOString(),
      kinds: [...new Set(change.kinds)].sort(),
      resolvedClaims,
      resolvedClaimsTotal: Math.max(change.resolvedClaimsTotal ?? 0, change.resolvedClaims.length),
    };
    this.channel.publish(event);
  }

  /** Every change from now on, until the iterator is returned (a subscriber left). */
  subscribe(): AsyncIterableIterator<GraphChangedEvent> {
    return this.channel.subscribe();
  }

  close(): Promise<void> {
    return this.channel.close();
  }
}
