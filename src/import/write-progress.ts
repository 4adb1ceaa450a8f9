/**
 * Progress of a write, in batches of `batchSize` rows of one kind and phase (the nodes of a kind,
 * or their relationships). One statement may write several kinds at once (a claim with its
 * resolutions and all their relationships), so a statement's rows are counted into these batches
 * as it completes, and the number of batches is known before the first one: for each kind and
 * phase, its rows divided by batchSize, rounded up.
 */
import { ENTITY_KINDS, type EntityKind } from './bundle.ts';

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

type Phase = ImportProgress['phase'];

export class ProgressCounter {
  private readonly totals = new Map<string, number>();
  private readonly written = new Map<string, number>();
  private readonly reported = new Map<string, number>();
  private readonly batchSize: number;
  private readonly onProgress: ((progress: ImportProgress) => void) | undefined;
  readonly batches: number;
  readonly rowsTotal: number;
  private batch = 0;
  private rowsWritten = 0;

  /** `entities`: entities per kind; every kind but sources also has one relationship set per entity. */
  constructor(entities: Record<EntityKind, number>, batchSize: number, onProgress?: (progress: ImportProgress) => void) {
    this.batchSize = batchSize;
    this.onProgress = onProgress;
    let batches = 0;
    let rows = 0;
    for (const kind of ENTITY_KINDS) {
      for (const phase of ['nodes', 'relationships'] as const) {
        const total = phase === 'relationships' && kind === 'sources' ? 0 : entities[kind];
        this.totals.set(`${kind} ${phase}`, total);
        batches += Math.ceil(total / batchSize);
        rows += total;
      }
    }
    this.batches = batches;
    this.rowsTotal = rows;
  }

  /** Counts rows written; reports each batch they complete (or the last, smaller one of a kind and phase). */
  add(kind: EntityKind, phase: Phase, rows: number): void {
    if (rows === 0) return;
    const key = `${kind} ${phase}`;
    const total = this.totals.get(key) ?? 0;
    const written = Math.min(total, (this.written.get(key) ?? 0) + rows);
    this.written.set(key, written);
    let reported = this.reported.get(key) ?? 0;
    while (reported < written && (written - reported >= this.batchSize || written === total)) {
      const batchRows = Math.min(this.batchSize, written - reported);
      reported += batchRows;
      this.batch++;
      this.rowsWritten += batchRows;
      this.onProgress?.({ batch: this.batch, batches: this.batches, kind, phase, rows: batchRows, rowsWritten: this.rowsWritten, rowsTotal: this.rowsTotal });
    }
    this.reported.set(key, reported);
  }
}
