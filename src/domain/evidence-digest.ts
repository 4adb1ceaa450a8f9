/**
 * One partner's evidence entries (src/domain/evidence-entries.ts) packed into one string, with the
 * ids they name in two sorted lists: the outlook reads a partner's evidence with one seek and sums it
 * here, instead of Neo4j reading and summing tens of thousands of index entries per question
 * (docs/evidence-digest.md measured it: a tenth of the time for the busiest partner at 1M claims).
 *
 * The digest is a function of the set of entries: its lists and records are sorted, so every writer
 * (the importer, a write that changes claims, the initial load) stores the same string for the same
 * entries. Each record is RECORD_BYTES little-endian bytes: the manufacturer's index in its list
 * (u32), the leaker's (i32; NO_LEAKER for a claim with no leaker, which has no id to list), the first
 * day the entry counts and the day it stops counting (i32 day numbers since 1970-01-01), and its
 * direction (1 FOR, 0 AGAINST). It is kept as base64
 * text: neo4j-driver decodes a byte array one byte at a time, a string in one native call.
 */
import { credibilityValue } from './credibility.ts';
import type { EvidenceEntry } from './evidence-entries.ts';
import { parseDay } from './fuzzy-date.ts';
import { WEIGHT_WITHOUT_LEAKER, type EvidenceSummary } from './partnership-evidence.ts';

export interface EvidenceDigest {
  /** The manufacturers the entries name, sorted. */
  manufacturers: string[];
  /** The leakers the entries name, sorted. */
  leakers: string[];
  /** The records, base64. */
  entries: string;
}

export type DigestedEntry = Pick<EvidenceEntry, 'manufacturer' | 'leaker' | 'direction' | 'from' | 'until'>;

const RECORD_BYTES = 17;
/** The leaker index of an entry whose claim has no leaker (its entries say ''). */
const NO_LEAKER = -1;
const DAY_MS = 86_400_000;
/** Numbers kept per entry while building: manufacturer, leaker, from, until, direction. */
const FIELDS = 5;

/** Days since 1970-01-01 of a day `YYYY-MM-DD`. */
export function dayNumber(day: string): number {
  const valid = parseDay(day);
  return Date.UTC(Number(valid.slice(0, 4)), Number(valid.slice(5, 7)) - 1, Number(valid.slice(8, 10))) / DAY_MS;
}

/** Takes entries one at a time in whatever order, keeping each as five numbers, and returns the digest. */
export class EvidenceDigestBuilder {
  private readonly manufacturers = new Map<string, number>();
  private readonly leakers = new Map<string, number>();
  private numbers = new Int32Array(FIELDS * 64);
  private count = 0;

  add(entry: DigestedEntry): void {
    this.addRecord(recordOf(entry));
  }

  /** An entry as its record's numbers, with its ids as strings. */
  addRecord(record: DigestRecord): void {
    if (this.count * FIELDS === this.numbers.length) {
      const grown = new Int32Array(this.numbers.length * 2);
      grown.set(this.numbers);
      this.numbers = grown;
    }
    const at = this.count * FIELDS;
    this.numbers[at] = indexIn(this.manufacturers, record.manufacturer);
    this.numbers[at + 1] = record.leaker === '' ? NO_LEAKER : indexIn(this.leakers, record.leaker);
    this.numbers[at + 2] = record.from;
    this.numbers[at + 3] = record.until;
    this.numbers[at + 4] = record.direction;
    this.count += 1;
  }

  digest(): EvidenceDigest {
    const manufacturers = [...this.manufacturers.keys()].sort();
    const leakers = [...this.leakers.keys()].sort();
    const manufacturerAt = renumbering(this.manufacturers, manufacturers);
    const leakerAt = renumbering(this.leakers, leakers);
    const n = this.numbers;
    for (let at = 0; at < this.count * FIELDS; at += FIELDS) {
      n[at] = numberAt(manufacturerAt, numberAt(n, at));
      const leaker = numberAt(n, at + 1);
      if (leaker !== NO_LEAKER) n[at + 1] = numberAt(leakerAt, leaker);
    }
    const order = Array.from({ length: this.count }, (_, i) => i * FIELDS);
    order.sort((a, b) => {
      for (let field = 0; field < FIELDS; field += 1) {
        const difference = numberAt(n, a + field) - numberAt(n, b + field);
        if (difference !== 0) return difference;
      }
      return 0;
    });
    const bytes = Buffer.alloc(this.count * RECORD_BYTES);
    order.forEach((from, i) => {
      const at = i * RECORD_BYTES;
      bytes.writeUInt32LE(numberAt(n, from), at);
      bytes.writeInt32LE(numberAt(n, from + 1), at + 4);
      bytes.writeInt32LE(numberAt(n, from + 2), at + 8);
      bytes.writeInt32LE(numberAt(n, from + 3), at + 12);
      bytes.writeUInt8(numberAt(n, from + 4), at + 16);
    });
    return { manufacturers, leakers, entries: bytes.toString('base64') };
  }
}

/** An entry as the digest keeps it: its ids, its days as day numbers, its direction as 1 (FOR) or 0. */
export interface DigestRecord {
  manufacturer: string;
  leaker: string;
  from: number;
  until: number;
  direction: number;
}

function recordOf(entry: DigestedEntry): DigestRecord {
  if (entry.direction !== 'FOR' && entry.direction !== 'AGAINST') {
    throw new Error(`an evidence entry's direction is FOR or AGAINST, not ${JSON.stringify(entry.direction)}`);
  }
  return { manufacturer: entry.manufacturer, leaker: entry.leaker, from: dayNumber(entry.from), until: dayNumber(entry.until), direction: entry.direction === 'FOR' ? 1 : 0 };
}

