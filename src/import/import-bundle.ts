/**
 * The one way into the graph for bundles, large (the import script, the demo) or of one entity
 * (GraphQL mutations): one read for the ids the bundle refers to, validation against the schema
 * and the graph, then one write transaction. Two round trips in all.
 */
import type { GraphExecutor } from '../graph/executor.ts';
import type { Bundle } from './bundle.ts';
import { fetchExistingIds } from './existing-ids.ts';
import { BundleRejectedError, type Problem } from './problems.ts';
import { validateBundle } from './validate.ts';
import { writeBundle, type ImportReport, type WriteOptions } from './write.ts';

export { BundleRejectedError, type Problem } from './problems.ts';
export { ImportWriteError, type ImportProgress, type ImportReport, type KindCounts, type WriteOptions } from './write.ts';

export type ImportOptions = WriteOptions;

/** Every problem with the bundle, checked against what the graph holds now; empty when it can be imported. */
export async function checkBundle(graph: GraphExecutor, bundle: unknown, options: Pick<ImportOptions, 'roundTrips'> = {}): Promise<Problem[]> {
  const existing = await fetchExistingIds(graph, bundle, options.roundTrips);
  return validateBundle(bundle, existing);
}

/** Validates and writes; throws BundleRejectedError (with every problem) and writes nothing if any. */
export async function importBundle(graph: GraphExecutor, bundle: unknown, options: ImportOptions = {}): Promise<ImportReport> {
  const problems = await checkBundle(graph, bundle, options);
  if (problems.length > 0) throw new BundleRejectedError(problems);
  return writeBundle(graph, bundle as Bundle, options);
}
