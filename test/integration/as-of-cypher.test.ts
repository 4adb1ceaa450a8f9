/**
 * Where the as-of rule must also live in Cypher (a list is filtered and paged in the database, never
 * in memory), the Cypher filter and the pure rule of src/domain agree: on random worlds imported into
 * the real Neo4j, `devices(status:)`, `partnerships(activeOn:)` and `claims(outcome:)` on random days
 * return exactly what deviceStatusAsOf, partnershipRunningOn and outcomeAsOf say they should.
 * Each world has its own id prefix and is deleted after.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { claimsAsOf, isKnownOn, outcomeAsOf, partnershipRunningOn } from '../../src/domain/as-of.ts';
import { deviceStatusAsOf } from '../../src/domain/device-status.ts';
import { OUTCOMES, type ClaimFact, type PartnershipFact } from '../../src/domain/facts.ts';
import type { Bundle, BundleDevice } from '../../src/import/bundle.ts';
import { importBundle } from '../../src/import/import-bundle.ts';
import { claimFact } from '../../src/import/normalise.ts';
import { createHarness, uniquePrefix } from '../support/harness.ts';
import { testWrite } from '../support/test-statements.ts';

const harness = createHarness();
afterAll(() => harness.close());

const epoch = Date.UTC(2015, 0, 1);
const dayOf = (offset: number) => new Date(epoch + offset * 86_400_000).toISOString().slice(0, 10);
const day = fc.integer({ min: 0, max: 4000 }).map(dayOf); // 2015-01-01 .. 2025-12
const plus = (d: string, n: number) => dayOf((Date.parse(d) - epoch) / 86_400_000 + n);
const later = (a: string, b: string) => (a > b ? a : b);
/** A date with a random precision: the day itself, or its month. */
const fuzzy = (d: string, monthOnly: boolean) => (monthOnly ? d.slice(0, 7) : d);

const step = fc.option(fc.record({ after: fc.integer({ min: 0, max: 400 }), monthOnly: fc.boolean(), knownDelay: fc.option(fc.integer({ min: 0, max: 300 })) }));
const world = fc.record({
  devices: fc.array(fc.record({ knownSince: day, announced: step, released: step, cancelled: step }), { maxLength: 6 }),
  partnerships: fc.array(
    fc.record({
      start: day,
      monthOnly: fc.boolean(),
      knownDelay: fc.integer({ min: -200, max: 300 }),
      endAfter: fc.option(fc.integer({ min: 0, max: 1500 })),
      endKnownDelay: fc.option(fc.integer({ min: 0, max: 400 })),
    }),
    { maxLength: 5 },
  ),
  claims: fc.array(
    fc.record({
      published: day,
      resolutions: fc.array(
        fc.record({
          outcome: fc.constantFrom('CONFIRMED', 'PARTLY_CONFIRMED', 'REFUTED'),
          decidedAfter: fc.integer({ min: 0, max: 300 }),
          knownDelay: fc.integer({ min: 0, max: 200 }),
        }),
        { maxLength: 3 },
      ),
    }),
    { maxLength: 6 },
  ),
  days: fc.array(fc.record({ asOf: day, activeOn: day }), { minLength: 1, maxLength: 3 }),
});
type World = typeof world extends fc.Arbitrary<infer W> ? W : never;

