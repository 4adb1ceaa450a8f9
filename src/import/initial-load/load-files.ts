/**
 * The first half of an initial load (tools/neo4j/initial-load.ts): one streamed pass over a bundle
 * that validates it exactly as the importer does (BundleCheck, against an empty graph) and, at the
 * same time, writes what the graph will store as CSV files for Neo4j's offline bulk importer
 * (`neo4j-admin database import full`): every node with exactly the properties the online importer
 * stores (normaliseEntry, derived claim properties included), every relationship, and each leaker's
 * credibility steps (credibilitySteps, from its claims' changes) and evidence entries
 * (evidenceEntries), by the rules every write uses. What CSV cannot say is returned beside the
 * files: the properties that must be empty lists (the bulk importer stores none), set once the
 * database runs (finish-load.ts).
 *
 * The files are a scratch copy: a rejected bundle gets its problems and the files are deleted, so
 * nothing reaches a graph.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { credibilityValue } from '../../domain/credibility.ts';
import { BACKFILL_MARK } from '../../graph/claim-history.ts';
import { DIGESTS_MARK } from '../../graph/evidence-digests.ts';
import { EvidenceDigestBuilder } from '../../domain/evidence-digest.ts';
import { evidenceEntries, type EvidenceSource } from '../../domain/evidence-entries.ts';
import { credibilitySteps, type CredibilityChange } from '../../domain/outcome-history.ts';
import type { BundlePieces, ListName } from '../bundle-pieces.ts';
import { noExistingIds } from '../existing-ids.ts';
import { normaliseEntry, type EntityRows, type NodeRow } from '../normalise.ts';
import type { Problem } from '../problems.ts';
import { BundleCheck, NO_STORED_CHAINS } from '../validate.ts';
import { LABEL_OF_LIST, targetLabelOf } from '../write-rows.ts';
import { csvField, CsvValueError, csvTypeOf, type CsvValue } from './csv-field.ts';

export interface NodeFile {
  /** Labels every row has (a company's role labels come from its :LABEL column). */
  label: string;
  path: string;
  rows: number;
  /** Holds a line break inside a value: the bulk importer must read it as multi-line CSV. */
  multiline: boolean;
}

export interface RelationshipFile {
  type: string;
  path: string;
  rows: number;
}

/** Nodes whose listed properties are empty lists, by label: the bulk importer can store none. */
export interface EmptyLists {
  label: string;
  /** Property names, each to be set to []. */
  properties: string[];
  ids: string[];
}

export interface LoadFiles {
  problems: Problem[];
  nodes: NodeFile[];
  relationships: RelationshipFile[];
  emptyLists: EmptyLists[];
  /** Entities per bundle list, and resolutions and credibility steps. */
  counts: Record<string, number>;
  /** The longest field written, in characters (an evidence digest): the bulk importer's read buffer must hold it. */
  longestField: number;
}

/** One CSV file written as rows arrive; its header is the first row's keys. */
class CsvFile {
  readonly path: string;
  rows = 0;
  multiline = false;
  private readonly out: WriteStream;
  private columns: { name: string; header: string }[] | null = null;
  private failed: Error | null = null;

  constructor(path: string, header: string | null = null) {
    this.path = path;
    this.out = createWriteStream(path);
    this.out.on('error', (error) => {
      this.failed = error;
    });
    if (header !== null) this.out.write(`${header}\n`);
  }

  /** A node row: `:ID(label)` for the id, each other property typed by csvTypeOf. */
  node(label: string, props: Record<string, CsvValue>, extra: Record<string, string> = {}): void {
    if (this.columns === null) {
      this.columns = [
        ...Object.keys(props).map((name) => ({ name, header: name === 'id' ? `id:ID(${label})` : `${name}${csvTypeOf(name)}` })),
        ...Object.keys(extra).map((name) => ({ name, header: name })),
      ];
      this.out.write(`${this.columns.map((column) => column.header).join(',')}\n`);
    }
    let line = '';
    for (const [index, column] of this.columns.entries()) {
      if (index > 0) line += ',';
      const value = column.name in props ? props[column.name] : extra[column.name];
      if (value === undefined) throw new Error(`${label} row ${String(props.id)} lacks the column ${column.name}`);
      line += this.field(value, column.name, props.id);
    }
    if (Object.keys(props).length + Object.keys(extra).length !== this.columns.length) throw new Error(`${label} row ${String(props.id)} has properties beyond its file's columns`);
    this.line(line);
  }

  /** A row of fields already in column order (relationships, credibility steps). */
  plain(fields: CsvValue[]): void {
    this.line(fields.map((value, index) => this.field(value, String(index), '')).join(','));
  }

  private field(value: CsvValue, name: string, id: unknown): string {
    try {
      const text = csvField(value);
      if (!this.multiline && typeof value === 'string' && /[\r\n]/.test(value)) this.multiline = true;
      return text;
    } catch (error) {
      if (error instanceof CsvValueError) throw new CsvValueError(`${String(id)}: ${name}: ${error.message}`);
      throw error;
    }
  }

