/**
 * Property-based: random small worlds are imported, the outlook is computed through GraphQL, and
 * the invariants of domain.md are checked. Each world uses its own id prefix and is deleted after.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { importBundle } from '../../src/import/import-bundle.ts';
import type { Bundle } from '../../src/import/bundle.ts';
import { claimFact } from '../../src/import/normalise.ts';
import type { ClaimFact } from '../../src/domain/facts.ts';
import { credibilityAsOf } from '../../src/domain/credibility.ts';
import { evidenceSummaries, NO_EVIDENCE, scoreOfSummary } from '../../src/domain/partnership-evidence.ts';
import { createHarness, uniquePrefix } from '../support/harness.ts';

const harness = createHarness();
afterAll(() => harness.close());

const epoch = Date.UTC(2015, 0, 1);
const dayOf = (offset: number) => new Date(epoch + offset * 86_400_000).toISOString().slice(0, 10);
const day = fc.integer({ min: 0, max: 4200 }).map(dayOf); // 2015-01-01 .. 2026-07

interface World {
  makers: { founded: string | null; knownSince: string }[];
  partnerships: { maker: number; withP: boolean; start: string; endAfter: number | null; endKnownDelay: number; knownSince: string }[];
  clauses: { partnership: number; binds: 'OPTICS_PARTNER' | 'MANUFACTURER' | 'BOTH'; lengthDays: number | null; exceptJapan: boolean; knownDelay: number }[];
  claims: { leaker: number | null; maker: number; against: boolean; published: string; outcome: 'CONFIRMED' | 'PARTLY_CONFIRMED' | 'REFUTED' | null; decidedDelay: number }[];
  asOf: string;
  region: string | null;
}

const world: fc.Arbitrary<World> = fc.record({
  makers: fc.array(fc.record({ founded: fc.option(fc.integer({ min: 2010, max: 2025 }).map(String)), knownSince: day }), { minLength: 1, maxLength: 4 }),
  partnerships: fc.array(
    fc.record({
      maker: fc.nat(3),
      withP: fc.boolean(),
      start: day,
      endAfter: fc.option(fc.integer({ min: 0, max: 2000 })),
      endKnownDelay: fc.integer({ min: 0, max: 400 }),
      knownSince: day,
    }),
    { maxLength: 4 },
  ),
  clauses: fc.array(
    fc.record({
      partnership: fc.nat(3),
      binds: fc.constantFrom('OPTICS_PARTNER', 'MANUFACTURER', 'BOTH'),
      lengthDays: fc.option(fc.integer({ min: 0, max: 1500 })),
      exceptJapan: fc.boolean(),
      knownDelay: fc.integer({ min: 0, max: 600 }),
    }),
    { maxLength: 3 },
  ),
  claims: fc.array(
    fc.record({
      leaker: fc.option(fc.nat(1)),
      maker: fc.nat(3),
      against: fc.boolean(),
      published: day,
      outcome: fc.option(fc.constantFrom('CONFIRMED', 'PARTLY_CONFIRMED', 'REFUTED')),
      decidedDelay: fc.integer({ min: 0, max: 500 }),
    }),
    { maxLength: 6 },
  ),
  asOf: day,
  region: fc.constantFrom(null, 'JP', 'CN'),
});

const plus = (d: string, n: number) => dayOf((Date.parse(d) - epoch) / 86_400_000 + n);

function bundleOf(w: World, p: string): Bundle {
  const makerId = (i: number) => `${p}-m${i % w.makers.length}`;
  const partnerships = w.partnerships.map((x, i) => {
    const start = x.start;
    const end = x.endAfter === null ? null : plus(start, x.endAfter);
    return {
      id: `${p}-deal${i}`,
      manufacturer: makerId(x.maker),
      opticsPartner: x.withP ? `${p}-p` : `${p}-q`,
      start,
      end,
      knownSince: x.knownSince < start ? x.knownSince : start,
      endKnownSince: end ? plus(end, x.endKnownDelay) : null,
    };
  });
  return {
    format: 'optics-graph-bundle/1',
    companies: [
      { id: `${p}-p`, name: `${p} P`, roles: ['OPTICS_PARTNER'], knownSince: '2015-01-01' },
      { id: `${p}-q`, name: `${p} Q`, roles: ['OPTICS_PARTNER'], knownSince: '2015-01-01' },
      ...w.makers.map((m, i) => ({ id: `${p}-m${i}`, name: `${p} Maker ${i}`, roles: ['MANUFACTURER' as const], founded: m.founded, knownSince: m.knownSince })),
    ],
    leakers: [0, 1].map((i) => ({ id: `${p}-l${i}`, name: `${p} Leaker ${i}`, knownSince: '2015-01-01' })),
    partnerships,
    exclusivities:
      partnerships.length === 0
        ? []
        : w.clauses.map((c, i) => {
            const deal = partnerships[c.partnership % partnerships.length]!;
            return {
              id: `${p}-clause${i}`,
              partnership: deal.id,
              binds: c.binds,
              certainty: 'REPORTED' as const,
              start: deal.start,
              end: c.lengthDays === null ? null : plus(deal.start, c.lengthDays),
              exceptRegions: c.exceptJapan ? ['JP'] : [],
              knownSince: plus(deal.knownSince, c.knownDelay),
            };
          }),
    claims: w.claims.map((c, i) => ({
      id: `${p}-claim${i}`,
      leaker: c.leaker === null ? null : `${p}-l${c.leaker}`,
      statement: c.against ? 'They will not partner' : 'They will partner',
      kind: c.against ? ('WILL_NOT_PARTNER' as const) : ('WILL_PARTNER' as const),
      subjects: [`${p}-p`, makerId(c.maker)],
      publishedOn: c.published,
      resolutions: c.outcome ? [{ outcome: c.outcome, decidedOn: plus(c.published, c.decidedDelay) }] : [],
    })),
  };
}

const outlookQuery = `query ($p: ID!, $asOf: Date, $region: String) {
  partnershipOutlook(opticsPartner: $p, asOf: $asOf, region: $region) {
    evaluatedOn freeFrom
    blockedBy { clause { slug } } assumesEndOf { clause { slug } }
    candidates(first: 200) { totalCount edges { node { manufacturer { slug } score pastPartner evidenceClaims evidence { claim { slug } weight direction } } } }
    existingPartners { manufacturer { slug } reason partnership { slug } }
    excluded(first: 200) { totalCount edges { node { manufacturer { slug } reason clause { clause { slug } } } } }
  }
}`;

async function outlookOf(p: string, asOf: string, region: string | null) {
  const result = await harness.graphql(outlookQuery, { p: `${p}-p`, asOf, region });
  expect(result.errors).toBeUndefined();
  const answer = result.data.partnershipOutlook;
  expect(answer.candidates.totalCount).toBe(answer.candidates.edges.length);
  return { ...answer, candidates: answer.candidates.edges.map((e: any) => e.node), excluded: answer.excluded.edges.map((e: any) => e.node) };
}

/** The world's claims as the pure rules read them (the importer's own mapping). */
function claimFacts(bundle: Bundle): ClaimFact[] {
  return (bundle.claims ?? []).map(claimFact);
}

