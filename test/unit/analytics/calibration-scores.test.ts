import { describe, expect, it } from 'vitest';
import { forecastOfClaim } from '../../../analytics/calibration/calibrate.ts';
import { credibilityWhenPublished, ForecastSums, ReliabilityBins } from '../../../analytics/calibration/scores.ts';

function sums(forecasts: [number, number][]) {
  const all = new ForecastSums();
  for (const [predicted, observed] of forecasts) all.add({ predicted, observed });
  return all.summary();
}

describe('calibration scores', () => {
  it('Brier score and log loss of three forecasts, worked by hand', () => {
    // (0.75 - 1)² = 0.0625, (0.25 - 0)² = 0.0625, (0.5 - 0.5)² = 0 -> 0.125 / 3.
    // -ln 0.75 = 0.2876821, -ln 0.75 = 0.2876821, -(0.5 ln 0.5 + 0.5 ln 0.5) = 0.6931472 -> 1.2685114 / 3.
    const summary = sums([
      [0.75, 1],
      [0.25, 0],
      [0.5, 0.5],
    ]);
    expect(summary.claims).toBe(3);
    expect(summary.brier).toBeCloseTo(0.125 / 3, 10);
    expect(summary.logLoss).toBeCloseTo(1.2685114 / 3, 6);
    expect(summary.meanPredicted).toBeCloseTo(0.5, 10);
    expect(summary.hitRate).toBeCloseTo(0.5, 10);
  });

  it('always saying 0.5 scores 0.25 and ln 2 on hits and misses; a confident miss costs more than a timid one', () => {
    const coinToss = sums([
      [0.5, 1],
      [0.5, 0],
      [0.5, 0],
    ]);
    expect(coinToss.brier).toBeCloseTo(0.25, 10);
    expect(coinToss.logLoss).toBeCloseTo(Math.LN2, 10);
    expect(sums([[0.9, 0]]).logLoss).toBeCloseTo(-Math.log(0.1), 10);
    expect(sums([[0.9, 0]]).brier).toBeGreaterThan(sums([[0.6, 0]]).brier);
  });

  it('bins forecasts by predicted credibility, the last bin holding 1', () => {
    const bins = new ReliabilityBins(10);
    for (const [predicted, observed] of [
      [0.3, 1],
      [0.35, 0],
      [0.0, 0],
      [1, 1],
      [0.5, 0.5],
    ] as const)
      bins.add({ predicted, observed });
    expect(bins.bins()).toEqual([
      { from: 0, to: 0.1, claims: 1, meanPredicted: 0, hitRate: 0 },
      { from: 0.3, to: 0.4, claims: 2, meanPredicted: expect.closeTo(0.325, 12), hitRate: 0.5 },
      { from: 0.5, to: 0.6, claims: 1, meanPredicted: 0.5, hitRate: 0.5 },
      { from: 0.9, to: 1, claims: 1, meanPredicted: 1, hitRate: 1 },
    ]);
  });

  it("takes the leaker's credibility on the day of publication, without the claim's own outcome made public that day", () => {
    // Counts on the day: 2 hits of 3; the claim itself was confirmed that same day: (2 - 1 + 1) / (3 - 1 + 2).
    expect(credibilityWhenPublished({ hits: 2, resolved: 3 }, [{ day: '2021-05-17', hits: 1, resolved: 1 }], '2021-05-17')).toBe(0.5);
    // Decided later: the counts on the day do not hold it, nothing to take out: (2 + 1) / (3 + 2).
    expect(credibilityWhenPublished({ hits: 2, resolved: 3 }, [{ day: '2021-06-01', hits: 1, resolved: 1 }], '2021-05-17')).toBe(0.6);
    expect(credibilityWhenPublished(null, [], '2021-05-17')).toBe(0.5);
  });

  it('scores a claim by its outcome as known on the day: refuted then vindicated reads 0, then 1; undecided is no forecast', () => {
    const row = {
      id: 'dcs-expired',
      leakerId: 'digital-chat-station',
      leakerName: 'Digital Chat Station',
      publishedOn: '2020-11-20',
      outcomeDays: ['2020-11-25', '2022-05-23'],
      outcomeValues: ['REFUTED', 'CONFIRMED'],
      credibilityDays: ['2020-11-25', '2022-05-23'],
      credibilityHits: [0, 1],
      credibilityResolved: [1, 0],
      stepHits: null,
      stepResolved: null,
    };
    expect(forecastOfClaim(row, '2020-11-24')).toBeNull();
    expect(forecastOfClaim(row, '2021-11-16')).toMatchObject({ outcome: 'REFUTED', observed: 0, predicted: 0.5 });
    expect(forecastOfClaim(row, '2022-06-01')).toMatchObject({ outcome: 'CONFIRMED', observed: 1, predicted: 0.5 });
    expect(forecastOfClaim({ ...row, outcomeValues: ['PARTLY_CONFIRMED', 'CONFIRMED'] }, '2021-11-16')).toMatchObject({ observed: 0.5 });
  });
});
