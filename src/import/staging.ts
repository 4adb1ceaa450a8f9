/**
 * How a bundle too large for one transaction is still imported all or nothing.
 *
 * Neo4j keeps a transaction's writes in its heap until the commit (about 36 KB per claim with its
 * resolutions and derived data here), so a million claims cannot be one transaction on any heap this
 * project runs. A bulk import therefore commits in batches, but only what readers cannot see:
 * - validation is over before anything is written (a rejected bundle writes nothing, as before);
 * - the entities the graph does not hold yet are created in batches of committed transactions under
 *   Staged* labels (StagedClaim for Claim, ...), with their relationships and evidence entries. No
 *   read matches those labels, and every read that follows a relationship into a node names the
 *   node's label, so staged nodes and their relationships to stored nodes are invisible;
 * - stored entities are not touched until the last transaction, which publishes the staged nodes
 *   (their real labels replace the staged ones), upserts the stored entities, links what waited for
 *   a later target, and rebuilds each touched leaker's credibility steps once. Readers see the graph
 *   before that commit or after it, never in between.
 * If anything fails before that commit, the staged nodes are deleted (discardStaged) and the graph is
 * exactly as before: staged nodes are all new, and stored ones were never changed. If the importer is
 * killed instead, the next start of the importer or the service deletes them (discardAbandonedImport).
 *
 * One bulk import runs at a time: each holds the import guard, the write lock of one node taken in a
 * transaction it keeps open while it runs (Neo4j rolls it back when the importer's connection dies).
 * A second import waits for it; a start-up that finds no transaction holding it knows that staged
 * nodes are left over, and deletes them.
 */
import type { GraphExecutor, OpenTransaction, StatementRunner } from '../graph/executor.ts';

/** Staged nodes one statement publishes or deletes per kind. */
const NODES_PER_STATEMENT = 20_000;

export interface ImportGuard {
  /** Staged nodes an abandoned import had left, deleted when the guard was taken. */
  discarded: number;
  /** Ends the guard transaction (it wrote nothing that is kept). */
  release(): Promise<void>;
}

/** Waits until no other bulk import runs, then holds the guard, and deletes what an abandoned import staged. */
export async function holdImportGuard(graph: GraphExecutor, run: string): Promise<ImportGuard> {
  const tx: OpenTransaction = await graph.openWriteTransaction('import-guard', undefined, { timeoutMs: 0, metadata: { importGuard: run } });
  try {
    await tx.run('import-guard', { run });
    return { discarded: await discardStaged(graph), release: () => tx.rollback() };
  } catch (error) {
    await tx.rollback();
    throw graph.mapError(error);
  }
}

/** Deletes every staged node, a batch per transaction; returns how many. Only while holding the guard. */
export async function discardStaged(graph: GraphExecutor): Promise<number> {
  let discarded = 0;
  for (;;) {
    const [row] = await graph.write('discard-staged', { limit: NODES_PER_STATEMENT });
    const count = Number(row?.discarded ?? 0);
    if (count === 0) return discarded;
    discarded += count;
  }
}

/** Publishes every staged node inside the caller's transaction (it commits them with the rest). */
export async function publishStaged(run: StatementRunner): Promise<number> {
  let published = 0;
  for (;;) {
    const { rows } = await run('publish-staged', { limit: NODES_PER_STATEMENT });
    const count = Number(rows[0]?.published ?? 0);
    if (count === 0) return published;
    published += count;
  }
}

/**
 * At start-up (of the service or the importer): deletes what a killed bulk import staged, unless a
 * bulk import is running now (its staged nodes are its own). Returns how many nodes it deleted.
 */
export async function discardAbandonedImport(graph: GraphExecutor): Promise<number> {
  const [row] = await graph.read('import-guard-holders');
  if (((row?.runs as string[] | undefined) ?? []).length > 0) return 0;
  // Waits if an import took the guard since: it deletes the leftovers itself, so this finds none.
  const guard = await holdImportGuard(graph, 'start-up');
  await guard.release();
  return guard.discarded;
}
