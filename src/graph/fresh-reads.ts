/**
 * One read shared by everyone who asks while it is under way, but never an answer older than the
 * question: a caller gets a read that began after it asked. So a request that arrives after a write
 * committed (its own mutation's answer, another replica's import) always sees that write, while ten
 * requests arriving together cost one or two reads instead of ten. Used for the graph's version,
 * which every request with a response cache reads first (src/http/response-cache.ts): under load the
 * reads of a tiny count, not the answers, were what Neo4j spent its time on.
 *
 * While a read runs, later callers wait for the next one, which starts as soon as it ends; at most
 * one read runs and one waits. A failed read fails the callers that shared it, and only those.
 */
export class FreshReads<T> {
  private running: Promise<T> | null = null;
  private waiting: Promise<T> | null = null;
  private readonly readNow: () => Promise<T>;

  constructor(readNow: () => Promise<T>) {
    this.readNow = readNow;
  }

  read(): Promise<T> {
    if (!this.running) return this.start();
    // The running read began before this call: it may predate a write this caller already saw.
    this.waiting ??= this.running.then(
      () => this.afterRunning(),
      () => this.afterRunning(),
    );
    return this.waiting;
  }

  private afterRunning(): Promise<T> {
    this.waiting = null;
    return this.start();
  }

  private start(): Promise<T> {
    const reading = this.readNow();
    this.running = reading;
    const done = () => {
      if (this.running === reading) this.running = null;
    };
    reading.then(done, done);
    return reading;
  }
}
