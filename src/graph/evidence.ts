/**
 * Keeps the outlook's evidence index up to date on write: for every claim a write adds, changes,
 * resolves or relinks, its (:Evidence) entries are rebuilt in the writer's own transaction (read what
 * they depend on, compute them by src/domain/evidence-entries.ts, replace them), so the outlook reads
 * the claims about one optics partner as of a day from one index range (migration 005).
 */
import { evidenceEntries, type EvidenceSource } from '../domain/evidence-entries.ts';
import type { StatementRunner } from './executor.ts';
import { EvidenceChanges, entryOf } from './evidence-digests.ts';

/** Claims per statement. */
const CLAIMS_PER_BATCH = 5000;

/** Returns the entries it deleted and made: their partners' digests are the writer's to patch (evidence-digests.ts). */
export async function refreshEvidence(run: StatementRunner, claimIds: Iterable<string>): Promise<EvidenceChanges> {
  const ids = [...new Set(claimIds)];
  const changes = new EvidenceChanges();
  for (let start = 0; start < ids.length; start += CLAIMS_PER_BATCH) {
    const claimIds = ids.slice(start, start + CLAIMS_PER_BATCH);
    const { rows } = await run('evidence-inputs', { claimIds });
    const entries = new Map(rows.map((row) => [String(row.id), evidenceEntries(row as unknown as EvidenceSource, row.companies as string[])]));
    for (const entry of [...entries.values()].flat()) changes.added(entry);
    const { rows: deleted } = await run('refresh-evidence', { claims: claimIds.map((id) => ({ id, entries: entries.get(id) ?? [] })) });
    for (const row of deleted) changes.removed(entryOf(row.entry as Record<string, unknown>));
  }
  return changes;
}