function bundleOf(w: World, p: string): Bundle {
  const devices: BundleDevice[] = w.devices.map((d, i) => {
    // Each step comes after the one before, so the importer accepts the device.
    let last = d.knownSince;
    const dated = (s: (typeof d)['announced']) => {
      if (!s) return { date: null, knownSince: null };
      last = plus(last, s.after);
      const date = fuzzy(last, s.monthOnly);
      // A step made public on a given day cannot be public before the device (the importer refuses it).
      return { date, knownSince: s.knownDelay === null ? null : later(plus(`${date.length === 7 ? `${date}-01` : date}`, s.knownDelay), d.knownSince) };
    };
    const announced = dated(d.announced);
    const released = dated(d.released);
    const cancelled = released.date ? { date: null, knownSince: null } : dated(d.cancelled);
    return {
      id: `${p}-device${i}`,
      name: `${p} Phone ${i}`,
      manufacturer: `${p}-maker`,
      knownSince: d.knownSince,
      announced: announced.date,
      announcedKnownSince: announced.knownSince,
      released: released.date,
      releasedKnownSince: released.knownSince,
      cancelled: cancelled.date,
      cancelledKnownSince: cancelled.knownSince,
    };
  });
  return {
    format: 'optics-graph-bundle/1',
    companies: [
      { id: `${p}-maker`, name: `${p} Maker`, roles: ['MANUFACTURER'], knownSince: '2015-01-01' },
      { id: `${p}-optics`, name: `${p} Optics`, roles: ['OPTICS_PARTNER'], knownSince: '2015-01-01' },
    ],
    leakers: [{ id: `${p}-leaker`, name: `${p} Leaker`, knownSince: '2015-01-01' }],
    devices,
    partnerships: w.partnerships.map((x, i) => {
      const start = fuzzy(x.start, x.monthOnly);
      const end = x.endAfter === null ? null : plus(x.start, x.endAfter);
      const knownSince = later(plus(x.start, x.knownDelay), '2015-01-01');
      return {
        id: `${p}-deal${i}`,
        manufacturer: `${p}-maker`,
        opticsPartner: `${p}-optics`,
        start,
        end,
        knownSince,
        endKnownSince: end && x.endKnownDelay !== null ? later(plus(end, x.endKnownDelay), knownSince) : null,
      };
    }),
    claims: w.claims.map((c, i) => {
      let known = c.published;
      return {
        id: `${p}-claim${i}`,
        leaker: `${p}-leaker`,
        statement: 'They will partner',
        kind: 'WILL_PARTNER' as const,
        subjects: [`${p}-optics`, `${p}-maker`],
        publishedOn: c.published,
        // Oldest first by knownSince, as the format asks.
        resolutions: c.resolutions.map((r) => {
          const decidedOn = plus(c.published, r.decidedAfter);
          known = later(plus(decidedOn, r.knownDelay), known);
          return { outcome: r.outcome, decidedOn, knownSince: known };
        }),
      };
    }),
  };
}

const slugs = (connection: { edges: { node: { slug: string } }[] }) => connection.edges.map((e) => e.node.slug).sort();

async function ask(query: string, variables: Record<string, unknown>) {
  const result = await harness.graphql(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data;
}

describe('the as-of rule in Cypher and in src/domain', () => {
  it('agree on which devices have which status, which partnerships run on a day, and which claims have which outcome', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        const p = uniquePrefix('asof');
        const bundle = bundleOf(w, p);
        try {
          await importBundle(harness.graph, bundle);
          for (const { asOf, activeOn } of w.days) {
            for (const status of ['RUMOURED', 'ANNOUNCED', 'RELEASED', 'CANCELLED'] as const) {
              const data = await ask(
                'query ($m: ID!, $asOf: Date, $s: [DeviceStatus!]) { devices(manufacturer: $m, asOf: $asOf, status: $s, first: 50) { edges { node { slug } } } }',
                {
                  m: `${p}-maker`,
                  asOf,
                  s: [status],
                },
              );
              const expected = (bundle.devices ?? [])
                .filter((d) => isKnownOn(d.knownSince ?? '', asOf) && deviceStatusAsOf(d, asOf) === status)
                .map((d) => d.id)
                .sort();
              expect(slugs(data.devices), `devices ${status} as of ${asOf}`).toEqual(expected);
            }

            const running = await ask(
              'query ($m: ID!, $asOf: Date, $on: Date) { partnerships(manufacturer: $m, asOf: $asOf, activeOn: $on, first: 50) { edges { node { slug } } } }',
              {
                m: `${p}-maker`,
                asOf,
                on: activeOn > asOf ? asOf : activeOn,
              },
            );
            const facts: PartnershipFact[] = (bundle.partnerships ?? []).map((x) => ({
              id: x.id,
              manufacturerId: x.manufacturer,
              opticsPartnerId: x.opticsPartner,
              start: x.start,
              end: x.end ?? null,
              knownSince: x.knownSince ?? '',
              endKnownSince: x.endKnownSince ?? null,
              sources: [],
            }));
            const on = activeOn > asOf ? asOf : activeOn;
            expect(slugs(running.partnerships), `partnerships running on ${on} as of ${asOf}`).toEqual(
              facts
                .filter((f) => partnershipRunningOn(f, on, asOf))
                .map((f) => f.id)
                .sort(),
            );

            const claims: ClaimFact[] = claimsAsOf((bundle.claims ?? []).map(claimFact), asOf);
            for (const outcome of OUTCOMES) {
              const data = await ask('query ($l: ID!, $asOf: Date, $o: [Outcome!]) { claims(leaker: $l, asOf: $asOf, outcome: $o, first: 50) { edges { node { slug } } } }', {
                l: `${p}-leaker`,
                asOf,
                o: [outcome],
              });
              expect(slugs(data.claims), `claims ${outcome} as of ${asOf}`).toEqual(
                claims
                  .filter((c) => outcomeAsOf(c, asOf) === outcome)
                  .map((c) => c.id)
                  .sort(),
              );
            }
          }
        } finally {
          await testWrite(harness.graph, 'delete', { prefix: p });
        }
      }),
      { numRuns: 12 },
    );
  });
});
