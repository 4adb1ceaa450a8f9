import { describe, expect, it } from 'vitest';
import { brierScore, eventFigures, hitsAt, placementOf, reciprocalRank, summarise, type Scored } from '../../src/domain/backtest-metrics.ts';

const scored = (entries: [string, number][]): Scored[] => entries.map(([id, score]) => ({ id, score, probability: score }));

// Best first, as a ranking is shown: a 0.9, then b and c tied at 0.5 (b first by name), then d.
const ranking = scored([
  ['a', 0.9],
  ['b', 0.5],
  ['c', 0.5],
  ['d', 0.1],
]);

describe('where the actual partner stood', () => {
  it('counts the candidates above it and those tied with it, and keeps the position shown', () => {
    expect(placementOf(ranking, 'a')).toEqual({ above: 0, tied: 1, shown: 1 });
    expect(placementOf(ranking, 'c')).toEqual({ above: 1, tied: 2, shown: 3 });
    expect(placementOf(ranking, 'd')).toEqual({ above: 3, tied: 1, shown: 4 });
  });

  it('is null when the partner was no candidate', () => {
    expect(placementOf(ranking, 'x')).toBeNull();
  });

  it('treats scores equal to 9 decimal places as a tie', () => {
    expect(
      placementOf(
        scored([
          ['a', 0.3 + 1e-12],
          ['b', 0.3],
        ]),
        'b',
      ),
    ).toEqual({ above: 0, tied: 2, shown: 2 });
  });
});

describe('hits@k with ties in a random order', () => {
  it('is 1 or 0 for an untied candidate', () => {
    expect(hitsAt(placementOf(ranking, 'a'), 1)).toBe(1);
    expect(hitsAt(placementOf(ranking, 'd'), 3)).toBe(0);
    expect(hitsAt(placementOf(ranking, 'd'), 4)).toBe(1);
  });

  it('is the share of tied places inside the top k', () => {
    // c shares places 2 and 3 with b: never in the top 1, in the top 2 half the time, always in the top 3.
    const c = placementOf(ranking, 'c');
    expect(hitsAt(c, 1)).toBe(0);
    expect(hitsAt(c, 2)).toBe(0.5);
    expect(hitsAt(c, 3)).toBe(1);
  });

  it('is 1/n at k = 1 when all n tie, whatever the position shown', () => {
    const allZero = scored([
      ['a', 0],
      ['b', 0],
      ['c', 0],
      ['d', 0],
    ]);
    expect(hitsAt(placementOf(allZero, 'a'), 1)).toBe(0.25);
    expect(hitsAt(placementOf(allZero, 'd'), 3)).toBe(0.75);
  });

  it('is 0 when the partner was no candidate', () => {
    expect(hitsAt(null, 3)).toBe(0);
  });
});

describe('reciprocal rank', () => {
  it('is 1 / rank untied and the mean of 1 / rank over the tied places', () => {
    expect(reciprocalRank(placementOf(ranking, 'a'))).toBe(1);
    expect(reciprocalRank(placementOf(ranking, 'd'))).toBe(0.25);
    // Places 2 and 3: (1/2 + 1/3) / 2 = 5/12.
    expect(reciprocalRank(placementOf(ranking, 'b'))).toBeCloseTo(5 / 12, 12);
    // All four tied: (1 + 1/2 + 1/3 + 1/4) / 4 = 25/48, the random order's expectation.
    expect(reciprocalRank({ above: 0, tied: 4, shown: 2 })).toBeCloseTo(25 / 48, 12);
    expect(reciprocalRank(null)).toBe(0);
  });
});

describe('the Brier score of one event', () => {
  it('sums (probability - outcome)^2 over the candidates', () => {
    // b partnered: 0.81 + (0.5 - 1)^2 + 0.25 + 0.01 = 1.32.
    expect(brierScore(ranking, 'b')).toBeCloseTo(1.32, 12);
    expect(
      brierScore(
        scored([
          ['a', 1],
          ['b', 0],
        ]),
        'a',
      ),
    ).toBe(0);
  });

  it('is 1 for a ranking that gives everybody 0, and 1 - 1/n for the uniform one', () => {
    expect(
      brierScore(
        scored([
          ['a', 0],
          ['b', 0],
        ]),
        'a',
      ),
    ).toBe(1);
    const uniform = ['a', 'b', 'c', 'd'].map((id) => ({ id, score: 0, probability: 0.25 }));
    expect(brierScore(uniform, 'c')).toBeCloseTo(0.75, 12);
  });

  it('adds the missed 1 when the partner was no candidate', () => {
    // 1 + 0.81 + 0.25 + 0.25 + 0.01.
    expect(brierScore(ranking, 'x')).toBeCloseTo(2.32, 12);
  });
});

describe('the summary over events', () => {
  it('averages each figure over the events', () => {
    const summary = summarise([eventFigures(ranking, 'a'), eventFigures(ranking, 'c'), eventFigures(ranking, 'x')]);
    expect(summary.events).toBe(3);
    expect(summary.hitsAt1).toBeCloseTo(1 / 3, 12);
    expect(summary.hitsAt3).toBeCloseTo(2 / 3, 12);
    // (1 + 5/12 + 0) / 3.
    expect(summary.meanReciprocalRank).toBeCloseTo(17 / 36, 12);
    // a: 0.01 + 0.25 + 0.25 + 0.01 = 0.52; c: 1.32; x: 2.32.
    expect(summary.brier).toBeCloseTo((0.52 + 1.32 + 2.32) / 3, 12);
  });

  it('is all zeros over no events', () => {
    expect(summarise([])).toEqual({ events: 0, hitsAt1: 0, hitsAt3: 0, meanReciprocalRank: 0, brier: 0 });
  });
});
