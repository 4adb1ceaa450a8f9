/**
 * Keeps each partner's evidence digest (src/domain/evidence-digest.ts) equal to its evidence index
 * entries, on write, in the writer's own transaction: every write that changes entries patches the
 * digests of their partners with the entries it removed and added (EvidenceChanges). The outlook
 * then reads a partner's evidence with one seek (outlook-evidence-digest) instead of reading and
 * summing its entries in Neo4j (docs/evidence-digest.md).
 *
 * A patch reads and writes the partner's digest (930 KB of text for the busiest partner at 1M
 * claims), not its entries. A digest that does not hold an entry the write removed is rebuilt from
 * the entries instead, as a store made before digests is once at start-up.
 */
import { EvidenceDigestBuilder, digestOfRow, patchDigest, type DigestedEntry, type EvidenceDigest } from '../domain/evidence-digest.ts';
import type { GraphExecutor, StatementRunner } from './executor.ts';

/** Partners whose digests or entries are read per statement. */
const PARTNERS_PER_READ = 50;

type PartnerEntry = DigestedEntry & { partner: string };

/** The entries one write removed from and added to the evidence index, by partner. */
export class EvidenceChanges {
  private readonly byPartner = new Map<string, { removed: DigestedEntry[]; added: DigestedEntry[] }>();

  removed(entry: PartnerEntry): void {
    this.of(entry.partner).removed.push(entry);
  }

  added(entry: PartnerEntry): void {
    this.of(entry.partner).added.push(entry);
  }

  /** Another write step's changes, kept with these (one by one: an import's lists can be longer than a call's arguments may be). */
  merge(other: EvidenceChanges): void {
    for (const [partner, changes] of other.byPartner) {
      const mine = this.of(partner);
      for (const entry of changes.removed) mine.removed.push(entry);
      for (const entry of changes.added) mine.added.push(entry);
    }
  }

  partners(): string[] {
    return [...this.byPartner.keys()].sort();
  }

  get(partner: string): { removed: DigestedEntry[]; added: DigestedEntry[] } {
    return this.of(partner);
  }

  private of(partner: string) {
    let changes = this.byPartner.get(partner);
    if (!changes) {
      changes = { removed: [], added: [] };
      this.byPartner.set(partner, changes);
    }
    return changes;
  }
}

export async function refreshEvidenceDigests(run: StatementRunner, changes: EvidenceChanges): Promise<number> {
  const partners = changes.partners();
  if (partners.length === 0) return 0;
  // Locked before any digest is read, in one order (lock-evidence-digests.cypher says why).
  await run('lock-evidence-digests', { partners });
  for (let start = 0; start < partners.length; start += PARTNERS_PER_READ) {
    const slice = partners.slice(start, start + PARTNERS_PER_READ);
    const { rows } = await run('evidence-digests-of', { partners: slice });
    const digests: (EvidenceDigest & { partner: string })[] = [];
    const unpatched: string[] = [];
    for (const row of rows) {
      const partner = String(row.partner);
      const { removed, added } = changes.get(partner);
      const patched = patchDigest(digestOfRow(row), removed, added);
      if (patched) digests.push({ partner, ...patched });
      else unpatched.push(partner);
    }
    digests.push(...(await digestsFromEntries(run, unpatched)));
    await run('store-evidence-digests', { digests });
  }
  return partners.length;
}

/** The digests of `partners` built anew from their entries in the index. */
async function digestsFromEntries(run: StatementRunner, partners: string[]): Promise<(EvidenceDigest & { partner: string })[]> {
  const digests: (EvidenceDigest & { partner: string })[] = [];
  for (let start = 0; start < partners.length; start += PARTNERS_PER_READ) {
    const slice = partners.slice(start, start + PARTNERS_PER_READ);
    const builders = new Map(slice.map((partner) => [partner, new EvidenceDigestBuilder()]));
    const { rows } = await run('evidence-of-partners', { partners: slice });
    for (const row of rows) builders.get(String(row.partner))?.add(entryOf(row));
    digests.push(...[...builders].map(([partner, builder]) => ({ partner, ...builder.digest() })));
  }
  return digests;
}

/** Rebuilds the digests of `partners` from their entries (the start-up backfill). */
export async function rebuildEvidenceDigests(run: StatementRunner, partners: string[]): Promise<void> {
  const sorted = [...new Set(partners)].sort();
  if (sorted.length === 0) return;
  await run('lock-evidence-digests', { partners: sorted });
  await run('store-evidence-digests', { digests: await digestsFromEntries(run, sorted) });
}

export function entryOf(row: Record<string, unknown>): PartnerEntry {
  return {
    partner: String(row.partner),
    manufacturer: String(row.manufacturer),
    leaker: String(row.leaker),
    direction: String(row.direction),
    from: String(row.from),
    until: String(row.until),
  };
}

/**
 * The Migration node that says every partner has its digest and every leaker's last credibility step
 * its LatestCredibilityStep label, which the digest's reader uses (an initial load writes it too: it
 * loads both).
 */
export const DIGESTS_MARK = 'data-evidence-digests';

/** Partners per transaction when a store made before digests gets them. */
const BACKFILL_PARTNERS = 200;

/**
 * Builds the digest of every partner, and labels each leaker's last credibility step, once per
 * database (recorded like a migration) for a store written before they existed; every later write
 * keeps both itself.
 */
export async function backfillEvidenceDigestsOnce(requests: GraphExecutor): Promise<number> {
  const graph = requests.forImports();
  const done = await graph.runScript('MATCH (m:Migration {id: $id}) RETURN m.id AS id', { id: DIGESTS_MARK }, 'READ');
  if (done.length > 0) return 0;
  await graph.write('label-latest-credibility-steps', {});
  const partners = (await graph.read('evidence-partners', {})).map((row) => String(row.partner));
  for (let start = 0; start < partners.length; start += BACKFILL_PARTNERS) {
    await graph.inWriteTransaction((run) => rebuildEvidenceDigests(run, partners.slice(start, start + BACKFILL_PARTNERS)));
  }
  await graph.runScript('MERGE (m:Migration {id: $id}) SET m.appliedAt = datetime()', { id: DIGESTS_MARK });
  return partners.length;
}
