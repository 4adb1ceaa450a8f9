/**
 * The last half of an initial load, once Neo4j runs on the bulk-loaded store and the migrations made
 * its constraints and indexes: what the CSV files could not carry, empty lists (a batch of ids per
 * transaction, one index seek each). Nothing serves the graph yet, so batches that commit one by one
 * show nobody a half-finished graph; a failure here makes the caller delete the whole store.
 */
import type { GraphExecutor } from '../../graph/executor.ts';
import type { EmptyLists } from './load-files.ts';

/** Nodes per transaction when setting empty lists. */
const IDS_PER_TRANSACTION = 20_000;

export async function finishLoad(graph: GraphExecutor, emptyLists: EmptyLists[], onPhase?: (phase: string) => void): Promise<void> {
  onPhase?.('setting empty lists');
  for (const group of emptyLists) {
    const empties = Object.fromEntries(group.properties.map((name) => [name, []]));
    for (let start = 0; start < group.ids.length; start += IDS_PER_TRANSACTION) {
      await graph.write('initial-load-empty-lists', { label: group.label, ids: group.ids.slice(start, start + IDS_PER_TRANSACTION), empties });
    }
  }
}
