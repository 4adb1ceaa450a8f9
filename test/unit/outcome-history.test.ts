/**
 * What the write path stores for each claim (outcome history, credibility changes, counting periods)
 * and each leaker (credibility steps) must answer every as-of day exactly as the pure rules do when
 * they replay every claim: checked on random worlds, with claims refuted and later vindicated, and
 * decisions that became public before the claim itself.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outcomeAsOf } from '../../src/domain/as-of.ts';
import { credibilityAsOf } from '../../src/domain/credibility.ts';
import type { ClaimFact } from '../../src/domain/facts.ts';
import { countingPeriods, countsOn, credibilityChanges, credibilityCountsOn, credibilitySteps, outcomeFromHistory, outcomeHistory } from '../../src/domain/outcome-history.ts';
import { partnershipEvidence } from '../../src/domain/partnership-evidence.ts';
import { claim, resolution } from './builders.ts';

const epoch = Date.UTC(2019, 0, 1);
const day = fc.integer({ min: 0, max: 1500 }).map((n) => new Date(epoch + n * 86_400_000).toISOString().slice(0, 10));
const outcome = fc.constantFrom('CONFIRMED', 'PARTLY_CONFIRMED', 'REFUTED', 'UNRESOLVED') as fc.Arbitrary<ClaimFact['resolutions'][number]['outcome']>;

const claims = fc
  .array(
    fc.record({
      leaker: fc.constantFrom('a', 'b'),
      kind: fc.constantFrom('WILL_PARTNER', 'WILL_NOT_PARTNER', 'OTHER') as fc.Arbitrary<ClaimFact['kind']>,
      publishedOn: day,
      decisions: fc.array(fc.record({ outcome, knownSince: day }), { maxLength: 3 }),
    }),
    { maxLength: 12 },
  )
  .map((drawn) =>
    drawn.map((c, i) =>
      claim(`c${i}`, {
        leakerId: c.leaker,
        kind: c.kind,
        subjectIds: ['leica', 'xiaomi'],
        publishedOn: c.publishedOn,
        resolutions: c.decisions.map((d) => resolution(d.outcome, d.knownSince)),
      }),
    ),
  );

describe('what is kept on write answers every as-of day as the rules do', () => {
  it('gives each claim the outcome outcomeAsOf gives, on every day', () => {
    fc.assert(
      fc.property(claims, day, (world, asOf) => {
        for (const c of world) {
          const published = c.publishedOn <= asOf;
          expect(published ? outcomeFromHistory(outcomeHistory(c), asOf) : 'UNRESOLVED').toBe(outcomeAsOf(c, asOf));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives each leaker the hits and resolved count credibilityAsOf gives, from its running totals', () => {
    fc.assert(
      fc.property(claims, day, (world, asOf) => {
        for (const leaker of ['a', 'b']) {
          const steps = credibilitySteps(world.filter((c) => c.leakerId === leaker).flatMap(credibilityChanges));
          const expected = credibilityAsOf(leaker, world, asOf);
          const stored = credibilityCountsOn(steps, asOf);
          expect(stored.resolved).toBe(expected.resolved);
          expect(stored.hits).toBeCloseTo(expected.hits, 9);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('counts a claim as evidence on exactly the days partnershipEvidence counts it', () => {
    fc.assert(
      fc.property(claims, day, (world, asOf) => {
        const counted = new Set(partnershipEvidence('xiaomi', 'leica', world, [], asOf).map((e) => e.claimId));
        for (const c of world.filter((c) => c.kind !== 'OTHER')) {
          expect(countsOn(countingPeriods(c), asOf)).toBe(counted.has(c.id));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a claim refuted and later vindicated as two decisions', () => {
    const vindicated = claim('dcs', { leakerId: 'dcs', publishedOn: '2020-11-01', resolutions: [resolution('REFUTED', '2020-11-05'), resolution('CONFIRMED', '2022-05-23')] });
    expect(outcomeHistory(vindicated)).toEqual([
      { from: '2020-11-05', outcome: 'REFUTED' },
      { from: '2022-05-23', outcome: 'CONFIRMED' },
    ]);
    expect(credibilitySteps(credibilityChanges(vindicated))).toEqual([
      { day: '2020-11-05', hits: 0, resolved: 1 },
      { day: '2022-05-23', hits: 1, resolved: 1 },
    ]);
    expect(countingPeriods(vindicated)).toEqual([
      { from: '2020-11-01', until: '2020-11-05' },
      { from: '2022-05-23', until: '9999-12-31' },
    ]);
  });
});