  private line(text: string): void {
    if (this.failed) throw this.failed;
    this.rows++;
    this.out.write(`${text}\n`);
  }

  /** Whether its buffer is full: the caller waits for `drain` before handing it more. */
  get full(): boolean {
    return this.out.writableNeedDrain;
  }

  /** Resolves once the buffered rows are written (at once if there is room). */
  drain(): Promise<void> {
    return this.full ? new Promise((resolve) => this.out.once('drain', resolve)) : Promise.resolve();
  }

  /** Resolves once everything is on disk. */
  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.failed) return reject(this.failed);
      this.out.end((error?: Error | null) => (error ? reject(error) : resolve()));
    });
  }
}

/** Waits until no file holds more than its buffer: memory stays bounded whatever the bundle's size. */
async function drained(files: CsvFile[]): Promise<void> {
  await Promise.all(files.filter((file) => file.full).map((file) => file.drain()));
}

/**
 * Validates the bundle and writes its load files into `dir` (which must exist and be empty).
 * The files are complete only when `problems` is empty.
 */
export async function writeLoadFiles(pieces: BundlePieces, dir: string): Promise<LoadFiles> {
  const check = new BundleCheck();
  const nodeFiles = new Map<string, CsvFile>();
  const relationshipFiles = new Map<string, { type: string; file: CsvFile }>();
  const empties = new Map<string, EmptyLists>();
  const counts: Record<string, number> = {};
  /** A leaker's known-since defaults to its earliest claim, known only once every claim was read. */
  const leakers: object[] = [];
  /** Per leaker, its claims' credibility changes summed per day (credibilitySteps sums the same way). */
  const changesOf = new Map<string, Map<string, CredibilityChange>>();
  /** Claims with a subject the bundle defines after them (see claimSubjects). */
  const waitingClaims: { claim: NodeRow; subjects: string[] }[] = [];
  let writing = true;

  const nodeFile = (label: string) => {
    let file = nodeFiles.get(label);
    if (!file) {
      file = new CsvFile(join(dir, `nodes-${label}.csv`));
      nodeFiles.set(label, file);
    }
    return file;
  };
  const relationshipFile = (type: string, from: string, to: string) => {
    const key = `${type}-${from}-${to}`;
    let entry = relationshipFiles.get(key);
    if (!entry) {
      entry = { type, file: new CsvFile(join(dir, `relationships-${key}.csv`), `:START_ID(${from}),:END_ID(${to})`) };
      relationshipFiles.set(key, entry);
    }
    return entry.file;
  };
  const evidence = new CsvFile(join(dir, 'nodes-Evidence.csv'), 'claim,partner,manufacturer,leaker,direction,from,until');
  nodeFiles.set('Evidence', evidence);
  // Each partner's evidence digest (src/domain/evidence-digest.ts), built from the same entries as the
  // index: 17 bytes an entry in memory until the end, about 45 MB for the 1M-claim world.
  const digests = new Map<string, EvidenceDigestBuilder>();
  const writeEvidence = (claim: NodeRow, companies: string[]) => {
    for (const entry of evidenceEntries(claim.props as unknown as EvidenceSource, companies)) {
      evidence.plain([entry.claim, entry.partner, entry.manufacturer, entry.leaker, entry.direction, entry.from, entry.until]);
      count('evidence');
      const digest = digests.get(entry.partner) ?? new EvidenceDigestBuilder();
      digests.set(entry.partner, digest);
      digest.add(entry);
    }
  };
  let longestField = 0;
  /**
   * A claim's ABOUT relationships and evidence entries need to know which subjects are companies.
   * Bundles list companies and devices before claims: only a claim with a subject defined further
   * on waits for the end of the bundle.
   */
  const claimSubjects = (claim: NodeRow, subjects: string[], final = false) => {
    const { companies, devices } = check.survey.ids;
    if (!final && !subjects.every((id) => companies.has(id) || devices.has(id))) {
      waitingClaims.push({ claim, subjects });
      return;
    }
    for (const subject of subjects) relationshipFile('ABOUT', 'Claim', devices.has(subject) ? 'Device' : 'Company').plain([claim.id, subject]);
    writeEvidence(
      claim,
      subjects.filter((id) => !devices.has(id)),
    );
  };
  const count = (kind: string) => {
    counts[kind] = (counts[kind] ?? 0) + 1;
  };
  const writeNode = (label: string, row: NodeRow) => {
    const props = { ...row.props };
    const empty: string[] = [];
    for (const [name, value] of Object.entries(props)) {
      if (Array.isArray(value) && value.length === 0) {
        empty.push(name);
        props[name] = null;
      }
    }
    if (empty.length > 0) {
      const key = `${label} ${empty.join(' ')}`;
      let group = empties.get(key);
      if (!group) {
        group = { label, properties: empty, ids: [] };
        empties.set(key, group);
      }
      group.ids.push(row.id);
    }
    const labels = label === 'Company' ? [label, ...(row.manufacturer ? ['Manufacturer'] : []), ...(row.opticsPartner ? ['OpticsPartner'] : [])] : [];
    nodeFile(label).node(label, props, labels.length > 0 ? { ':LABEL': labels.join('\u001f') } : {});
  };
  const writeEntity = (list: ListName, rows: EntityRows) => {
    const label = LABEL_OF_LIST[list];
    writeNode(label, rows.node);
    count(list);
    for (const [type, ids] of Object.entries(rows.links?.to ?? {})) {
      if (type === 'ABOUT') claimSubjects(rows.node, ids);
      else for (const id of ids) relationshipFile(type, label, targetLabelOf(type)).plain([rows.node.id, id]);
    }
    for (const resolution of rows.resolutions ?? []) {
      writeNode('Resolution', resolution.node);
      count('resolutions');
      for (const id of resolution.links.to.REPORTED_IN ?? []) relationshipFile('REPORTED_IN', 'Resolution', 'Source').plain([resolution.node.id, id]);
    }
  };
  const addChanges = (rows: EntityRows) => {
    const props = rows.node.props;
    const leaker = props.leakerId;
    const days = props.credibilityDays as string[];
    if (typeof leaker !== 'string' || days.length === 0) return;
    const hits = props.credibilityHits as number[];
    const resolved = props.credibilityResolved as number[];
    let byDay = changesOf.get(leaker);
    if (!byDay) {
      byDay = new Map();
      changesOf.set(leaker, byDay);
    }
    for (const [i, day] of days.entries()) {
      const sum = byDay.get(day) ?? { day, hits: 0, resolved: 0 };
      sum.hits += hits[i] ?? 0;
      sum.resolved += resolved[i] ?? 0;
      byDay.set(day, sum);
    }
  };

  for await (const piece of pieces.pieces()) {
    const before = check.problemCount();
    check.piece(piece);
    // An entry the check refused may not have the shape normalising expects; the files are
    // useless from the first problem on, so writing stops and only the check goes on.
    if (check.problemCount() > before) writing = false;
    await drained([...nodeFiles.values(), ...[...relationshipFiles.values()].map((entry) => entry.file)]);
    if (!writing || piece.kind !== 'entries') continue;
    if (piece.list === 'leakers') {
      leakers.push(...(piece.items as object[]));
      continue;
    }
    const context = { earliestClaimBy: check.survey.earliestClaimBy };
    for (const item of piece.items) {
      const rows = normaliseEntry(piece.list, item as object, context);
      writeEntity(piece.list, rows);
      if (piece.list === 'claims') addChanges(rows);
    }
  }
  const problems = check.finish(noExistingIds(), NO_STORED_CHAINS);
  if (problems.length === 0) {
    const context = { earliestClaimBy: check.survey.earliestClaimBy };
    for (const item of leakers) writeEntity('leakers', normaliseEntry('leakers', item, context));
    for (const { claim, subjects } of waitingClaims) claimSubjects(claim, subjects, true);
    // Each leaker's last step is also its LatestCredibilityStep, as replace-credibility-steps labels it.
    const steps = new CsvFile(join(dir, 'nodes-CredibilityStep.csv'), 'leaker,day,hits:double,resolved:double,value:double,:LABEL');
    for (const [leaker, byDay] of changesOf) {
      const all = credibilitySteps(byDay.values());
      for (const [i, step] of all.entries()) {
        steps.plain([leaker, step.day, step.hits, step.resolved, credibilityValue(step.hits, step.resolved), i === all.length - 1 ? 'LatestCredibilityStep' : null]);
        count('credibilitySteps');
      }
    }
    nodeFiles.set('CredibilityStep', steps);
    const digestFile = new CsvFile(join(dir, 'nodes-EvidenceDigest.csv'), 'partner,manufacturers:string[],leakers:string[],entries');
    for (const partner of [...digests.keys()].sort()) {
      const digest = digests.get(partner)?.digest();
      if (!digest) continue;
      // No leakers (every claim about the partner has none) is no property, as store-evidence-digests leaves it.
      digestFile.plain([partner, digest.manufacturers, digest.leakers.length > 0 ? digest.leakers : null, digest.entries]);
      longestField = Math.max(longestField, digest.entries.length);
      count('evidenceDigests');
    }
    digests.clear();
    nodeFiles.set('EvidenceDigest', digestFile);
    // Claims carry their derived properties already and every partner has its digest: the start-up has nothing to backfill.
    const mark = new CsvFile(join(dir, 'nodes-Migration.csv'), 'id,appliedAt:datetime');
    const now = new Date().toISOString();
    mark.plain([BACKFILL_MARK, now]);
    mark.plain([DIGESTS_MARK, now]);
    nodeFiles.set('Migration', mark);
  }
  await Promise.all([...nodeFiles.values(), ...[...relationshipFiles.values()].map((entry) => entry.file)].map((file) => file.close()));
  return {
    problems,
    nodes: [...nodeFiles].map(([label, file]) => ({ label, path: file.path, rows: file.rows, multiline: file.multiline })),
    relationships: [...relationshipFiles.values()].map(({ type, file }) => ({ type, path: file.path, rows: file.rows })),
    emptyLists: [...empties.values()],
    counts,
    longestField,
  };
}
