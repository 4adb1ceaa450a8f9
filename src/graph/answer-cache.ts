/**
 * Answers worked out from many facts (a partnership outlook over every manufacturer, clause and claim
 * about a partner), kept in memory until the graph changes. Whether it changed is one O(1) read of
 * the graph's version, which every write transaction moves (executor.ts, bump-graph-version), so a
 * kept answer is never served after a write, whoever wrote it: a mutation on another replica, or
 * `npm run import` in another process. Without a write in between, asking again costs that one read
 * instead of reading and ranking everything again.
 *
 * Bounded: the least recently used answer goes first. Concurrent requests for one missing answer
 * share one computation. A failed computation is not kept.
 */
export class AnswerCache<T> {
  private readonly entries = new Map<string, { version: number; answer: Promise<T> }>();
  private readonly capacity: number;

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  /** The answer for `key` at graph version `version`: kept, or computed now and kept. */
  answer(key: string, version: number, compute: () => Promise<T>): Promise<T> {
    if (this.capacity <= 0) return compute();
    const kept = this.entries.get(key);
    if (kept && kept.version === version) {
      // Most recently used last: Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, kept);
      return kept.answer;
    }
    const answer = compute();
    this.entries.delete(key);
    this.entries.set(key, { version, answer });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    answer.catch(() => {
      if (this.entries.get(key)?.answer === answer) this.entries.delete(key);
    });
    return answer;
  }

  get size(): number {
    return this.entries.size;
  }
}
