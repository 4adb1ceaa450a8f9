/**
 * Writes a valid bundle all or nothing, reading it piece by piece (again, for a streamed bundle).
 * Entities the graph does not hold yet (the first pass looked every id up) are created outright with
 * their relationships, resolutions and evidence entries by cypher/statements/import-new-*.cypher: no
 * comparing, one index seek per target. Entities it holds go through the upsert-and-compare
 * statements (import-<kind>.cypher and import-<kind>-links.cypher), so the report says what really
 * changed and importing the same bundle twice changes nothing.
 *
 * A bundle of at most `entitiesPerTransaction` entities is one transaction. A larger one is staged
 * (src/import/staging.ts): its new entities are created in committed batches of that many under
 * labels no read matches, and one last transaction publishes them and does everything else.
 *
 * Statements are pipelined (a few in flight while Node prepares the next), in the bundle's order;
 * a relationship whose target the bundle defines further on waits until that target is written.
 * Last, in the same transaction as the upserts, what the read path keeps is rebuilt once, set-based:
 * the credibility steps of every leaker whose claims were added or changed (including a moved
 * claim's previous leaker), and the evidence entries of stored claims that changed.
 */
import { Neo4jError } from 'neo4j-driver';
import { randomUUID } from 'node:crypto';
import type { GraphExecutor, OpenTransaction, Params, RoundTripCounter, StatementResult, StatementRunner } from '../graph/executor.ts';
import { refreshCredibility } from '../graph/credibility-steps.ts';
import { refreshEvidence } from '../graph/evidence.ts';
import { EvidenceChanges, refreshEvidenceDigests } from '../graph/evidence-digests.ts';
import type { StatementName } from '../graph/statements.ts';
import { ENTITY_KINDS, type Bundle, type EntityKind } from './bundle.ts';
import { piecesOfObject, type BundlePieces, type ListName, type Piece } from './bundle-pieces.ts';
import { StoredIdLookup, type ExistingIds } from './existing-ids.ts';
import { normaliseEntry, type EntityRows, type LinkRow, type NodeRow } from './normalise.ts';
import { BundleSurvey } from './survey.ts';
import { ProgressCounter, type ImportProgress } from './write-progress.ts';
import { discardStaged, holdImportGuard, publishStaged } from './staging.ts';
import { relationshipsOf, Targets, type CreateRow } from './write-rows.ts';

export type { ImportProgress } from './write-progress.ts';

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
  /** Claims whose outcome history gained or changed a decision (new claims with decisions too). */
  resolvedClaims: ReadonlySet<string>;
}

export interface WriteOptions {
  /** Called as batches are written (the transaction commits after the last one). */
  onProgress?: (progress: ImportProgress) => void;
  /** Entities per statement. @default 2000 */
  batchSize?: number;
  /**
   * Entities per transaction: a bundle with more is staged in committed batches of this many and
   * published in one last transaction (src/import/staging.ts). Neo4j holds about 36 KB of transaction
   * memory per claim until a commit. @default 10000
   */
  entitiesPerTransaction?: number;
  /** Called after each staged batch committed (tests read the graph or fail the import there). */
  onBatchCommitted?: (batch: number) => void | Promise<void>;
  /** Called as the write moves on to its next step (for logs and timings of large imports). */
  onPhase?: (phase: 'writing' | 'staging' | 'publishing' | 'refreshing credibility steps' | 'refreshing evidence' | 'committing' | 'discarding staged nodes') => void;
  /** Counts the round trips (one for the whole write, besides the id lookups). */
  roundTrips?: RoundTripCounter;
}

/** What the first pass learnt: the survey of the bundle and which of its ids the graph holds. */
export interface WritePlan {
  survey: BundleSurvey;
  existing: ExistingIds;
}

/** A write that failed inside Neo4j; the transaction was rolled back, so nothing was written. */
export class ImportWriteError extends Error {
  override name = 'ImportWriteError';
}

