/**
 * Keeps each partner's evidence digest (src/domain/evidence-digest.ts) equal to its evidence index
 * entries, on write, in the writer's own transaction: every write that changes entries rebuilds the
 * digests of the partners those entries were or are about, from the entries as the transaction left
 * them. The outlook then reads a partner's evidence with one seek (outlook-evidence-digest) instead
 * of reading and summing its entries in Neo4j (docs/evidence-digest.md).
 *
 * A rebuild rereads the partner's entries: 41,060 for the busiest partner at 1M claims. A write pays
 * that once per partner it touches, however many of its claims it changes.
 */
import { EvidenceDigestBuilder, type EvidenceDigest } from '../domain/evidence-digest.ts';
import type { GraphExecutor, StatementRunner } from './executor.ts';

/** Partners whose entries are read per statement (a statement's rows are what the busiest holds, or many quiet ones). */
const PARTNERS_PER_READ = 50;

export async function refreshEvidenceDigests(run: StatementRunner, partnerIds: Iterable<string>): Promise<number> {
  const partners = [...new Set(partnerIds)].sort();
  if (partners.length === 0) return 0;
  // Locked before any entry is read, in one order (lock-evidence-digests.cypher says why).
  await run('lock-evidence-digests', { partners });
  for (let start = 0; start < partners.length; start += PARTNERS_PER_READ) {
    const slice = partners.slice(start, start + PARTNERS_PER_READ);
    const builders = new Map(slice.map((partner) => [partner, new EvidenceDigestBuilder()]));
    const { rows } = await run('evidence-of-partners', { partners: slice });
    for (const row of rows) {
      builders.get(String(row.partner))?.add({
        manufacturer: String(row.manufacturer),
        leaker: String(row.leaker),
        direction: String(row.direction),
        from: String(row.from),
        until: String(row.until),
      });
    }
    const digests: (EvidenceDigest & { partner: string })[] = [...builders].map(([partner, builder]) => ({ partner, ...builder.digest() }));
    await run('store-evidence-digests', { digests });
  }
  return partners.length;
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
    await graph.inWriteTransaction((run) => refreshEvidenceDigests(run, partners.slice(start, start + BACKFILL_PARTNERS)));
  }
  await graph.runScript('MERGE (m:Migration {id: $id}) SET m.appliedAt = datetime()', { id: DIGESTS_MARK });
  return partners.length;
}
