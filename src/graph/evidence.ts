/**
 * Keeps the outlook's evidence index up to date on write: for every claim a write adds, changes,
 * resolves or relinks, its (:Evidence) entries are rebuilt in the writer's own transaction, so the
 * outlook reads the claims about one optics partner as of a day from one index range (migration 005).
 */
import type { StatementRunner } from './executor.ts';

/** Claims per statement. */
const CLAIMS_PER_BATCH = 5000;

export async function refreshEvidence(run: StatementRunner, claimIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(claimIds)];
  for (let start = 0; start < ids.length; start += CLAIMS_PER_BATCH) {
    await run('refresh-evidence', { claimIds: ids.slice(start, start + CLAIMS_PER_BATCH) });
  }
}
