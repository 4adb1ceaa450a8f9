/**
 * A process reads its own writes: every session it opens shares one bookmark manager, so on a
 * cluster each read starts only once the member it reads from holds every write this process made
 * (docs/scaling.md). The run's single Neo4j always holds them, so what is checked here is that the
 * bookmarks travel: a write leaves its bookmark where every later session reads it, and a bookmark
 * Neo4j cannot honour fails the reads that carry it (and only them: the readiness probe still answers).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { GraphExecutor } from '../../src/graph/executor.ts';
import { createLogger } from '../../src/log.ts';
import { createHarness } from '../support/harness.ts';

const harness = createHarness();

afterAll(() => harness.close());

describe('reading its own writes', () => {
  it("keeps every write's bookmark for the sessions that follow, imports' included", async () => {
    const before = [...(await harness.graph.bookmarks.getBookmarks())];
    await harness.graph.markChanged();
    const after = [...(await harness.graph.bookmarks.getBookmarks())];
    expect(after.length).toBeGreaterThan(0);
    expect(after).not.toEqual(before);
    expect(harness.graph.forImports().bookmarks).toBe(harness.graph.bookmarks);
  });

  it('sends those bookmarks with every read, so a read waits for them, but not with the readiness probe', async () => {
    // Its own executor on the same driver: the harness's bookmarks stay good for the other tests.
    const lagging = new GraphExecutor(harness.graph.driver, harness.graph.database, createLogger('silent'));
    await lagging.bookmarks.updateBookmarks([], ['not-a-bookmark-neo4j-knows']);
    await expect(lagging.read('graph-version')).rejects.toThrow(/bookmark/i);
    await expect(lagging.ping()).resolves.toMatchObject({ migrationIds: expect.any(Array) });
    expect(await harness.graph.read('graph-version')).toHaveLength(1);
  });
});
