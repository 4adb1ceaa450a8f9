/**
 * Recomputes what a claim stores besides its own fields (its leaker and subject ids, outcome history,
 * credibility changes and evidence periods; src/domain/outcome-history.ts) from the claim as stored,
 * then the evidence index entries, the evidence digests of their partners and its leaker's
 * credibility steps, all in the caller's write transaction. Writes that change a claim outside the
 * importer (resolveClaim) call it; so does the start-up, once, for claims stored before these
 * properties existed.
 */
import { derivedClaimProperties } from '../domain/outcome-history.ts';
import type { GraphExecutor, StatementRunner } from './executor.ts';
import { refreshCredibility } from './credibility-steps.ts';
import { refreshEvidence } from './evidence.ts';
import { refreshEvidenceDigests } from './evidence-digests.ts';
import { claimFact } from './rows.ts';

export async function rebuildClaimHistory(run: StatementRunner, claimIds: string[]): Promise<void> {
  if (claimIds.length === 0) return;
  const { rows } = await run('claims-for-history', { ids: claimIds });
  const claims = rows.map((row) => {
    const fact = claimFact({ ...row, subjects: (row.subjectIds as string[]).map((id) => ({ id })), sourceIds: [] });
    return { id: fact.id, leakerId: fact.leakerId, props: derivedClaimProperties(fact) };
  });
  await run('store-claim-history', { claims: claims.map(({ id, props }) => ({ id, props })) });
  const evidenceChanges = await refreshEvidence(
    run,
    claims.map((claim) => claim.id),
  );
  await refreshEvidenceDigests(run, evidenceChanges);
  await refreshCredibility(
    run,
    claims.flatMap((claim) => claim.leakerId ?? []),
  );
}

/** Claims per transaction when filling in what older data lacks. */
const BACKFILL_BATCH = 5000;

/** Derives the stored properties of claims that lack them; returns how many it filled in. */
export async function backfillClaimHistory(graph: GraphExecutor): Promise<number> {
  let filled = 0;
  for (;;) {
    const ids = (await graph.read('claims-without-history', { limit: BACKFILL_BATCH })).map((row) => String(row.id));
    if (ids.length === 0) return filled;
    await graph.inWriteTransaction((run) => rebuildClaimHistory(run, ids));
    filled += ids.length;
  }
}

/** The Migration node that says the backfill ran (an initial load writes it too: its claims have everything). */
export const BACKFILL_MARK = 'data-claim-history';

/**
 * Runs the backfill once per database (recorded like a migration): every later write keeps these
 * properties itself, so starts after the first never scan the claims again.
 */
export async function backfillClaimHistoryOnce(requests: GraphExecutor): Promise<number> {
  // A large graph written before these properties existed takes as long as an import to derive.
  const graph = requests.forImports();
  const done = await graph.runScript('MATCH (m:Migration {id: $id}) RETURN m.id AS id', { id: BACKFILL_MARK }, 'READ');
  if (done.length > 0) return 0;
  const filled = await backfillClaimHistory(graph);
  await graph.runScript('MERGE (m:Migration {id: $id}) SET m.appliedAt = datetime()', { id: BACKFILL_MARK });
  return filled;
}
