/**
 * Whether Neo4j answers, as the service last saw it. The first statement that finds Neo4j
 * unreachable marks it down; from then on every statement fails at once with GraphUnavailableError
 * (SERVICE_UNAVAILABLE) instead of each request waiting out the driver's connection retries, and a
 * probe asks Neo4j once a second until it answers again, which marks it up: the service recovers by
 * itself, without a restart, within about a second of Neo4j's return. The change is logged once each
 * way, not once per request. Statements already in flight when Neo4j goes down stop waiting too
 * (`unlessDown`): otherwise a request that began before the outage would sit out the driver's
 * connection attempts and retries (seconds), however early another request found Neo4j gone.
 */
import type { Logger } from '../log.ts';
import { GraphUnavailableError } from './graph-errors.ts';

/** @default 1000 */
export const PROBE_INTERVAL_MS = 1000;

export interface AvailabilityState {
  available: boolean;
  /** Since when Neo4j has been unreachable (ISO time), when it is. */
  downSince?: string;
  /** Why it was last found unreachable. */
  reason?: string;
}

export class GraphAvailability {
  private down: { since: Date; reason: string } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private probing = false;
  /** How to stop each statement in flight (`unlessDown`) the moment Neo4j is marked down. */
  private readonly inFlight = new Set<(error: GraphUnavailableError) => void>();
  private readonly probe: () => Promise<void>;
  private readonly logger: Logger;
  private readonly intervalMs: number;

  /** `probe` resolves when Neo4j answers a trivial statement, and rejects otherwise. */
  constructor(probe: () => Promise<void>, logger: Logger, intervalMs = PROBE_INTERVAL_MS) {
    this.probe = probe;
    this.logger = logger;
    this.intervalMs = intervalMs;
  }

  get state(): AvailabilityState {
    return this.down ? { available: false, downSince: this.down.since.toISOString(), reason: this.down.reason } : { available: true };
  }

  /** Throws GraphUnavailableError at once while Neo4j is known to be down. */
  assertAvailable(): void {
    if (this.down) throw new GraphUnavailableError(this.down.reason, { since: this.down.since });
  }

  /**
   * `work`'s outcome, or GraphUnavailableError as soon as Neo4j is marked down while it runs. The
   * caller no longer waits for `work`, which ends by itself (the driver's retries are bounded).
   */
  unlessDown<T>(work: Promise<T>): Promise<T> {
    this.assertAvailable();
    let stop!: (error: GraphUnavailableError) => void;
    const markedDown = new Promise<never>((_, reject) => {
      stop = reject;
    });
    // One entry per statement in flight, removed when it settles: nothing piles up while Neo4j is up.
    this.inFlight.add(stop);
    return Promise.race([work, markedDown]).finally(() => this.inFlight.delete(stop));
  }

  markDown(reason: string): void {
    if (this.down) return;
    this.down = { since: new Date(), reason };
    for (const stop of this.inFlight) stop(new GraphUnavailableError(reason, { since: this.down.since }));
    this.inFlight.clear();
    this.logger.warn({ reason }, 'Neo4j is unreachable: requests fail fast with SERVICE_UNAVAILABLE until it answers again');
    this.timer = setInterval(() => void this.probeOnce(), this.intervalMs);
    // The probe must never keep a process alive that is otherwise done (a test, a script).
    this.timer.unref();
  }

  markUp(): void {
    if (!this.down) return;
    const seconds = Math.round((Date.now() - this.down.since.getTime()) / 100) / 10;
    this.down = null;
    this.stop();
    this.logger.warn({ downSeconds: seconds }, 'Neo4j answers again');
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async probeOnce(): Promise<void> {
    if (this.probing || !this.down) return;
    this.probing = true;
    try {
      await this.probe();
      this.markUp();
    } catch {
      // Still down: the next tick asks again; nothing to log until it answers.
    } finally {
      this.probing = false;
    }
  }
}