describe('the partnership outlook on random worlds', () => {
  it('keeps its invariants', { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        const p = uniquePrefix('prop');
        try {
          await importBundle(harness.graph, bundleOf(w, p));
          const answer = await outlookOf(p, w.asOf, w.region);

          // Every manufacturer known on A appears exactly once.
          const listed = [...answer.candidates, ...answer.existingPartners, ...answer.excluded].map((e: any) => e.manufacturer.slug);
          const known = await harness.graphql(`query ($asOf: Date) { manufacturers(asOf: $asOf, first: 200) { edges { node { slug } } } }`, { asOf: w.asOf });
          const knownSlugs = known.data.manufacturers.edges.map((e: any) => e.node.slug);
          expect([...listed].sort()).toEqual([...knownSlugs].sort());

          // Scores lie in [0, 1] and are ordered.
          const scores = answer.candidates.map((c: any) => c.score);
          expect(scores.every((s: number) => s >= 0 && s <= 1)).toBe(true);
          expect(scores).toEqual([...scores].sort((a, b) => b - a));

          // Each score is the pure rule's, over every claim of the world replayed: what the write
          // path keeps (evidence index, credibility steps) agrees with it.
          const expected = evidenceSummaries(`${p}-p`, claimFacts(bundleOf(w, p)), [], w.asOf);
          for (const candidate of answer.candidates) {
            const summary = expected.get(candidate.manufacturer.slug) ?? NO_EVIDENCE;
            expect(candidate.score).toBeCloseTo(scoreOfSummary(summary), 9);
            expect(candidate.evidenceClaims).toBe(summary.claims);
            expect(candidate.evidence).toHaveLength(summary.claims);
          }

          // Each leaker's credibility, read from the steps kept on write, is the pure rule's.
          for (const leaker of [`${p}-l0`, `${p}-l1`]) {
            const read = await harness.graphql('query ($id: ID!, $asOf: Date) { leaker(id: $id, asOf: $asOf) { credibility { hits resolved value } } }', {
              id: leaker,
              asOf: w.asOf,
            });
            const pure = credibilityAsOf(leaker, claimFacts(bundleOf(w, p)), w.asOf);
            expect(read.data.leaker.credibility).toEqual({ hits: pure.hits, resolved: pure.resolved, value: pure.value });
          }

          // No candidate is an existing partner or bound elsewhere on D.
          for (const candidate of answer.candidates.filter((c: any) => c.manufacturer.slug.startsWith(p))) {
            const check = await harness.graphql(
              `query ($m: ID!, $p: ID!, $asOf: Date, $d: Date, $region: String) {
                partnerships(asOf: $asOf, manufacturer: $m, opticsPartner: $p, activeOn: $d) { totalCount }
                manufacturer(id: $m, asOf: $asOf) { clausesInForce(on: $d, region: $region) { clause { binds partnership { opticsPartner { slug } manufacturer { slug } } } } }
              }`,
              { m: candidate.manufacturer.slug, p: `${p}-p`, asOf: w.asOf, d: answer.evaluatedOn, region: w.region },
            );
            expect(check.data.partnerships.totalCount).toBe(0);
            const boundElsewhere = check.data.manufacturer.clausesInForce.filter(
              (b: any) =>
                b.clause.binds !== 'OPTICS_PARTNER' &&
                b.clause.partnership.manufacturer.slug === candidate.manufacturer.slug &&
                b.clause.partnership.opticsPartner.slug !== `${p}-p`,
            );
            expect(boundElsewhere).toEqual([]);
          }

          // Nothing published after A changes the answer as of A.
          const later = bundleOf(w, p);
          const after = plus(w.asOf, 1);
          await importBundle(harness.graph, {
            format: 'optics-graph-bundle/1',
            partnerships: [{ id: `${p}-late-deal`, manufacturer: `${p}-m0`, opticsPartner: `${p}-p`, start: w.asOf, knownSince: after }],
            exclusivities: [{ id: `${p}-late-clause`, partnership: `${p}-late-deal`, binds: 'BOTH', certainty: 'CONFIRMED', start: w.asOf, knownSince: after }],
            claims: [
              { id: `${p}-late-claim`, leaker: `${p}-l0`, statement: 'Late news', kind: 'WILL_PARTNER', subjects: [`${p}-p`, `${p}-m0`], publishedOn: after },
              // Claims still open get a refutation that only becomes public after A.
              ...(later.claims ?? [])
                .filter((c) => (c.resolutions ?? []).length === 0)
                .map((c) => {
                  const decidedOn = c.publishedOn > after ? c.publishedOn : after;
                  return { ...c, resolutions: [{ outcome: 'REFUTED' as const, decidedOn, knownSince: decidedOn }] };
                }),
            ],
          });
          expect(await outlookOf(p, w.asOf, w.region)).toEqual(answer);
        } finally {
          await harness.graph.runScript('MATCH (n) WHERE n.id STARTS WITH $prefix OR n.claim STARTS WITH $prefix OR n.leaker STARTS WITH $prefix DETACH DELETE n', { prefix: p });
        }
      }),
      { numRuns: 15 },
    );
  });
});
