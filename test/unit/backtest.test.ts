import { describe, expect, it } from 'vitest';
import type { ClaimFact, CompanyFact, Day, ExclusivityFact, LeakerFact, PartnershipFact } from '../../src/domain/facts.ts';
import { baselineRankings, NameOrder, networkAsOf, networkEdges } from '../../src/domain/backtest-baselines.ts';
import { backtestEvents, CUT_OFFS_PER_READ, outlooksNeeded, runBacktest, summariseBacktest, type BacktestEvent, type OutlooksOf } from '../../src/domain/backtest.ts';
import { addDays } from '../../src/domain/fuzzy-date.ts';
import { partnershipOutlook } from '../../src/domain/outlook.ts';
import { evidenceSummaries } from '../../src/domain/partnership-evidence.ts';
import { claim, clause, company, leaker, opticsPartner, partnership, resolution } from './builders.ts';

interface World {
  companies: CompanyFact[];
  partnerships: PartnershipFact[];
  exclusivities: ExclusivityFact[];
  claims: ClaimFact[];
  leakers: LeakerFact[];
}

/** The outlook from the pure rules alone, as the service computes it from what it reads as of a day. */
function outlookOf(world: World): OutlooksOf {
  return async (opticsPartnerId) => (asOf) => {
    const partner = world.companies.find((c) => c.id === opticsPartnerId && c.isOpticsPartner && c.knownSince <= asOf);
    if (!partner) return null;
    return partnershipOutlook({
      companies: world.companies,
      partnerships: world.partnerships.filter((p) => p.opticsPartnerId === opticsPartnerId),
      exclusivities: world.exclusivities,
      evidence: evidenceSummaries(opticsPartnerId, world.claims, world.leakers, asOf),
      opticsPartnerId,
      asOf,
      region: null,
      afterExclusivityId: null,
    });
  };
}

const backtest = (world: World, events: BacktestEvent[]) => runBacktest(events, outlookOf(world), networkEdges(world.partnerships));

const known = (start: Day) => ({ start, knownSince: start });
const world: World = {
  companies: [
    company('huawei', { name: 'Huawei' }),
    company('xiaomi', { name: 'Xiaomi' }),
    company('sharp', { name: 'Sharp' }),
    company('honor', { name: 'Honor' }),
    company('sony', { name: 'Sony' }),
    company('vivo', { name: 'vivo' }),
    opticsPartner('leica', { name: 'Leica' }),
    opticsPartner('zeiss', { name: 'Zeiss' }),
    opticsPartner('ricoh', { name: 'Ricoh', knownSince: '2025-01-01' }),
  ],
  partnerships: [
    partnership('huawei', 'leica', known('2016-02-25')),
    partnership('sony', 'zeiss', known('2020-02-24')),
    partnership('vivo', 'zeiss', known('2020-12-17')),
    partnership('sharp', 'leica', known('2021-05-17')),
    partnership('xiaomi', 'leica', known('2022-05-23')),
    partnership('vivo', 'ricoh', known('2025-02-01')),
  ],
  exclusivities: [],
  claims: [
    claim('teme-candidates', { leakerId: 'teme', subjectIds: ['leica', 'honor', 'xiaomi', 'sharp'], publishedOn: '2021-05-15' }),
    claim('dcs-xiaomi', { leakerId: 'dcs', subjectIds: ['leica', 'xiaomi'], publishedOn: '2021-11-16' }),
  ],
  leakers: [leaker('teme'), leaker('dcs')],
};

describe('the events', () => {
  it('are one per partnership and lead time, asked as of K minus the lead', () => {
    const events = backtestEvents(world.partnerships, [90, 180], 'leica');
    expect(events.map((e) => [e.partnershipId, e.leadDays, e.cutOff])).toEqual([
      ['huawei-leica', 90, '2015-11-27'],
      ['huawei-leica', 180, '2015-08-29'],
      ['sharp-leica', 90, '2021-02-16'],
      ['sharp-leica', 180, '2020-11-18'],
      ['xiaomi-leica', 90, '2022-02-22'],
      ['xiaomi-leica', 180, '2021-11-24'],
    ]);
  });
});

