/** Shared reads that never answer with a read begun before the question (src/graph/fresh-reads.ts). */
import { describe, expect, it } from 'vitest';
import { FreshReads } from '../../src/graph/fresh-reads.ts';

/** A read whose answer the test gives when it likes: the graph's version as it was when the read began. */
function controlledGraph() {
  let version = 1;
  const pending: { answer: () => void; fail: (error: Error) => void }[] = [];
  const readNow = () =>
    new Promise<number>((resolve, reject) => {
      const seen = version;
      pending.push({ answer: () => resolve(seen), fail: reject });
    });
  return {
    reads: new FreshReads(readNow),
    write: () => (version += 1),
    started: () => pending.length,
    finish: (index: number) => pending[index]!.answer(),
    fail: (index: number) => pending[index]!.fail(new Error('Neo4j is down')),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('fresh shared reads', () => {
  it('shares one read among the callers that ask while another runs', async () => {
    const graph = controlledGraph();
    const first = graph.reads.read();
    const later = [graph.reads.read(), graph.reads.read(), graph.reads.read()];
    expect(graph.started()).toBe(1);
    graph.finish(0);
    await settle();
    expect(graph.started()).toBe(2);
    graph.finish(1);
    expect(await first).toBe(1);
    expect(await Promise.all(later)).toEqual([1, 1, 1]);
  });

  it('never answers a caller with a read that began before it asked, so a write it saw is seen', async () => {
    const graph = controlledGraph();
    const before = graph.reads.read();
    // A write commits while that read runs, and a caller who saw the write asks.
    graph.write();
    const after = graph.reads.read();
    graph.finish(0);
    await settle();
    graph.finish(1);
    expect(await before).toBe(1);
    expect(await after).toBe(2);
  });

  it('starts a new read for a caller who asks once the last one ended', async () => {
    const graph = controlledGraph();
    const first = graph.reads.read();
    graph.finish(0);
    expect(await first).toBe(1);
    graph.write();
    const second = graph.reads.read();
    expect(graph.started()).toBe(2);
    graph.finish(1);
    expect(await second).toBe(2);
  });

  it('fails only the callers that shared a failed read; the next caller reads again', async () => {
    const graph = controlledGraph();
    const failing = graph.reads.read();
    const waiting = graph.reads.read();
    graph.fail(0);
    await expect(failing).rejects.toThrow(/down/);
    await settle();
    graph.finish(1);
    expect(await waiting).toBe(1);
    const next = graph.reads.read();
    graph.finish(2);
    expect(await next).toBe(1);
  });
});
