/**
 * The backtest reads each optics partner's facts once for all its cut-off days (outlookFactsOnDays)
 * instead of once per day: its outlooks must be the ones the partnershipOutlook query gives on each
 * day, and a fact public one day after a cut-off must not reach that cut-off's answer.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/fuzzy-date.ts';
import { partnershipOutlook, type PartnershipOutlook } from '../../src/domain/outlook.ts';
import { planBacktest, serviceOutlooks } from '../../src/graph/backtest.ts';
import { outlookFacts } from '../../src/graph/outlook-facts.ts';
import { importBundle } from '../../src/import/import-bundle.ts';
import { createHarness, uniquePrefix } from '../support/harness.ts';

const harness = createHarness();
afterAll(() => harness.close());
const context = () => ({ graph: harness.graph, roundTrips: { count: 0, statements: [] } });

/** The outlook of one day read on its own, as the partnershipOutlook query reads it. */
async function outlookOnItsOwn(opticsPartnerId: string, asOf: string): Promise<PartnershipOutlook | null> {
  const facts = await outlookFacts(context(), opticsPartnerId, asOf, null);
  if (!facts?.partner.isOpticsPartner) return null;
  return partnershipOutlook({ ...facts, opticsPartnerId: facts.partner.id, asOf, region: null, afterExclusivityId: null });
}

/** What a client reads of an outlook, by id (sources and loader rows are read as of the day and not compared). */
function answer(outlook: PartnershipOutlook | null) {
  if (outlook === null) return null;
  return {
    evaluatedOn: outlook.evaluatedOn,
    freeFrom: outlook.freeFrom,
    blockedBy: outlook.blockedBy.map((binding) => [binding.clause.id, binding.end]),
    assumesEndOf: outlook.assumesEndOf.map((binding) => binding.clause.id),
    candidates: outlook.candidates.map((c) => [c.company.id, c.score, c.evidenceClaims, c.pastPartner?.id ?? null, c.plannedPartner?.id ?? null]),
    existingPartners: outlook.existingPartners.map((e) => [e.company.id, e.partnership?.id ?? null]),
    excluded: outlook.excluded.map((e) => [e.company.id, e.reason, e.clause?.clause.id ?? null]),
  };
}

async function expectSameOutlooks(opticsPartnerId: string, days: string[]) {
  const outlookOn = await serviceOutlooks(context())(opticsPartnerId, days);
  for (const day of days) expect({ day, ...answer(outlookOn(day)) }).toEqual({ day, ...answer(await outlookOnItsOwn(opticsPartnerId, day)) });
}

describe("the backtest's outlooks, read once per optics partner", () => {
  it('are the outlooks of each cut-off day on the demo data, for every optics partner and lead time', { timeout: 120_000 }, async () => {
    const plan = await planBacktest(context(), { opticsPartnerId: null, leadDays: [1, 30, 90, 180, 365, 730], asOf: '2026-11-01' });
    const byPartner = new Map<string, Set<string>>();
    for (const event of plan.events.filter((e) => !e.opticsPartnerId.startsWith('t-'))) {
      byPartner.set(event.opticsPartnerId, (byPartner.get(event.opticsPartnerId) ?? new Set()).add(event.cutOff));
    }
    expect([...byPartner.keys()].sort()).toEqual(['arri', 'harcourt', 'hasselblad', 'leica', 'ricoh', 'zeiss']);
    for (const [partner, cutOffs] of byPartner) await expectSameOutlooks(partner, [...cutOffs]);
  });

  it('keep a clause that outlives its ended partnership binding its manufacturer, and nothing public after a cut-off', async () => {
    // M's clause with Q binds M until 2020-12-31 (public only then), though the partnership ended on
    // 2019-06-30 (public that day): as known on 2020-03-01 the clause has no end and binds M.
    const p = uniquePrefix('outlives');
    try {
      await importBundle(harness.graph, {
        format: 'optics-graph-bundle/1',
        companies: [
          { id: `${p}-p`, name: `${p} P`, roles: ['OPTICS_PARTNER'], knownSince: '2015-01-01' },
          { id: `${p}-q`, name: `${p} Q`, roles: ['OPTICS_PARTNER'], knownSince: '2015-01-01' },
          { id: `${p}-m`, name: `${p} M`, roles: ['MANUFACTURER'], knownSince: '2015-01-01' },
        ],
        partnerships: [
          { id: `${p}-mq`, manufacturer: `${p}-m`, opticsPartner: `${p}-q`, start: '2018-01-01', end: '2019-06-30', knownSince: '2018-01-01', endKnownSince: '2019-06-30' },
          { id: `${p}-mp`, manufacturer: `${p}-m`, opticsPartner: `${p}-p`, start: '2021-03-01', knownSince: '2021-03-01' },
        ],
        exclusivities: [
          {
            id: `${p}-clause`,
            partnership: `${p}-mq`,
            binds: 'MANUFACTURER',
            certainty: 'REPORTED',
            start: '2018-01-01',
            end: '2020-12-31',
            endKnownSince: '2020-12-31',
            knownSince: '2018-01-01',
          },
        ],
      });
      // Read once for all four days: the partnership with P, public on 2021-03-01, is not there the day before.
      const cutOffs = ['2020-03-01', '2020-12-31', addDays('2021-03-01', -1), '2021-03-01'];
      await expectSameOutlooks(`${p}-p`, cutOffs);
      const outlookOn = await serviceOutlooks(context())(`${p}-p`, cutOffs);
      const placeOfM = (day: string) => {
        const outlook = outlookOn(day)!;
        if (outlook.candidates.some((c) => c.company.id === `${p}-m`)) return 'CANDIDATE';
        return [...outlook.existingPartners, ...outlook.excluded].find((e) => e.company.id === `${p}-m`)?.reason;
      };
      expect(cutOffs.map(placeOfM)).toEqual(['BOUND_ELSEWHERE', 'BOUND_ELSEWHERE', 'CANDIDATE', 'EXISTING_PARTNER']);
    } finally {
      await harness.graph.runScript('MATCH (n) WHERE n.id STARTS WITH $prefix OR n.partner STARTS WITH $prefix DETACH DELETE n', { prefix: p });
    }
  });
});
