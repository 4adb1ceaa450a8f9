/**
 * Writes a valid bundle: normalised rows go to one `UNWIND $rows` statement per node kind and per
 * relationship set (cypher/statements/import-*.cypher), in batches, all inside ONE write
 * transaction, so a failure anywhere writes nothing. Entities are upserted by natural id; each
 * statement compares what was stored before with what is stored after, so the report says what
 * really changed and importing the same bundle twice reports nothing created and nothing changed.
 */
import { Neo4jError } from 'neo4j-driver';
import type { GraphExecutor, Params, RoundTripCounter, Row } from '../graph/executor.ts';
import type { StatementName } from '../graph/statements.ts';
import { ENTITY_KINDS, type Bundle, type EntityKind } from './bundle.ts';
import { normaliseBundle } from './normalise.ts';

export interface KindCounts {
  created: number;
  /** Existed with different properties, labels or relationships. */
  changed: number;
  unchanged: number;
  /** Only resolutions: ones a re-imported claim no longer lists. */
  deleted: number;
}

export interface ImportReport {
  kinds: Record<EntityKind, KindCounts>;
  totals: KindCounts;
}

export interface ImportProgress {
  /** Batches written so far (counting this one) and in all. */
  batch: number;
  batches: number;
  kind: EntityKind;
  phase: 'nodes' | 'relationships';
  /** Rows in this batch, written so far (counting this batch) and in all (nodes plus relationship sets). */
  rows: number;
  rowsWritten: number;
  rowsTotal: number;
}

export interface WriteOptions {
  /** Called after each batch is written (the transaction commits after the last one). */
  onProgress?: (progress: ImportProgress) => void;
  /** Rows per statement. @default 500 */
  batchSize?: number;
  /** Counts the round trips (one for the whole write). */
  roundTrips?: RoundTripCounter;
}

/** A write that failed inside Neo4j; the transaction was rolled back, so nothing was written. */
export class ImportWriteError extends Error {
  override name = 'ImportWriteError';
}

const NODE_STATEMENTS: Record<EntityKind, StatementName> = {
  sources: 'import-sources',
  companies: 'import-companies',
  leakers: 'import-leakers',
  devices: 'import-devices',
  partnerships: 'import-partnerships',
  ownerships: 'import-ownerships',
  exclusivities: 'import-exclusivities',
  claims: 'import-claims',
  resolutions: 'import-resolutions',
};

/** Sources have no outgoing relationships. */
const LINK_STATEMENTS: Partial<Record<EntityKind, StatementName>> = {
  companies: 'import-company-links',
  leakers: 'import-leaker-links',
  devices: 'import-device-links',
  partnerships: 'import-partnership-links',
  ownerships: 'import-ownership-links',
  exclusivities: 'import-exclusivity-links',
  claims: 'import-claim-links',
  resolutions: 'import-resolution-links',
};

interface Step {
  name: StatementName;
  params: Params;
  kind: EntityKind;
  phase: ImportProgress['phase'];
  rows: number;
}

export async function writeBundle(graph: GraphExecutor, bundle: Bundle, options: WriteOptions = {}): Promise<ImportReport> {
  const batchSize = options.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a whole number of at least 1; got ${batchSize}`);
  const rows = normaliseBundle(bundle);

  // Every node first, then every relationship set, so links can point at any node of the bundle.
  const steps: Step[] = [];
  for (const kind of ENTITY_KINDS) steps.push(...batches(NODE_STATEMENTS[kind], rows.nodes[kind], kind, 'nodes', batchSize));
  for (const kind of ENTITY_KINDS) {
    const name = LINK_STATEMENTS[kind];
    if (name) steps.push(...batches(name, rows.links[kind], kind, 'relationships', batchSize));
  }

  const results = steps.length === 0 ? [] : await runInOneTransaction(graph, steps, options);

  const created = emptyIdSets();
  const changed = emptyIdSets();
  let pruned = 0;
  results.forEach(([result], index) => {
    const { kind } = steps[index]!;
    for (const id of (result?.createdIds as string[] | undefined) ?? []) created[kind].add(id);
    for (const id of (result?.changedIds as string[] | undefined) ?? []) changed[kind].add(id);
    pruned += Number(result?.prunedResolutions ?? 0);
  });

  const kinds = {} as Record<EntityKind, KindCounts>;
  const totals: KindCounts = { created: 0, changed: 0, unchanged: 0, deleted: 0 };
  for (const kind of ENTITY_KINDS) {
    // A new node's relationships are new too; it counts as created only.
    const changedCount = [...changed[kind]].filter((id) => !created[kind].has(id)).length;
    const counts: KindCounts = {
      created: created[kind].size,
      changed: changedCount,
      unchanged: rows.nodes[kind].length - created[kind].size - changedCount,
      deleted: kind === 'resolutions' ? pruned : 0,
    };
    kinds[kind] = counts;
    for (const key of Object.keys(totals) as (keyof KindCounts)[]) totals[key] += counts[key];
  }
  return { kinds, totals };
}

function batches<T>(name: StatementName, rows: T[], kind: EntityKind, phase: Step['phase'], size: number): Step[] {
  const steps: Step[] = [];
  for (let start = 0; start < rows.length; start += size) {
    const chunk = rows.slice(start, start + size);
    steps.push({ name, params: { rows: chunk }, kind, phase, rows: chunk.length });
  }
  return steps;
}

async function runInOneTransaction(graph: GraphExecutor, steps: Step[], options: WriteOptions): Promise<Row[][]> {
  let reported = 0;
  let rowsTotal = 0;
  const rowsBefore = steps.map((step) => (rowsTotal += step.rows) - step.rows);
  const report = (index: number) => {
    const step = steps[index]!;
    reported = Math.max(reported, index + 1);
    const rowsWritten = rowsBefore[index]! + step.rows;
    options.onProgress?.({ batch: index + 1, batches: steps.length, kind: step.kind, phase: step.phase, rows: step.rows, rowsWritten, rowsTotal });
  };
  // writeAll walks the steps with for...of; an iterator that reports each step once the next one
  // is asked for gives progress while the transaction runs. Should writeAll walk them some other
  // way, progress is still reported, only at the end.
  const walked = steps.map(({ name, params }) => ({ name, params }));
  Object.defineProperty(walked, Symbol.iterator, {
    value: function* () {
      for (let index = 0; index < walked.length; index++) {
        yield walked[index]!;
        report(index);
      }
    },
  });
  try {
    const results = await graph.writeAll(walked, options.roundTrips);
    for (let index = reported; index < steps.length; index++) report(index);
    return results;
  } catch (error) {
    const aborted = error instanceof Neo4jError ? /import aborted: [^"\n]*/.exec(error.message) : null;
    if (aborted) throw new ImportWriteError(`${aborted[0]}; nothing was written`, { cause: error });
    throw error;
  }
}

function emptyIdSets(): Record<EntityKind, Set<string>> {
  return Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, new Set<string>()])) as Record<EntityKind, Set<string>>;
}