const keyOf = (r: DigestRecord) => `${r.manufacturer}\u0000${r.leaker}\u0000${r.from}\u0000${r.until}\u0000${r.direction}`;

/**
 * The digest of a partner's entries after a write removed some and added others, from the digest
 * before it (null: none), without rereading every entry: what a write that changes a few claims
 * pays, instead of reading the busiest partner's 41,060 entries. null when an entry to remove is not
 * in it: then it was not the digest of those entries, and the caller rebuilds it from the index.
 */
export function patchDigest(digest: EvidenceDigest | null, removed: readonly DigestedEntry[], added: readonly DigestedEntry[]): EvidenceDigest | null {
  const toRemove = new Map<string, number>();
  for (const entry of removed) {
    const key = keyOf(recordOf(entry));
    toRemove.set(key, (toRemove.get(key) ?? 0) + 1);
  }
  const builder = new EvidenceDigestBuilder();
  for (const record of digest ? recordsOf(digest) : []) {
    if (record === null) return null;
    const key = keyOf(record);
    const left = toRemove.get(key);
    if (left === undefined) builder.addRecord(record);
    else if (left > 1) toRemove.set(key, left - 1);
    else toRemove.delete(key);
  }
  if (toRemove.size > 0) return null;
  for (const entry of added) builder.add(entry);
  return builder.digest();
}

/** The records of a digest with their ids; null for a record that points past its lists. */
function* recordsOf(digest: EvidenceDigest): Generator<DigestRecord | null> {
  const bytes = Buffer.from(digest.entries, 'base64');
  for (let at = 0; at + RECORD_BYTES <= bytes.length; at += RECORD_BYTES) {
    const manufacturer = digest.manufacturers[bytes.readUInt32LE(at)];
    const leakerIndex = bytes.readInt32LE(at + 4);
    const leaker = leakerIndex === NO_LEAKER ? '' : digest.leakers[leakerIndex];
    if (manufacturer === undefined || leaker === undefined) {
      yield null;
      return;
    }
    yield { manufacturer, leaker, from: bytes.readInt32LE(at + 8), until: bytes.readInt32LE(at + 12), direction: bytes.readUInt8(at + 16) };
  }
}

/** A digest as a statement returns it (`manufacturers`, `leakers`, `entries`); null when there is none. A digest of claims that all lack a leaker stores no leakers. */
export function digestOfRow(row: Record<string, unknown> | undefined): EvidenceDigest | null {
  if (!row || typeof row.entries !== 'string') return null;
  return { manufacturers: row.manufacturers as string[], leakers: (row.leakers as string[] | null) ?? [], entries: row.entries };
}

export function digestOf(entries: Iterable<DigestedEntry>): EvidenceDigest {
  const builder = new EvidenceDigestBuilder();
  for (const entry of entries) builder.add(entry);
  return builder.digest();
}

/**
 * The evidence summaries of a digest on `day`: for each manufacturer named by an entry that counts
 * that day (from <= day < until), the products of (1 - w) over its entries for and against, and how
 * many counted. `credibilityOf(i)` is the credibility on that day of the digest's `leakers[i]` (null:
 * no resolved claim yet, so a newcomer's); a claim with no leaker weighs WEIGHT_WITHOUT_LEAKER. The
 * same rule as `summariseEvidence` over `partnershipEvidence` (src/domain/partnership-evidence.ts).
 */
export function summariesOfDigest(digest: EvidenceDigest, day: string, credibilityOf: (leaker: number) => number | null): Map<string, EvidenceSummary> {
  const bytes = Buffer.from(digest.entries, 'base64');
  if (bytes.length % RECORD_BYTES !== 0) throw new Error(`an evidence digest holds ${bytes.length} bytes, not whole records of ${RECORD_BYTES}`);
  const on = dayNumber(day);
  const newcomer = credibilityValue(0, 0);
  const doubt = digest.leakers.map((_, i) => 1 - (credibilityOf(i) ?? newcomer));
  const summaries = new Map<string, EvidenceSummary>();
  for (let at = 0; at < bytes.length; at += RECORD_BYTES) {
    if (bytes.readInt32LE(at + 8) > on || bytes.readInt32LE(at + 12) <= on) continue;
    const manufacturerId = digest.manufacturers[bytes.readUInt32LE(at)];
    const leaker = bytes.readInt32LE(at + 4);
    const leakerDoubt = leaker === NO_LEAKER ? 1 - WEIGHT_WITHOUT_LEAKER : doubt[leaker];
    if (manufacturerId === undefined || leakerDoubt === undefined) throw new Error(`an evidence digest's record ${at / RECORD_BYTES} names no listed manufacturer or leaker`);
    const summary = summaries.get(manufacturerId) ?? { doubtFor: 1, doubtAgainst: 1, claims: 0 };
    if (bytes.readUInt8(at + 16) === 1) summary.doubtFor *= leakerDoubt;
    else summary.doubtAgainst *= leakerDoubt;
    summary.claims += 1;
    summaries.set(manufacturerId, summary);
  }
  return summaries;
}

function indexIn(ids: Map<string, number>, id: string): number {
  let index = ids.get(id);
  if (index === undefined) {
    index = ids.size;
    ids.set(id, index);
  }
  return index;
}

/** From the order ids were met in to their place in `sorted`. */
function renumbering(met: Map<string, number>, sorted: string[]): Int32Array {
  const at = new Int32Array(met.size);
  sorted.forEach((id, place) => {
    const first = met.get(id);
    if (first !== undefined) at[first] = place;
  });
  return at;
}

/** A number the digest's own bookkeeping put at `i`; none is a bug here, not bad input. */
function numberAt(numbers: ArrayLike<number>, i: number): number {
  const value = numbers[i];
  if (value === undefined) throw new Error(`evidence digest: no number at ${i}`);
  return value;
}
