/**
 * How far a leaker's word could be trusted on a day A, from the claims of theirs that had been decided by A.
 *
 * credibility = (hits + 1) / (n + 2): the hit rate after one imagined hit and one imagined miss, so a
 * newcomer starts at 0.5 and a single lucky call does not make anyone infallible.
 */
import type { ClaimFact, Day, Outcome, ResolutionFact } from './facts.ts';
import { claimAsOf, resolutionAsOf } from './as-of.ts';

export type ResolvedOutcome = Exclude<Outcome, 'UNRESOLVED'>;

export interface ResolvedClaim {
  /** The claim as known on A (only the resolutions public by A). */
  claim: ClaimFact;
  outcome: ResolvedOutcome;
  /** The resolution that decided the outcome as of A. */
  resolution: ResolutionFact;
}

export interface Credibility {
  leakerId: string;
  asOf: Day;
  value: number;
  /** confirmed + 0.5 x partly confirmed. */
  hits: number;
  /** confirmed + partly confirmed + refuted: the n of the formula. */
  resolved: number;
  claims: ResolvedClaim[];
}

/** A partly confirmed claim was half right. */
const HIT_VALUE: Record<ResolvedOutcome, number> = { CONFIRMED: 1, PARTLY_CONFIRMED: 0.5, REFUTED: 0 };

export function credibilityAsOf(leakerId: string, claims: ClaimFact[], asOf: Day): Credibility {
  const resolvedClaims = claims.filter((claim) => claim.leakerId === leakerId).flatMap((claim) => resolvedClaimAsOf(claim, asOf) ?? []);
  const hits = resolvedClaims.reduce((sum, resolved) => sum + HIT_VALUE[resolved.outcome], 0);
  const resolved = resolvedClaims.length;
  return { leakerId, asOf, value: credibilityValue(hits, resolved), hits, resolved, claims: resolvedClaims };
}

/** (hits + 1) / (n + 2). */
export function credibilityValue(hits: number, resolved: number): number {
  return (hits + 1) / (resolved + 2);
}

/** A leaker's credibility on a day from its counts then (its credibility step's), without the claims behind them. */
export type CredibilityCounts = Pick<Credibility, 'hits' | 'resolved' | 'value'>;

/** The credibility of counts; without arguments, a newcomer's (no decided claim yet: 0.5). */
export function credibilityOfCounts(hits = 0, resolved = 0): CredibilityCounts {
  return { hits, resolved, value: credibilityValue(hits, resolved) };
}

/** null while the claim is unpublished or its outcome is still open on A. */
function resolvedClaimAsOf(claim: ClaimFact, asOf: Day): ResolvedClaim | null {
  const resolution = resolutionAsOf(claim, asOf);
  const known = claimAsOf(claim, asOf);
  if (resolution === null || known === null || resolution.outcome === 'UNRESOLVED') return null;
  return { claim: known, outcome: resolution.outcome, resolution };
}