describe('the backtest of a small world', () => {
  it('ranks the manufacturer that partnered, per method, from the cut-off data', async () => {
    const results = await backtest(world, backtestEvents(world.partnerships, [180]));
    const xiaomi = results.find((r) => r.event.partnershipId === 'xiaomi-leica')!;
    // On 2021-11-24 both claims count: Xiaomi scores 1 - 0.5 x 0.5 = 0.75, Honor 0.5.
    expect(xiaomi.status).toBe('RANKED');
    expect(xiaomi.score).toBeCloseTo(0.75, 12);
    expect(xiaomi.figures!.OUTLOOK.placement).toEqual({ above: 0, tied: 1, shown: 1 });
    // Candidates: Honor, Sony, vivo, Xiaomi (Huawei and Sharp are existing partners). Random: 1/4.
    expect(xiaomi.candidates).toBe(4);
    expect(xiaomi.figures!.RANDOM.hitsAt1).toBe(0.25);
    // Popularity: Sony and vivo have one partnership each, Xiaomi none: it shares places 3-4 with Honor.
    expect(xiaomi.figures!.POPULARITY.placement).toEqual({ above: 2, tied: 2, shown: 4 });

    const ricoh = results.find((r) => r.event.partnershipId === 'vivo-ricoh')!;
    // Ricoh was not known on 2024-08-05: nothing to ask.
    expect(ricoh.status).toBe('NOT_ASKED');

    const sharp = results.find((r) => r.event.partnershipId === 'sharp-leica')!;
    // No evidence on 2020-11-18: every candidate ties at 0, so the outlook is a random order there.
    expect(sharp.figures!.OUTLOOK.hitsAt1).toBeCloseTo(1 / sharp.candidates, 12);

    const [summary] = summariseBacktest(results, [180]);
    expect(summary).toMatchObject({ leadDays: 180, events: 6, notAsked: 1, notCandidates: 0 });
    expect(summary!.methods.OUTLOOK.events).toBe(5);
  });

  it('counts a manufacturer excluded on the cut-off as a miss for every method', async () => {
    const bound: World = {
      ...world,
      exclusivities: [clause('sony', 'zeiss', { binds: 'MANUFACTURER', start: '2020-02-24', end: '2023', knownSince: '2020-02-24' })],
      partnerships: [...world.partnerships, partnership('sony', 'leica', known('2021-06-01'))],
    };
    const [result] = await backtest(
      bound,
      backtestEvents(bound.partnerships, [90]).filter((e) => e.partnershipId === 'sony-leica'),
    );
    expect(result).toMatchObject({ status: 'NOT_A_CANDIDATE', exclusion: 'BOUND_ELSEWHERE' });
    for (const figures of Object.values(result!.figures!)) expect(figures).toMatchObject({ placement: null, hitsAt3: 0, reciprocalRank: 0 });
  });
});

describe('the leakage rule: a fact known one day after the cut-off never changes an answer', () => {
  /** Facts of every kind the backtest reads, all public on `day`, that would change answers if seen. */
  function factsKnownOn(day: Day): Partial<World> {
    return {
      companies: [company('newcomer', { name: 'Aaa Newcomer', knownSince: day })],
      partnerships: [
        // Would make Honor popular and a common neighbour of every Leica and Zeiss partner.
        partnership('honor', 'zeiss', known(day)),
        partnership('honor', 'ricoh', known(day)),
        // Would make Sony an existing partner of Leica.
        { ...partnership('sony', 'leica', known(day)), start: '2015-01-01' },
      ],
      exclusivities: [clause('huawei', 'leica', { start: '2010', end: '2030', knownSince: day })],
      claims: [
        claim('late-honor', { leakerId: 'late', subjectIds: ['leica', 'zeiss', 'honor', 'vivo'], publishedOn: day }),
        // Would refute Teme's claim (and lower its credibility) from the day.
        { ...world.claims[0]!, resolutions: [resolution('REFUTED', day)] },
      ],
      leakers: [leaker('late', { knownSince: day })],
    };
  }

  const withFacts = (facts: Partial<World>): World => ({
    companies: [...world.companies, ...(facts.companies ?? [])],
    partnerships: [...world.partnerships, ...(facts.partnerships ?? [])],
    exclusivities: [...world.exclusivities, ...(facts.exclusivities ?? [])],
    claims: [...world.claims.filter((c) => !facts.claims?.some((f) => f.id === c.id)), ...(facts.claims ?? [])],
    leakers: [...world.leakers, ...(facts.leakers ?? [])],
  });

  const events = backtestEvents(world.partnerships, [1, 90, 180]);

  it.each(events.map((event) => [event.partnershipId, event.leadDays, event] as const))('%s, %i days ahead', async (_id, _lead, event) => {
    const [before] = await backtest(world, [event]);
    const [after] = await backtest(withFacts(factsKnownOn(addDays(event.cutOff, 1))), [event]);
    expect(after).toEqual(before);
  });

  it('while the same facts known on the cut-off itself do change answers (the rule has something to hide)', async () => {
    // Ricoh is not known 90 or 180 days before vivo-ricoh: no outlook is asked there at all.
    const asked = events.filter((event) => !(event.opticsPartnerId === 'ricoh' && event.leadDays > 1));
    const changed = await Promise.all(
      asked.map(async (event) => {
        const [before] = await backtest(world, [event]);
        const [after] = await backtest(withFacts(factsKnownOn(event.cutOff)), [event]);
        return JSON.stringify(after) !== JSON.stringify(before);
      }),
    );
    expect(changed.filter((c) => !c)).toEqual([]);
  });
});

