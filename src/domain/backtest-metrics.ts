/**
 * How good one ranking was at one event, and over many: hits@k, reciprocal rank and the Brier score.
 *
 * A ranking puts scored candidates in order, best first, equal scores by name. Ties are not skill: a
 * manufacturer tied with nine others at score 0 is not "ranked first" because its name starts with an
 * A. So the metrics read ties as a random order among the tied: hits@k is the chance the actual
 * partner lands in the top k, the reciprocal rank its expectation. (The random-order baseline is then
 * simply the ranking in which every candidate ties.) The position as shown, name order and all, is
 * kept next to it for a person reading the events.
 *
 * The Brier score (Brier 1950, over the candidates of one event): the sum over candidates of
 * (probability - outcome)^2, outcome 1 for the manufacturer that partnered, 0 for the rest. 0 is
 * perfect; a ranking that gives every candidate 0 scores 1. When the actual partner was no candidate
 * at all, its probability was 0: the 1 is added on top of the others' squares.
 */
import { scoreRank } from './outlook.ts';

/** Where the manufacturer that actually partnered stood in one ranking; null when it was no candidate. */
export interface Placement {
  /** Candidates with a strictly higher score (equal to 9 decimal places counts as equal). */
  above: number;
  /** Candidates with its score, itself included (at least 1). */
  tied: number;
  /** Its position as shown: 1-based, equal scores by name. */
  shown: number;
}

export interface Scored {
  id: string;
  score: number;
  /** Read as the probability that this candidate is the one; 0 to 1. */
  probability: number;
}

/** Where `actualId` stands in `ranking` (given best first, in the order shown), or null if it is not in it. */
export function placementOf(ranking: readonly Scored[], actualId: string): Placement | null {
  const index = ranking.findIndex((candidate) => candidate.id === actualId);
  if (index < 0) return null;
  const actual = ranking[index];
  if (actual === undefined) return null;
  const own = scoreRank(actual.score);
  let above = 0;
  let tied = 0;
  for (const candidate of ranking) {
    const rank = scoreRank(candidate.score);
    if (rank > own) above++;
    else if (rank === own) tied++;
  }
  return { above, tied, shown: index + 1 };
}

/** The chance the actual partner is in the top k when ties are ordered at random; 0 if it was no candidate. */
export function hitsAt(placement: Placement | null, k: number): number {
  if (placement === null) return 0;
  const inside = Math.min(Math.max(k - placement.above, 0), placement.tied);
  return inside / placement.tied;
}

/** The expected 1 / rank when ties are ordered at random; 0 if it was no candidate. */
export function reciprocalRank(placement: Placement | null): number {
  if (placement === null) return 0;
  let sum = 0;
  for (let rank = placement.above + 1; rank <= placement.above + placement.tied; rank++) sum += 1 / rank;
  return sum / placement.tied;
}

/** Sum over candidates of (probability - outcome)^2; plus 1 when the actual partner was no candidate. */
export function brierScore(ranking: readonly Scored[], actualId: string): number {
  let sum = ranking.some((candidate) => candidate.id === actualId) ? 0 : 1;
  for (const candidate of ranking) {
    const outcome = candidate.id === actualId ? 1 : 0;
    sum += (candidate.probability - outcome) ** 2;
  }
  return sum;
}

/** One ranking's figures at one event. */
export interface EventFigures {
  placement: Placement | null;
  hitsAt1: number;
  hitsAt3: number;
  reciprocalRank: number;
  brier: number;
  /** The probability the ranking gave the actual partner (0 if it was no candidate). */
  probability: number;
}

export function eventFigures(ranking: readonly Scored[], actualId: string): EventFigures {
  const placement = placementOf(ranking, actualId);
  return {
    placement,
    hitsAt1: hitsAt(placement, 1),
    hitsAt3: hitsAt(placement, 3),
    reciprocalRank: reciprocalRank(placement),
    brier: brierScore(ranking, actualId),
    probability: ranking.find((candidate) => candidate.id === actualId)?.probability ?? 0,
  };
}

/** Means over events: hits@1 and hits@3 (shares of events), MRR, mean Brier. */
export interface Summary {
  events: number;
  hitsAt1: number;
  hitsAt3: number;
  meanReciprocalRank: number;
  brier: number;
}

export function summarise(figures: readonly EventFigures[]): Summary {
  const mean = (pick: (f: EventFigures) => number) => (figures.length === 0 ? 0 : figures.reduce((sum, f) => sum + pick(f), 0) / figures.length);
  return {
    events: figures.length,
    hitsAt1: mean((f) => f.hitsAt1),
    hitsAt3: mean((f) => f.hitsAt3),
    meanReciprocalRank: mean((f) => f.reciprocalRank),
    brier: mean((f) => f.brier),
  };
}