const CREATE_STATEMENTS: Record<ListName, StatementName> = {
  sources: 'import-new-sources',
  companies: 'import-new-companies',
  leakers: 'import-new-leakers',
  devices: 'import-new-devices',
  partnerships: 'import-new-partnerships',
  ownerships: 'import-new-ownerships',
  exclusivities: 'import-new-exclusivities',
  claims: 'import-new-claims',
};

const UPSERT_STATEMENTS: Record<EntityKind, StatementName> = {
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

/** Statements sent before the oldest must have answered: keeps Neo4j busy without queueing the whole bundle. */
const IN_FLIGHT = 3;

/** Writes a bundle held in memory, looking up first which of its ids the graph holds (no validation: see importBundle). */
export async function writeBundle(graph: GraphExecutor, bundle: Bundle, options: WriteOptions = {}): Promise<ImportReport> {
  const pieces = piecesOfObject(bundle);
  const survey = new BundleSurvey();
  const lookup = new StoredIdLookup(graph, options.roundTrips);
  for await (const piece of pieces.pieces()) {
    survey.add(piece);
    lookup.add(piece);
  }
  return writePieces(graph, pieces, { survey, existing: await lookup.finish(survey) }, options);
}

/** Writes a valid bundle's pieces all or nothing, given what the first pass learnt. */
export async function writePieces(graph: GraphExecutor, pieces: BundlePieces, plan: WritePlan, options: WriteOptions = {}): Promise<ImportReport> {
  const batchSize = wholeNumber('batchSize', options.batchSize ?? 2000);
  const perTransaction = wholeNumber('entitiesPerTransaction', options.entitiesPerTransaction ?? 10_000);
  const entities = ENTITY_KINDS.reduce((sum, kind) => sum + (kind === 'resolutions' ? 0 : plan.survey.counts[kind]), 0);
  try {
    if (entities > perTransaction) return await writeStaged(graph, pieces, plan, options, batchSize, perTransaction);
    return await graph.inWriteTransaction(async (run) => {
      options.onPhase?.('writing');
      return writeEveryPiece(new BundleWriter(run, plan, batchSize, options, 'whole'), pieces, options);
    }, options.roundTrips);
  } catch (error) {
    const aborted = error instanceof Neo4jError ? /import aborted: [^"\n]*/.exec(error.message) : null;
    if (aborted) throw new ImportWriteError(`${aborted[0]}; nothing was written`, { cause: error });
    // An entity the importer found missing and another write created meanwhile arrives as a
    // ConflictError (the executor maps constraint violations, src/graph/conflict.ts); the statements
    // of a staged batch arrive unmapped, and are mapped here (a memory limit the CLI explains).
    throw graph.mapError(error);
  }
}

/** One pass of the writer over the bundle, inside the transaction that then commits its report. */
async function writeEveryPiece(writer: BundleWriter, pieces: BundlePieces, options: WriteOptions): Promise<ImportReport> {
  for await (const piece of pieces.pieces()) await writer.piece(piece);
  const report = await writer.finish();
  options.onPhase?.('committing');
  return report;
}

/**
 * The staged write (src/import/staging.ts): new entities in committed batches under staged labels,
 * then one transaction that publishes them, upserts the stored entities (a third pass over the
 * pieces) and rebuilds the derived data. Anything that fails deletes what was staged.
 */
async function writeStaged(graph: GraphExecutor, pieces: BundlePieces, plan: WritePlan, options: WriteOptions, batchSize: number, perTransaction: number): Promise<ImportReport> {
  const guard = await holdImportGuard(graph, randomUUID());
  let staged = false;
  try {
    options.onPhase?.('staging');
    // The transaction of the current batch; a promise, since pipelined statements ask for it at once.
    let batch: Promise<OpenTransaction> | null = null;
    let batches = 0;
    let sinceCommit = 0;
    const runInBatch: StatementRunner = async (name, params) => {
      batch ??= graph.openWriteTransaction('import-batch', options.roundTrips);
      staged = true;
      return (await batch).run(name, params);
    };
    const commitBatch = async () => {
      if (!batch) return;
      const committing = await batch;
      batch = null;
      sinceCommit = 0;
      try {
        await committing.commit();
      } finally {
        await committing.rollback();
      }
      await options.onBatchCommitted?.(++batches);
    };
    const writer = new BundleWriter(runInBatch, plan, batchSize, options, 'stage', async (entities) => {
      sinceCommit += entities;
      if (sinceCommit < perTransaction) return;
      await writer.drain();
      await commitBatch();
    });
    try {
      for await (const piece of pieces.pieces()) await writer.piece(piece);
      await writer.endStaging();
      await commitBatch();
    } catch (error) {
      await (await (batch as Promise<OpenTransaction> | null)?.catch(() => null))?.rollback();
      throw error;
    }

    return await graph.inWriteTransaction(async (run) => {
      options.onPhase?.('publishing');
      await publishStaged(run);
      writer.publishWith(run);
      return writeEveryPiece(writer, pieces, options);
    }, options.roundTrips);
  } catch (error) {
    if (staged) {
      options.onPhase?.('discarding staged nodes');
      // Nothing of this import is left; if Neo4j cannot be reached now, the next start deletes it.
      await discardStaged(graph).catch(() => {});
    }
    throw error;
  } finally {
    await guard.release();
  }
}

function wholeNumber(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a whole number of at least 1; got ${value}`);
  return value;
}

/** Upserts of entities the graph holds, kept apart until their batch is sent. */
interface Upserts {
  nodes: NodeRow[];
  links: LinkRow[];
  resolutionNodes: NodeRow[];
  resolutionLinks: LinkRow[];
}

interface Deferred {
  kind: EntityKind;
  link: LinkRow;
  /** Targets (list and id) not written yet when the entity was. */
  waitsFor: { list: ListName; id: string }[];
}

/**
 * whole: everything in one transaction. stage: only the new entities, created staged (their
 * relationships to targets the bundle defines further on wait for the publish). publish: only the
 * stored entities, upserted after the staged ones were published, then what waited.
 */
type WriteMode = 'whole' | 'stage' | 'publish';

class BundleWriter {
  private run: StatementRunner;
  private mode: WriteMode;
  /** Told after each batch is sent, with its entities (the staged write commits every so many). */
  private readonly afterFlush: ((entities: number) => Promise<void>) | undefined;
  private readonly plan: WritePlan;
  private readonly targets: Targets;
  private readonly batchSize: number;
  private readonly progress: ProgressCounter;
  private readonly inFlight: Promise<void>[] = [];
  private failure: unknown = null;

  private list: ListName | null = null;
  private readonly done = new Set<ListName>();
  /** Entries of the current list with a smaller index are sent. */
  private sentUpTo = 0;
  private creates: CreateRow[] = [];
  private createLinks: LinkRow[] = [];
  /** Of the creates gathered, how many are sent with their relationships (entities, resolutions). */
  private createsLinked = { entities: 0, resolutions: 0 };
  private upserts: Upserts = emptyUpserts();
  private pendingEntities = 0;
  private deferred: Deferred[] = [];

  private readonly created = Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, 0])) as Record<EntityKind, number>;
  private readonly changed = Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, new Set<string>()])) as Record<EntityKind, Set<string>>;
  private pruned = 0;
  /** Resolutions the upserts created (new resolutions of stored claims). */
  private readonly createdResolutions = new Set<string>();
  private readonly resolvedClaims = new Set<string>();
  private readonly leakersToRefresh = new Set<string>();
  /** Claims added, or changed in properties or relationships, that can be partnership evidence. */
  private readonly claimsToRefresh = new Set<string>();
  /** The entries new claims were created with (staged ones too): their partners' digests take them at the end. */
  private readonly newEvidence = new EvidenceChanges();

  private readonly onPhase: WriteOptions['onPhase'];

  constructor(run: StatementRunner, plan: WritePlan, batchSize: number, options: WriteOptions, mode: WriteMode, afterFlush?: (entities: number) => Promise<void>) {
    this.run = run;
    this.mode = mode;
    this.afterFlush = afterFlush;
    this.plan = plan;
    this.targets = new Targets(plan.survey, plan.existing);
    this.batchSize = batchSize;
    this.progress = new ProgressCounter(plan.survey.counts, batchSize, options.onProgress);
    this.onPhase = options.onPhase;
  }

  async piece(piece: Piece): Promise<void> {
    if (piece.kind !== 'entries') return;
    if (piece.list !== this.list) await this.endList();
    this.list = piece.list;
    const context = { earliestClaimBy: this.plan.survey.earliestClaimBy };
    for (let offset = 0; offset < piece.items.length; offset++) {
      const rows = normaliseEntry(piece.list, piece.items[offset] as object, context);
      await this.entity(piece.list, piece.start + offset, rows);
    }
  }

  /** The staging pass is over: everything staged is sent (the caller commits it). */
  async endStaging(): Promise<void> {
    await this.endList();
    await this.drain();
  }

  /** The staged nodes are published: go over the pieces again in `run`, upserting the stored entities. */
  publishWith(run: StatementRunner): void {
    this.run = run;
    this.mode = 'publish';
    this.list = null;
    this.sentUpTo = 0;
  }

  async finish(): Promise<ImportReport> {
    await this.endList();
    if (this.mode === 'publish') {
      // Relationships of staged entities whose targets came later in the bundle: all are published now.
      const waiting = this.deferred;
      this.deferred = [];
      for (const kind of ENTITY_KINDS) {
        const links = waiting.filter((d) => d.kind === kind).map((d) => d.link);
        for (let start = 0; start < links.length; start += this.batchSize) await this.upsertLinks(kind, links.slice(start, start + this.batchSize));
      }
    }
    await this.drain();
    // What reads keep per leaker and per claim, rebuilt from the claims as this transaction left them.
    this.onPhase?.('refreshing credibility steps');
    await refreshCredibility(this.run, this.leakersToRefresh);
    this.onPhase?.('refreshing evidence');
    this.newEvidence.merge(await refreshEvidence(this.run, this.claimsToRefresh));
    await refreshEvidenceDigests(this.run, this.newEvidence);
    return this.report();
  }

  private async entity(list: ListName, index: number, rows: EntityRows): Promise<void> {
    const stored = this.plan.existing[list].has(rows.node.id);
    // Staging creates the new entities only; publishing upserts the stored ones, every target written.
    if (this.mode === 'stage' ? stored : this.mode === 'publish' && !stored) return;
    const waitsFor: Deferred['waitsFor'] = [];
    if (this.mode !== 'publish') await this.collectWaits(list, index, rows, waitsFor);
    const kind = list as EntityKind;
    const linksNow = waitsFor.length === 0;
    if (!linksNow) {
      if (rows.links) this.deferred.push({ kind, link: rows.links, waitsFor });
      for (const resolution of rows.resolutions ?? []) this.deferred.push({ kind: 'resolutions', link: resolution.links, waitsFor });
      // Its evidence entries need its subjects: rebuilt once they are linked.
      if (!stored && kind === 'claims') this.claimsToRefresh.add(rows.node.id);
    }
    if (stored) {
      this.upserts.nodes.push(rows.node);
      if (linksNow && rows.links) this.upserts.links.push(rows.links);
      for (const resolution of rows.resolutions ?? []) {
        this.upserts.resolutionNodes.push(resolution.node);
        if (linksNow) this.upserts.resolutionLinks.push(resolution.links);
      }
    } else {
      const created = this.targets.createRow(rows, linksNow, this.mode === 'stage');
      for (const entry of created.evidence ?? []) this.newEvidence.added(entry);
      this.creates.push(created);
      if (linksNow) {
        this.createLinks.push(rows.links ?? { id: rows.node.id, links: [], to: {} }, ...(rows.resolutions ?? []).map((r) => r.links));
        this.createsLinked.entities++;
        this.createsLinked.resolutions += rows.resolutions?.length ?? 0;
      }
    }
    if (++this.pendingEntities >= this.batchSize) await this.flush();
  }

  /** Targets of an entity's relationships that are not written yet (sends the batch first when one is in it). */
  private async collectWaits(list: ListName, index: number, rows: EntityRows, waitsFor: Deferred['waitsFor']): Promise<void> {
    for (const link of [rows.links, ...(rows.resolutions ?? []).map((r) => r.links)]) {
      for (const [type, ids] of Object.entries(link?.to ?? {})) {
        for (const id of ids) {
          const target = this.targets.targetOf(type, id);
          if (!target || this.done.has(target.list)) continue;
          const { list: targetList, index: targetIndex } = target;
          if (targetList === list && targetIndex < this.sentUpTo) continue;
          // An earlier entry of this batch: send the batch first.
          if (targetList === list && targetIndex < index) await this.flush();
          else waitsFor.push({ list: targetList, id });
        }
      }
    }
  }

  /** Sends the entities gathered so far: creates first, then upserts in the order their statements need. */
  private async flush(): Promise<void> {
    const list = this.list;
    if (!list || this.pendingEntities === 0) return;
    const kind = list as EntityKind;
    const creates = this.creates;
    const createLinks = this.createLinks;
    const upserts = this.upserts;
    const linked = this.createsLinked;
    const entities = this.pendingEntities;
    this.createsLinked = { entities: 0, resolutions: 0 };
    this.creates = [];
    this.createLinks = [];
    this.upserts = emptyUpserts();
    this.sentUpTo += this.pendingEntities;
    this.pendingEntities = 0;

    if (creates.length > 0) {
      const expected = creates.reduce((sum, row) => sum + relationshipsOf(row), 0);
      await this.send(CREATE_STATEMENTS[list], { rows: creates, staged: this.mode === 'stage' }, async (result) => {
        if (result.relationshipsCreated !== expected) await this.missingTargets(createLinks);
        this.created[kind] += creates.length;
        this.progress.add(kind, 'nodes', creates.length);
        this.progress.add(kind, 'relationships', kind === 'sources' ? 0 : linked.entities);
        const resolutions = creates.reduce((sum, row) => sum + (row.resolutions?.length ?? 0), 0);
        this.created.resolutions += resolutions;
        this.progress.add('resolutions', 'nodes', resolutions);
        this.progress.add('resolutions', 'relationships', linked.resolutions);
        for (const row of creates) {
          if (typeof row.props.leakerId === 'string') this.leakersToRefresh.add(row.props.leakerId);
          if (row.resolutions?.length) this.resolvedClaims.add(row.props.id as string);
        }
      });
    }
    if (upserts.resolutionNodes.length > 0) await this.upsertNodes('resolutions', upserts.resolutionNodes);
    if (upserts.nodes.length > 0) await this.upsertNodes(kind, upserts.nodes);
    if (upserts.links.length > 0) await this.upsertLinks(kind, upserts.links);
    if (upserts.resolutionLinks.length > 0) await this.upsertLinks('resolutions', upserts.resolutionLinks);
    await this.afterFlush?.(entities);
  }

  /** The current list is over: send what is left of it, and the relationships that waited for it (staged ones wait for the publish). */
  private async endList(): Promise<void> {
    await this.flush();
    if (this.list) this.done.add(this.list);
    this.sentUpTo = 0;
    if (this.mode !== 'whole') return;
    const ready = this.deferred.filter((d) => d.waitsFor.every((target) => this.done.has(target.list)));
    if (ready.length === 0) return;
    this.deferred = this.deferred.filter((d) => !ready.includes(d));
    for (const kind of ENTITY_KINDS) {
      const links = ready.filter((d) => d.kind === kind).map((d) => d.link);
      for (let start = 0; start < links.length; start += this.batchSize) await this.upsertLinks(kind, links.slice(start, start + this.batchSize));
    }
  }

  private upsertNodes(kind: EntityKind, rows: NodeRow[]): Promise<void> {
    return this.send(UPSERT_STATEMENTS[kind], { rows }, ({ rows: [result] }) => {
      const createdIds = (result?.createdIds as string[] | undefined) ?? [];
      this.created[kind] += createdIds.length;
      if (kind === 'resolutions') for (const id of createdIds) this.createdResolutions.add(id);
      for (const id of (result?.changedIds as string[] | undefined) ?? []) this.changed[kind].add(id);
      if (kind === 'resolutions')
        for (const id of [...createdIds, ...((result?.changedIds as string[] | undefined) ?? [])]) this.resolvedClaims.add(id.slice(0, id.lastIndexOf('#')));
      for (const ids of (result?.leakersOfChanged as (string | null)[][] | undefined) ?? []) for (const id of ids) if (id) this.leakersToRefresh.add(id);
      if (kind === 'claims') for (const id of [...createdIds, ...((result?.changedIds as string[] | undefined) ?? [])]) this.claimsToRefresh.add(id);
      this.progress.add(kind, 'nodes', rows.length);
    });
  }

  private upsertLinks(kind: EntityKind, rows: LinkRow[]): Promise<void> {
    const name = LINK_STATEMENTS[kind];
    if (!name) return Promise.resolve();
    return this.send(name, { rows }, ({ rows: [result] }) => {
      for (const id of (result?.changedIds as string[] | undefined) ?? []) {
        this.changed[kind].add(id);
        if (kind === 'claims') this.claimsToRefresh.add(id);
      }
      this.pruned += Number(result?.prunedResolutions ?? 0);
      this.progress.add(kind, 'relationships', rows.length);
    });
  }

  /** A create made fewer relationships than it was sent: name the targets that are missing, and fail. */
  private async missingTargets(links: LinkRow[]): Promise<never> {
    const { rows } = await this.run('import-missing-targets', { rows: this.targets.targetsOf(links) });
    const first = rows[0];
    const detail = first ? `${first.id} links to ids that are not in the graph: ${(first.missing as string[]).join(' ')}` : 'a relationship could not be created';
    throw new ImportWriteError(`import aborted: ${detail}; nothing was written`);
  }

  /** Starts a statement without waiting for it, unless IN_FLIGHT are already running. */
  private async send(name: StatementName, params: Params, then: (result: StatementResult) => void | Promise<void>): Promise<void> {
    if (this.failure) throw this.failure;
    const running = this.run(name, params).then(then);
    // Errors are rethrown in order by drain or the next send; this only keeps them from going unhandled.
    running.catch((error: unknown) => {
      this.failure ??= error;
    });
    this.inFlight.push(running);
    await this.settleUntil(IN_FLIGHT - 1);
  }

  async drain(): Promise<void> {
    await this.settleUntil(0);
  }

  /** Waits for the oldest statements in flight, in the order they were sent, until at most `left` run. */
  private async settleUntil(left: number): Promise<void> {
    while (this.inFlight.length > left) {
      const oldest = this.inFlight.shift();
      if (oldest === undefined) return;
      await this.settle(oldest);
    }
  }

  private async settle(running: Promise<void>): Promise<void> {
    try {
      await running;
    } catch {
      // Reported through this.failure, which holds the first error of the transaction.
    }
    if (this.failure) {
      await Promise.allSettled(this.inFlight.splice(0));
      throw this.failure;
    }
  }

  private report(): ImportReport {
    const kinds = {} as Record<EntityKind, KindCounts>;
    const totals: KindCounts = { created: 0, changed: 0, unchanged: 0, deleted: 0 };
    for (const kind of ENTITY_KINDS) {
      // A new node's relationships are new too; it counts as created only. A resolution existed
      // when its claim did and it was not created now.
      const existed =
        kind === 'resolutions'
          ? (id: string) => this.plan.existing.claims.has(id.slice(0, id.lastIndexOf('#'))) && !this.createdResolutions.has(id)
          : (id: string) => this.plan.existing[kind].has(id);
      const changed = [...this.changed[kind]].filter(existed).length;
      const counts: KindCounts = {
        created: this.created[kind],
        changed,
        unchanged: this.plan.survey.counts[kind] - this.created[kind] - changed,
        deleted: kind === 'resolutions' ? this.pruned : 0,
      };
      kinds[kind] = counts;
      for (const key of Object.keys(totals) as (keyof KindCounts)[]) totals[key] += counts[key];
    }
    return { kinds, totals, resolvedClaims: this.resolvedClaims };
  }
}

function emptyUpserts(): Upserts {
  return { nodes: [], links: [], resolutionNodes: [], resolutionLinks: [] };
}
