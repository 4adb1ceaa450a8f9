/**
 * The one way into the graph for bundles, large (the import script, the demo) or of one entity
 * (GraphQL mutations). A first pass validates the bundle piece by piece against the schema and the
 * graph, keeping only ids (survey.ts), while the graph is asked which of them it holds; then one
 * write transaction makes a second pass (write.ts). A bundle held in memory costs two round trips
 * in all when small; a file is streamed, so its size is bounded by the disk, not by memory.
 */
import type { GraphExecutor } from '../graph/executor.ts';
import type { EntityKind } from './bundle.ts';
import { bundleFilePieces } from './bundle-file.ts';
import { piecesOfObject, type BundlePieces } from './bundle-pieces.ts';
import { StoredIdLookup } from './existing-ids.ts';
import { BundleRejectedError, type Problem } from './problems.ts';
import { BundleCheck, NO_STORED_CHAINS, type StoredChains } from './validate.ts';
import { RESOLVED_CLAIMS_PER_EVENT, type GraphChange, type GraphEvents } from '../events/graph-events.ts';
import { writePieces, type ImportReport, type WriteOptions, type WritePlan } from './write.ts';

export { BundleRejectedError, type Problem } from './problems.ts';
export { ImportWriteError, type ImportProgress, type ImportReport, type KindCounts, type WriteOptions } from './write.ts';

export interface ImportOptions extends WriteOptions {
  /** Called when the first pass is over, with every problem found (none: the write begins) and the entities per kind. */
  onValidated?: (problems: Problem[], entities: Readonly<Record<EntityKind, number>>) => void;
  /** Told what changed once the write committed, so subscribers see imports as they see mutations. */
  events?: GraphEvents;
}

/** The first pass: every problem with the bundle, and what the write needs to know. */
export async function surveyBundle(graph: GraphExecutor, pieces: BundlePieces, options: Pick<ImportOptions, 'roundTrips'> = {}): Promise<{ problems: Problem[]; plan: WritePlan }> {
  const check = new BundleCheck();
  const lookup = new StoredIdLookup(graph, options.roundTrips);
  for await (const piece of pieces.pieces()) {
    check.piece(piece);
    lookup.add(piece);
  }
  const existing = await lookup.finish(check.survey);
  const chains = await storedChains(graph, check.chainIds(), options.roundTrips);
  return { problems: check.finish(existing, chains), plan: { survey: check.survey, existing } };
}

/** The ownerships and BECAME links stored around the bundle's (none asked for when it has neither). */
async function storedChains(graph: GraphExecutor, ids: { companies: string[]; devices: string[] }, roundTrips?: ImportOptions['roundTrips']): Promise<StoredChains> {
  if (ids.companies.length === 0 && ids.devices.length === 0) return NO_STORED_CHAINS;
  const [row] = await graph.read('import-stored-chains', ids, roundTrips);
  return { ownerships: (row?.ownerships as StoredChains['ownerships']) ?? [], became: (row?.became as StoredChains['became']) ?? [] };
}

/** Every problem with the bundle, checked against what the graph holds now; empty when it can be imported. */
export async function checkBundle(graph: GraphExecutor, bundle: unknown, options: Pick<ImportOptions, 'roundTrips'> = {}): Promise<Problem[]> {
  return (await surveyBundle(graph, piecesOfObject(bundle), options)).problems;
}

/** The same for a bundle file, read as a stream. */
export async function checkBundleFile(graph: GraphExecutor, file: string, options: Pick<ImportOptions, 'roundTrips'> = {}): Promise<Problem[]> {
  return (await surveyBundle(graph, await bundleFilePieces(file), options)).problems;
}

/** Validates and writes; throws BundleRejectedError (with every problem) and writes nothing if any. */
export async function importBundle(graph: GraphExecutor, bundle: unknown, options: ImportOptions = {}): Promise<ImportReport> {
  return importPieces(graph, piecesOfObject(bundle), options);
}

/** Validates and writes a bundle file, reading it twice as a stream (validation, then the write). */
export async function importBundleFile(graph: GraphExecutor, file: string, options: ImportOptions = {}): Promise<ImportReport> {
  return importPieces(graph, await bundleFilePieces(file), options);
}

async function importPieces(graph: GraphExecutor, pieces: BundlePieces, options: ImportOptions): Promise<ImportReport> {
  const { problems, plan } = await surveyBundle(graph, pieces, options);
  options.onValidated?.(problems, plan.survey.counts);
  if (problems.length > 0) throw new BundleRejectedError(problems);
  const report = await writePieces(graph, pieces, plan, options);
  options.events?.changed(changeOf(report));
  return report;
}

/** The kinds an import touched and the claims it resolved: what its event tells subscribers. */
function changeOf(report: ImportReport): GraphChange {
  const kinds = (Object.keys(report.kinds) as EntityKind[]).filter((kind) => {
    const counts = report.kinds[kind];
    return counts.created + counts.changed + counts.deleted > 0;
  });
  return { kinds, resolvedClaims: [...report.resolvedClaims].slice(0, RESOLVED_CLAIMS_PER_EVENT).map((id) => ({ id })), resolvedClaimsTotal: report.resolvedClaims.size };
}
