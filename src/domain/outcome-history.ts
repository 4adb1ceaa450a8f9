/**
 * A claim's outcome and its leaker's credibility as step functions of the as-of day, so that both can
 * be kept up to date on write and read back with one lookup instead of replaying every resolution of
 * every claim on each request.
 *
 * The outcome of a claim as of A is the last resolution (oldest first) public by A, once the claim is
 * published (as-of.ts, `resolutionAsOf`). It can only change on a day one of its resolutions becomes
 * visible: max(publishedOn, resolution.knownSince). `outcomeHistory` lists those changes; between two
 * of them the outcome stays the same. The credibility counts of a leaker as of A are sums over its
 * claims (credibility.ts), so each claim contributes changes (day, +hits, +resolved) and the leaker's
 * running totals at each change day are all a read needs.
 */
import { resolutionAsOf } from './as-of.ts';
import type { ClaimFact, Day, Outcome } from './facts.ts';
import { directionOfKind, type EvidenceDirection } from './partnership-evidence.ts';

/** The outcome in force from `from` (inclusive) until the next step. */
export interface OutcomeStep {
  from: Day;
  outcome: Outcome;
}

/** What one claim adds to its leaker's counts from `day` on (negative when a later decision takes back an earlier one). */
export interface CredibilityChange {
  day: Day;
  hits: number;
  resolved: number;
}

/** The leaker's counts from `day` until its next step. */
export interface CredibilityStep {
  day: Day;
  hits: number;
  resolved: number;
}

/** Hits and n of one outcome: a partly confirmed claim was half right; an open one does not count. */
export function outcomeCounts(outcome: Outcome): { hits: number; resolved: number } {
  switch (outcome) {
    case 'CONFIRMED':
      return { hits: 1, resolved: 1 };
    case 'PARTLY_CONFIRMED':
      return { hits: 0.5, resolved: 1 };
    case 'REFUTED':
      return { hits: 0, resolved: 1 };
    case 'UNRESOLVED':
      return { hits: 0, resolved: 0 };
  }
}

/** The days the claim's outcome changes, and what it becomes; UNRESOLVED before the first step. */
export function outcomeHistory(claim: ClaimFact): OutcomeStep[] {
  const days = [...new Set(claim.resolutions.map((r) => (r.knownSince > claim.publishedOn ? r.knownSince : claim.publishedOn)))].sort();
  const steps: OutcomeStep[] = [];
  let current: Outcome = 'UNRESOLVED';
  for (const day of days) {
    const outcome = resolutionAsOf(claim, day)?.outcome ?? 'UNRESOLVED';
    if (outcome !== current) steps.push({ from: day, outcome });
    current = outcome;
  }
  return steps;
}

/** The outcome on A from a stored history (the same answer as `outcomeAsOf` on the claim). */
export function outcomeFromHistory(steps: readonly OutcomeStep[], asOf: Day): Outcome {
  let outcome: Outcome = 'UNRESOLVED';
  for (const step of steps) {
    if (step.from > asOf) break;
    outcome = step.outcome;
  }
  return outcome;
}

/** What the claim adds to its leaker's hits and n, day by day. */
export function credibilityChanges(claim: ClaimFact): CredibilityChange[] {
  let before = outcomeCounts('UNRESOLVED');
  return outcomeHistory(claim).map((step) => {
    const after = outcomeCounts(step.outcome);
    const change = { day: step.from, hits: after.hits - before.hits, resolved: after.resolved - before.resolved };
    before = after;
    return change;
  });
}

/** A leaker's running totals at each day its counts change, from the changes of all its claims. */
export function credibilitySteps(changes: Iterable<CredibilityChange>): CredibilityStep[] {
  const byDay = new Map<Day, { hits: number; resolved: number }>();
  for (const change of changes) {
    const sum = byDay.get(change.day) ?? { hits: 0, resolved: 0 };
    sum.hits += change.hits;
    sum.resolved += change.resolved;
    byDay.set(change.day, sum);
  }
  let hits = 0;
  let resolved = 0;
  return [...byDay]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([day, sum]) => {
      hits += sum.hits;
      resolved += sum.resolved;
      return { day, hits, resolved };
    });
}

/** The counts on A: the last step on or before A, or none yet. */
export function credibilityCountsOn(steps: readonly CredibilityStep[], asOf: Day): { hits: number; resolved: number } {
  let found = { hits: 0, resolved: 0 };
  for (const step of steps) {
    if (step.day > asOf) break;
    found = { hits: step.hits, resolved: step.resolved };
  }
  return found;
}

/** The end of a period that has not ended: later than any day. */
export const OPEN_END: Day = '9999-12-31';

/** A span of days [from, until) in which a claim counts as evidence: published, and not refuted. */
export interface CountingPeriod {
  from: Day;
  until: Day;
}

/**
 * When the claim counts as partnership evidence (partnership-evidence.ts): from its publication, except
 * while its outcome stands REFUTED; a refuted claim that is later vindicated counts again.
 */
export function countingPeriods(claim: ClaimFact): CountingPeriod[] {
  const periods: CountingPeriod[] = [];
  let from: Day | null = claim.publishedOn;
  for (const step of outcomeHistory(claim)) {
    if (step.outcome === 'REFUTED' && from !== null) {
      if (step.from > from) periods.push({ from, until: step.from });
      from = null;
    } else if (step.outcome !== 'REFUTED' && from === null) {
      from = step.from;
    }
  }
  if (from !== null) periods.push({ from, until: OPEN_END });
  return periods;
}

/** Whether the claim counts on A, from its stored periods (the same answer as partnershipEvidence gives). */
export function countsOn(periods: readonly CountingPeriod[], asOf: Day): boolean {
  return periods.some((period) => period.from <= asOf && asOf < period.until);
}

/**
 * The properties a claim node stores besides its own fields, all derived from it and written with it:
 * its leaker and subject ids (reads page a leaker's claims on them), the outcome history for reads
 * that filter by outcome as of a day, the
 * credibility changes that refreshCredibility (src/graph/credibility-steps.ts) sums into its leaker's
 * steps, and, for a claim that says two companies will or will not partner, its direction and the
 * periods it counts in, from which refreshEvidence (src/graph/evidence.ts) indexes it for the outlook.
 */
export function derivedClaimProperties(claim: ClaimFact): Record<string, string | string[] | number[] | null> {
  const history = outcomeHistory(claim);
  const changes = credibilityChanges(claim);
  const direction: EvidenceDirection | null = directionOfKind(claim.kind);
  const periods = direction === null ? [] : countingPeriods(claim);
  return {
    leakerId: claim.leakerId,
    subjectIds: claim.subjectIds,
    evidenceDirection: direction,
    countsFrom: periods.map((period) => period.from),
    countsUntil: periods.map((period) => period.until),
    outcomeDays: history.map((step) => step.from),
    outcomeValues: history.map((step) => step.outcome),
    credibilityDays: changes.map((change) => change.day),
    credibilityHits: changes.map((change) => change.hits),
    credibilityResolved: changes.map((change) => change.resolved),
  };
}
