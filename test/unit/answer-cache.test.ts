/** Answers kept until the graph's version moves (src/graph/answer-cache.ts). */
import { describe, expect, it } from 'vitest';
import { AnswerCache } from '../../src/graph/answer-cache.ts';

function counting(values: string[]) {
  let calls = 0;
  return {
    compute: async () => values[calls++] ?? 'none',
    calls: () => calls,
  };
}

describe('kept answers', () => {
  it('answers from memory while the version stays, and works the answer out again once it moves', async () => {
    const cache = new AnswerCache<string>(4);
    const work = counting(['first', 'second']);
    expect(await cache.answer('leica@2021-11-16', 7, work.compute)).toBe('first');
    expect(await cache.answer('leica@2021-11-16', 7, work.compute)).toBe('first');
    expect(work.calls()).toBe(1);
    expect(await cache.answer('leica@2021-11-16', 8, work.compute)).toBe('second');
    expect(work.calls()).toBe(2);
  });

  it('works out one answer for requests that ask for it at once', async () => {
    const cache = new AnswerCache<string>(4);
    const work = counting(['only']);
    const answers = await Promise.all([1, 2, 3].map(() => cache.answer('zeiss', 1, work.compute)));
    expect(answers).toEqual(['only', 'only', 'only']);
    expect(work.calls()).toBe(1);
  });

  it('keeps at most its capacity, letting the least recently used go', async () => {
    const cache = new AnswerCache<string>(2);
    await cache.answer('a', 1, async () => 'a');
    await cache.answer('b', 1, async () => 'b');
    await cache.answer('a', 1, async () => 'a again');
    await cache.answer('c', 1, async () => 'c');
    expect(cache.size).toBe(2);
    expect(await cache.answer('a', 1, async () => 'a recomputed')).toBe('a');
    expect(await cache.answer('b', 1, async () => 'b recomputed')).toBe('b recomputed');
  });

  it('does not keep a failure: the next request tries again', async () => {
    const cache = new AnswerCache<string>(2);
    await expect(cache.answer('x', 1, async () => Promise.reject(new Error('Neo4j is down')))).rejects.toThrow('Neo4j is down');
    expect(await cache.answer('x', 1, async () => 'fine')).toBe('fine');
  });

  it('keeps nothing with capacity 0', async () => {
    const cache = new AnswerCache<string>(0);
    const work = counting(['one', 'two']);
    await cache.answer('k', 1, work.compute);
    expect(await cache.answer('k', 1, work.compute)).toBe('two');
    expect(cache.size).toBe(0);
  });
});
