/**
 * How well a leaker's credibility predicted its claims: each resolved claim is a forecast p (the
 * credibility the service gave its leaker when the claim was published) and an outcome y (1 confirmed,
 * 0.5 partly confirmed, 0 refuted: the hits the credibility rule counts, src/domain/outcome-history.ts).
 *
 * - Brier score: mean (p − y)²; 0 is perfect, 0.25 is what always saying 0.5 scores on hits and misses.
 * - Log loss: mean −(y ln p + (1 − y) ln(1 − p)); ln 2 ≈ 0.693 for always 0.5. p is never 0 or 1 under
 *   (hits + 1) / (n + 2), so it is finite.
 * - Reliability: forecasts grouped in bins of p, each bin's mean p against its observed hit rate; a
 *   calibrated forecaster's points lie on the diagonal.
 *
 * Sums only, so a million claims cost no more memory than ten.
 */
import { credibilityValue } from '../../src/domain/credibility.ts';
import type { Day, Outcome } from '../../src/domain/facts.ts';
import { outcomeCounts, type CredibilityChange } from '../../src/domain/outcome-history.ts';

export interface Forecast {
  predicted: number;
  observed: number;
}

/** y of a decided outcome: what it adds to its leaker's hits. */
export function observedHit(outcome: Exclude<Outcome, 'UNRESOLVED'>): number {
  return outcomeCounts(outcome).hits;
}

export function brierTerm({ predicted, observed }: Forecast): number {
  return (predicted - observed) ** 2;
}

export function logLossTerm({ predicted, observed }: Forecast): number {
  return -(observed * Math.log(predicted) + (1 - observed) * Math.log(1 - predicted));
}

/** Running sums of one group of forecasts (a leaker, a bin, or all). */
export class ForecastSums {
  claims = 0;
  predicted = 0;
  observed = 0;
  brier = 0;
  logLoss = 0;

  add(forecast: Forecast): void {
    this.claims += 1;
    this.predicted += forecast.predicted;
    this.observed += forecast.observed;
    this.brier += brierTerm(forecast);
    this.logLoss += logLossTerm(forecast);
  }

  summary() {
    const n = this.claims;
    return { claims: n, meanPredicted: this.predicted / n, hitRate: this.observed / n, brier: this.brier / n, logLoss: this.logLoss / n };
  }
}

export interface ReliabilityBin {
  /** [from, to) except the last bin, which includes 1. */
  from: number;
  to: number;
  claims: number;
  meanPredicted: number;
  hitRate: number;
}

/** Forecasts by bin of predicted credibility: `binCount` equal bins over [0, 1]. */
export class ReliabilityBins {
  private readonly sums: ForecastSums[];
  readonly binCount: number;
  constructor(binCount = 10) {
    this.binCount = binCount;
    this.sums = Array.from({ length: binCount }, () => new ForecastSums());
  }

  add(forecast: Forecast): void {
    this.sums[Math.min(this.binCount - 1, Math.floor(forecast.predicted * this.binCount))]!.add(forecast);
  }

  /** The bins that hold forecasts, lowest first. */
  bins(): ReliabilityBin[] {
    return this.sums.flatMap((sums, i) => {
      if (sums.claims === 0) return [];
      const { claims, meanPredicted, hitRate } = sums.summary();
      return [{ from: i / this.binCount, to: (i + 1) / this.binCount, claims, meanPredicted, hitRate }];
    });
  }
}

export interface CredibilityCounts {
  hits: number;
  resolved: number;
}

/**
 * The credibility the service gave the leaker on the day the claim was published, without the claim's
 * own outcome: a claim decided and made public the day it was published would otherwise predict itself.
 * `ownChanges` are what the claim adds to its leaker's counts (stored on it: credibilityDays/Hits/Resolved);
 * `counts` are the leaker's counts as of that day (its last credibility step on or before it; null for
 * a leaker with none yet).
 */
export function credibilityWhenPublished(counts: CredibilityCounts | null, ownChanges: CredibilityChange[], publishedOn: Day): number {
  const own = ownChanges.filter((change) => change.day <= publishedOn);
  const hits = (counts?.hits ?? 0) - own.reduce((sum, change) => sum + change.hits, 0);
  const resolved = (counts?.resolved ?? 0) - own.reduce((sum, change) => sum + change.resolved, 0);
  return credibilityValue(hits, resolved);
}
