/**
 * The evidence, as known on A, that manufacturer M and optics partner P will (or will not) partner, and
 * the score it adds up to.
 *
 * A claim counts when it was published on or before A, names both M and P, says they will (FOR) or will
 * not (AGAINST) partner, and had not been refuted by A. Its weight is its leaker's credibility as of A,
 * or 0.5 for a claim with no leaker. Treating each claim as an independent chance of being right:
 * score = (1 - product(1 - w) over FOR) x product(1 - w) over AGAINST; no evidence scores 0.
 */
import type { ClaimFact, Day, LeakerFact, Outcome } from './facts.ts';
import { claimsAsOf, leakersAsOf, outcomeAsOf } from './as-of.ts';
import { credibilityAsOf, type Credibility } from './credibility.ts';

export type EvidenceDirection = 'FOR' | 'AGAINST';

export interface Evidence {
  claimId: string;
  statement: string;
  publishedOn: Day;
  /** CONFIRMED, PARTLY_CONFIRMED or still UNRESOLVED on A; a refuted claim is no evidence. */
  outcome: Outcome;
  leakerId: string | null;
  leaker: LeakerFact | null;
  /** The leaker's credibility as of A; null for a claim with no leaker. */
  credibility: Credibility | null;
  weight: number;
  direction: EvidenceDirection;
  sources: string[];
}

/** The weight of a claim nobody in particular made: as good as a coin toss. */
export const WEIGHT_WITHOUT_LEAKER = 0.5;

const DIRECTION_OF_KIND: Partial<Record<ClaimFact['kind'], EvidenceDirection>> = {
  WILL_PARTNER: 'FOR',
  WILL_NOT_PARTNER: 'AGAINST',
};

/** FOR or AGAINST for a claim that says two companies will or will not partner; null for any other kind. */
export function directionOfKind(kind: ClaimFact['kind']): EvidenceDirection | null {
  return DIRECTION_OF_KIND[kind] ?? null;
}

/** Looks up each leaker's credibility once per as-of day, however many candidates their claims name. */
export function credibilityLookup(claims: ClaimFact[], asOf: Day): (leakerId: string) => Credibility {
  const cache = new Map<string, Credibility>();
  return (leakerId) => {
    let credibility = cache.get(leakerId);
    if (credibility === undefined) {
      credibility = credibilityAsOf(leakerId, claims, asOf);
      cache.set(leakerId, credibility);
    }
    return credibility;
  };
}

export function partnershipEvidence(
  manufacturerId: string,
  opticsPartnerId: string,
  claims: ClaimFact[],
  leakers: LeakerFact[],
  asOf: Day,
  credibilityOf: (leakerId: string) => Credibility = credibilityLookup(claims, asOf),
): Evidence[] {
  const knownLeakers = leakersAsOf(leakers, asOf);
  return claimsAsOf(claims, asOf).flatMap((claim): Evidence[] => {
    const direction = directionOfKind(claim.kind);
    if (direction === null) return [];
    if (!claim.subjectIds.includes(manufacturerId) || !claim.subjectIds.includes(opticsPartnerId)) return [];
    const outcome = outcomeAsOf(claim, asOf);
    if (outcome === 'REFUTED') return [];
    const credibility = claim.leakerId === null ? null : credibilityOf(claim.leakerId);
    return [
      {
        claimId: claim.id,
        statement: claim.statement,
        publishedOn: claim.publishedOn,
        outcome,
        leakerId: claim.leakerId,
        leaker: knownLeakers.find((leaker) => leaker.id === claim.leakerId) ?? null,
        credibility,
        weight: credibility?.value ?? WEIGHT_WITHOUT_LEAKER,
        direction,
        sources: claim.sources,
      },
    ];
  });
}

/**
 * What the evidence about one manufacturer adds up to: the product of (1 - w) over the claims for,
 * and over the claims against, and how many claims counted. The outlook ranks every candidate from
 * these (the repository sums them from the partner's evidence digest, src/domain/evidence-digest.ts)
 * and lists the claims themselves only for the candidates a client asks about.
 */
export interface EvidenceSummary {
  doubtFor: number;
  doubtAgainst: number;
  claims: number;
}

export const NO_EVIDENCE: EvidenceSummary = { doubtFor: 1, doubtAgainst: 1, claims: 0 };

export function summariseEvidence(evidence: Evidence[]): EvidenceSummary {
  return {
    doubtFor: product(evidence.filter((item) => item.direction === 'FOR').map((item) => 1 - item.weight)),
    doubtAgainst: product(evidence.filter((item) => item.direction === 'AGAINST').map((item) => 1 - item.weight)),
    claims: evidence.length,
  };
}

/** (1 - product(1 - w) over FOR) x product(1 - w) over AGAINST; no evidence scores 0. */
export function scoreOfSummary(summary: EvidenceSummary): number {
  return (1 - summary.doubtFor) * summary.doubtAgainst;
}

export function evidenceScore(evidence: Evidence[]): number {
  return scoreOfSummary(summariseEvidence(evidence));
}

/**
 * The summary for every company named with P in a counted claim, straight from the claims: the
 * reference the repository's summaries must equal (tests compare them on random worlds).
 */
export function evidenceSummaries(opticsPartnerId: string, claims: ClaimFact[], leakers: LeakerFact[], asOf: Day): Map<string, EvidenceSummary> {
  const credibilityOf = credibilityLookup(claims, asOf);
  const named = new Set(claims.filter((claim) => claim.subjectIds.includes(opticsPartnerId)).flatMap((claim) => claim.subjectIds));
  named.delete(opticsPartnerId);
  const summaries = new Map<string, EvidenceSummary>();
  for (const manufacturerId of named) {
    const evidence = partnershipEvidence(manufacturerId, opticsPartnerId, claims, leakers, asOf, credibilityOf);
    if (evidence.length > 0) summaries.set(manufacturerId, summariseEvidence(evidence));
  }
  return summaries;
}

function product(factors: number[]): number {
  return factors.reduce((result, factor) => result * factor, 1);
}
