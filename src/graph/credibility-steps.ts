/**
 * Keeps each leaker's credibility steps up to date on write, inside the writer's own transaction:
 * its claims' stored credibility changes are summed per day in Cypher, turned into running totals by
 * the pure rule (credibilitySteps), and written back as (:CredibilityStep) nodes. Every write that
 * adds, moves or resolves a claim calls this for the leakers it touched, so reads never replay claims.
 */
import { credibilityValue } from '../domain/credibility.ts';
import { credibilitySteps, type CredibilityChange } from '../domain/outcome-history.ts';
import type { StatementRunner } from './executor.ts';

/** Leakers per statement: a busy leaker has a few thousand change days. */
const LEAKERS_PER_BATCH = 200;

export async function refreshCredibility(run: StatementRunner, leakerIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(leakerIds)];
  for (let start = 0; start < ids.length; start += LEAKERS_PER_BATCH) {
    const { rows } = await run('credibility-changes', { leakerIds: ids.slice(start, start + LEAKERS_PER_BATCH) });
    const leakers = rows.map((row) => {
      const steps = credibilitySteps(row.changes as CredibilityChange[]).map((step) => ({
        ...step,
        value: credibilityValue(step.hits, step.resolved),
      }));
      return { id: String(row.leakerId), steps };
    });
    await run('replace-credibility-steps', { leakers });
  }
}
