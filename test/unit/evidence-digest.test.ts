import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { credibilityValue } from '../../src/domain/credibility.ts';
import { type DigestedEntry, dayNumber, digestOf, patchDigest, summariesOfDigest } from '../../src/domain/evidence-digest.ts';
import { WEIGHT_WITHOUT_LEAKER } from '../../src/domain/partnership-evidence.ts';

const DAYS = ['2020-01-01', '2020-06-30', '2021-03-01', '2021-11-16', '2022-05-23', '9999-12-31'];

const entry = fc.record({
  manufacturer: fc.constantFrom('honor', 'sharp', 'xiaomi', 'vivo'),
  leaker: fc.constantFrom('', 'dcs', 'ice-universe', 'yogesh'),
  direction: fc.constantFrom('FOR', 'AGAINST'),
  from: fc.constantFrom(...DAYS.slice(0, -1)),
  until: fc.constantFrom(...DAYS.slice(1)),
});

/** The rule written out plainly, entry by entry: what the digest's sums must equal. */
function summariesByHand(entries: DigestedEntry[], day: string, credibility: Record<string, number | null>) {
  const summaries = new Map<string, { doubtFor: number; doubtAgainst: number; claims: number }>();
  for (const e of entries) {
    if (!(e.from <= day && day < e.until)) continue;
    const w = e.leaker === '' ? WEIGHT_WITHOUT_LEAKER : (credibility[e.leaker] ?? credibilityValue(0, 0));
    const summary = summaries.get(e.manufacturer) ?? { doubtFor: 1, doubtAgainst: 1, claims: 0 };
    if (e.direction === 'FOR') summary.doubtFor *= 1 - w;
    else summary.doubtAgainst *= 1 - w;
    summary.claims += 1;
    summaries.set(e.manufacturer, summary);
  }
  return summaries;
}

describe('the evidence digest', () => {
  it('sums, on any day, what the entries add up to one by one (random entries, credibilities and days)', () => {
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 60 }),
        fc.constantFrom(...DAYS.slice(0, -1), '2021-11-15', '2023-01-01'),
        fc.record({
          dcs: fc.option(fc.double({ min: 0.05, max: 0.95, noNaN: true })),
          'ice-universe': fc.option(fc.double({ min: 0.05, max: 0.95, noNaN: true })),
          yogesh: fc.constant(null),
        }),
        (entries, day, credibility) => {
          const digest = digestOf(entries);
          const got = summariesOfDigest(digest, day, (i) => credibility[digest.leakers[i] as keyof typeof credibility] ?? null);
          const expected = summariesByHand(entries, day, credibility);
          expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
          for (const [manufacturer, summary] of expected) {
            const found = got.get(manufacturer)!;
            expect(found.claims).toBe(summary.claims);
            expect(found.doubtFor).toBeCloseTo(summary.doubtFor, 12);
            expect(found.doubtAgainst).toBeCloseTo(summary.doubtAgainst, 12);
          }
        },
      ),
    );
  });

  it('is the same string whatever order the entries come in', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), (entries) => {
        expect(digestOf(entries.toReversed())).toEqual(digestOf(entries));
      }),
    );
  });

  it('patched with what a write removed and added, is the digest of the entries after the write', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 10 }), fc.array(entry, { maxLength: 10 }), (before, picks, added) => {
        const removed = [...new Set(picks.map((i) => i % Math.max(before.length, 1)))].filter((i) => i < before.length);
        const after = [...before.filter((_, i) => !removed.includes(i)), ...added];
        const patched = patchDigest(
          before.length > 0 ? digestOf(before) : null,
          removed.map((i) => before[i] as DigestedEntry),
          added,
        );
        expect(patched).toEqual(digestOf(after));
      }),
    );
  });

  it('refuses to patch away an entry the digest does not hold', () => {
    const held = { manufacturer: 'honor', leaker: 'dcs', direction: 'FOR', from: '2021-03-01', until: '9999-12-31' };
    expect(patchDigest(digestOf([held]), [{ ...held, leaker: 'ice-universe' }], [])).toBeNull();
    expect(patchDigest(null, [held], [])).toBeNull();
  });

  it('counts an entry from its first day and no longer on the day it stops', () => {
    const digest = digestOf([{ manufacturer: 'honor', leaker: '', direction: 'FOR', from: '2021-03-01', until: '2022-05-23' }]);
    expect(summariesOfDigest(digest, '2021-02-28', () => null).size).toBe(0);
    expect(summariesOfDigest(digest, '2021-03-01', () => null).get('honor')).toEqual({ doubtFor: 0.5, doubtAgainst: 1, claims: 1 });
    expect(summariesOfDigest(digest, '2022-05-22', () => null).get('honor')?.claims).toBe(1);
    expect(summariesOfDigest(digest, '2022-05-23', () => null).size).toBe(0);
  });

  it('lists no leaker for claims without one, and weighs them as a coin toss', () => {
    const digest = digestOf([
      { manufacturer: 'sharp', leaker: '', direction: 'FOR', from: '2021-03-01', until: '9999-12-31' },
      { manufacturer: 'sharp', leaker: 'dcs', direction: 'FOR', from: '2021-03-01', until: '9999-12-31' },
    ]);
    expect(digest.leakers).toEqual(['dcs']);
    expect(summariesOfDigest(digest, '2021-11-16', () => 0.8).get('sharp')?.doubtFor).toBeCloseTo((1 - WEIGHT_WITHOUT_LEAKER) * 0.2, 12);
  });

  it('weighs a leaker with no resolved claim yet as a newcomer', () => {
    const digest = digestOf([{ manufacturer: 'sharp', leaker: 'dcs', direction: 'AGAINST', from: '2021-03-01', until: '9999-12-31' }]);
    expect(summariesOfDigest(digest, '2021-11-16', () => null).get('sharp')).toEqual({ doubtFor: 1, doubtAgainst: 1 - credibilityValue(0, 0), claims: 1 });
    expect(summariesOfDigest(digest, '2021-11-16', () => 0.8).get('sharp')?.doubtAgainst).toBeCloseTo(0.2, 12);
  });

  it('refuses an entry with no direction, and a day that is not a day', () => {
    expect(() => digestOf([{ manufacturer: 'sharp', leaker: 'dcs', direction: 'MAYBE', from: '2021-03-01', until: '9999-12-31' }])).toThrow(/FOR or AGAINST, not "MAYBE"/);
    expect(() => dayNumber('2021-13')).toThrow();
    expect(dayNumber('1970-01-02')).toBe(1);
  });
});