describe('reading the outlooks of many cut-off days at once', () => {
  it('judges every event as if it were asked alone, over more cut-offs than one read holds', async () => {
    const events = backtestEvents(
      world.partnerships,
      Array.from({ length: CUT_OFFS_PER_READ + 20 }, (_, i) => 10 * (i + 1)),
    );
    const reads: number[] = [];
    const counting: OutlooksOf = async (opticsPartnerId, cutOffs) => {
      reads.push(cutOffs.length);
      return outlookOf(world)(opticsPartnerId, cutOffs);
    };
    const together = await runBacktest(events, counting, networkEdges(world.partnerships), 3);
    const alone = await Promise.all(events.map(async (event) => (await backtest(world, [event]))[0]));
    expect(together).toEqual(alone);
    // Leica's 3 partnerships give 210 cut-offs: 5 reads of at most 50.
    expect(Math.max(...reads)).toBe(CUT_OFFS_PER_READ);
    expect(reads.reduce((sum, n) => sum + n, 0)).toBe(outlooksNeeded(events));
  });
});

describe('the baselines', () => {
  const candidates = ['a', 'b', 'c', 'd'].map((id) => company(id, { name: id.toUpperCase() }));
  const network = networkEdges([
    partnership('a', 'p', known('2020-01-01')),
    partnership('a', 'q', known('2020-01-01')),
    partnership('b', 'q', known('2020-01-01')),
    partnership('b', 'r', known('2020-01-01')),
    partnership('c', 'r', known('2020-01-01')),
    partnership('x', 'p', known('2020-01-01')),
    partnership('x', 'r', known('2020-01-01')),
    partnership('d', 's', known('2030-01-01')),
  ]);
  const rankings = baselineRankings(candidates, 'p', networkAsOf(network, '2021-01-01'));
  const of = (ranking: { id: string; score: number; probability: number }[]) => ranking.map((r) => [r.id, r.score, r.probability]);

  it('popularity counts partnerships known so far, with any partner', () => {
    // D's partnership is not known yet.
    expect(of(rankings.POPULARITY)).toEqual(
      [
        ['A', 2, 0.4],
        ['B', 2, 0.4],
        ['C', 1, 0.2],
        ['D', 0, 0],
      ].map(([id, ...rest]) => [String(id).toLowerCase(), ...rest]),
    );
  });

  it("repeat-a-past-partner puts the partner's former manufacturers first", () => {
    expect(of(rankings.REPEAT_PARTNER)).toEqual([
      ['a', 1, 1],
      ['b', 0, 0],
      ['c', 0, 0],
      ['d', 0, 0],
    ]);
  });

  it("common neighbours counts the paths M - P' - M' - P", () => {
    // B: B-q-a-p and B-r-x-p; C: C-r-x-p; A: A-q-(b is not p's) = 0; D: none.
    expect(of(rankings.COMMON_NEIGHBOURS)).toEqual([
      ['b', 2, 2 / 3],
      ['c', 1, 1 / 3],
      ['a', 0, 0],
      ['d', 0, 0],
    ]);
  });

  it('orders ties by name across events, also when companies become known between them', () => {
    const names = new NameOrder();
    expect(names.sort([company('b', { name: 'Beta' }), company('a', { name: 'Alpha' })]).map((c) => c.id)).toEqual(['a', 'b']);
    const later = [company('c', { name: 'Charlie' }), company('b', { name: 'Beta' }), company('aa', { name: 'Aardvark' })];
    expect(names.sort(later).map((c) => c.id)).toEqual(['aa', 'b', 'c']);
  });

  it('random ties everybody, with probability 1/n', () => {
    expect(of(rankings.RANDOM)).toEqual([
      ['a', 0, 0.25],
      ['b', 0, 0.25],
      ['c', 0, 0.25],
      ['d', 0, 0.25],
    ]);
  });
});
