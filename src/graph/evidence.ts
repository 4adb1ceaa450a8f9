/**
 * Keeps the outlook's evidence index up to date on write: for every claim a write adds, changes,
 * resolves or relinks, its (:Evidence) entries are rebuilt in the writer's own transaction (read what
 * they depend on, compute them by src/domain/evidence-entries.ts, replace them), so the outlook reads
 * the claims about one optics partner as of a day from one index range (migration 005).
 */
import { evidenceEntries, type EvidenceSource } from '../domain/evidence-entries.ts';
import type { StatementRunner } from './executor.ts';

/** Claims per statement. */
const CLAIMS_PER_BATCH = 5000;

/** Returns the partners whose entries it deleted or made: their digests are the writer's to rebuild (evidence-digests.ts). */
export async function refreshEvidence(run: StatementRunner, claimIds: Iterable<string>): Promise<Set<string>> {
  const ids = [...new Set(claimIds)];
  const partners = new Set<string>();
  for (let start = 0; start < ids.length; start += CLAIMS_PER_BATCH) {
    const claimIds = ids.slice(start, start + CLAIMS_PER_BATCH);
    const { rows } = await run('evidence-inputs', { claimIds });
    const entries = new Map(rows.map((row) => [String(row.id), evidenceEntries(row as unknown as EvidenceSource, row.companies as string[])]));
    for (const entry of [...entries.values()].flat()) partners.add(entry.partner);
    const { rows: deleted } = await run('refresh-evidence', { claims: claimIds.map((id) => ({ id, entries: entries.get(id) ?? [] })) });
    for (const row of deleted) partners.add(String(row.partner));
  }
  return partners;
}
