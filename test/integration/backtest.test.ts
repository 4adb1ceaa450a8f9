/**
 * The backtest on the demo data, through GraphQL: Leica's three partnerships, each asked 90 and 180
 * days before it became public. The ranks follow from the README's worked outlook (as of 2021-11-16)
 * and its rules, by hand; the comments work them out.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createHarness } from '../support/harness.ts';

const harness = createHarness();
const narrow = createHarness({ MAX_BACKTEST_EVENTS: '4' });
afterAll(() => Promise.all([harness.close(), narrow.close()]));

const query = `query ($partner: ID, $from: Date) {
  backtest(opticsPartner: $partner, leadDays: [90, 180], asOf: "2026-11-01", knownFrom: $from) {
    outlooksAsked
    summaries { leadDays events notAsked notCandidates rankings { ranking events hitsAt1 hitsAt3 meanReciprocalRank brier } }
    events {
      partnership { slug } manufacturer { slug } knownOn leadDays cutOff status candidates score
      rankings { ranking rank bestRank worstRank hitsAt1 reciprocalRank probability brier }
    }
  }
}`;

async function leicaBacktest() {
  const result = await harness.graphql(query, { partner: 'leica' });
  expect(result.errors).toBeUndefined();
  return result.data.backtest;
}

const eventOf = (backtest: any, slug: string, lead: number) => backtest.events.find((e: any) => e.partnership.slug === slug && e.leadDays === lead);
const outlookOf = (event: any) => event.rankings.find((r: any) => r.ranking === 'OUTLOOK');

describe('the backtest of Leica on the demo data', () => {
  it('asks one outlook per partnership and lead time, as of K minus the lead', async () => {
    const backtest = await leicaBacktest();
    expect(backtest.events.map((e: any) => [e.partnership.slug, e.knownOn, e.leadDays, e.cutOff])).toEqual([
      ['huawei-leica', '2016-02-25', 90, '2015-11-27'],
      ['huawei-leica', '2016-02-25', 180, '2015-08-29'],
      ['sharp-leica', '2021-05-17', 90, '2021-02-16'],
      ['sharp-leica', '2021-05-17', 180, '2020-11-18'],
      ['xiaomi-leica', '2022-05-23', 90, '2022-02-22'],
      ['xiaomi-leica', '2022-05-23', 180, '2021-11-24'],
    ]);
    expect(backtest.outlooksAsked).toBe(6);
  });

  it("ranks Xiaomi first 90 and 180 days ahead, with the worked outlook's 0.583", async () => {
    // Nothing about Leica became public between 2021-11-16 and either cut-off (Teme's December claim is
    // about the 12 Ultra's design, not a partnership): Xiaomi = 1 - (1 - 0.375)(1 - 1/3) = 0.583, first
    // of 11 candidates (14 manufacturers less Huawei and Sharp, existing partners, and Leica itself).
    const backtest = await leicaBacktest();
    for (const lead of [90, 180]) {
      const xiaomi = eventOf(backtest, 'xiaomi-leica', lead);
      expect(xiaomi).toMatchObject({ status: 'RANKED', candidates: 11 });
      expect(xiaomi.score).toBeCloseTo(1 - (1 - 0.375) * (1 - 1 / 3), 9);
      expect(outlookOf(xiaomi)).toMatchObject({ rank: 1, bestRank: 1, worstRank: 1, hitsAt1: 1, reciprocalRank: 1 });
      // Xiaomi had no partnership yet: popularity puts it among the last.
      expect(xiaomi.rankings.find((r: any) => r.ranking === 'POPULARITY').hitsAt1).toBe(0);
    }
  });

  it("puts Sharp behind OnePlus 90 days ahead, when Teme's OnePlus claim was not yet refuted", async () => {
    // On 2021-02-16 Teme (a newcomer, 0.5) said OnePlus would partner with Leica and Max Jambor (0.5)
    // said it would not: OnePlus = (1 - 0.5) x (1 - 0.5) = 0.25. Sharp has no evidence: it ties with the
    // other 10 at 0, places 2-12, shown 9th by name (HMD, Hon Hai, Honor, Motorola, OPPO, realme,
    // Samsung, Sharp). 12 candidates: Huawei is an existing partner, Leica the same company.
    const sharp = eventOf(await leicaBacktest(), 'sharp-leica', 90);
    expect(sharp).toMatchObject({ status: 'RANKED', candidates: 12, score: 0 });
    const outlook = outlookOf(sharp);
    expect(outlook).toMatchObject({ rank: 9, bestRank: 2, worstRank: 12, hitsAt1: 0 });
    expect(outlook.reciprocalRank).toBeCloseTo([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].reduce((sum, r) => sum + 1 / r, 0) / 11, 9);
    // Brier: OnePlus 0.25^2 + Sharp (0 - 1)^2.
    expect(outlook.brier).toBeCloseTo(1.0625, 9);
  });

  it('has nothing to go on before the claims began: every candidate ties', async () => {
    const backtest = await leicaBacktest();
    // 180 days before Sharp (2020-11-18) Teme's OnePlus claim was not yet made: 12 candidates at 0.
    expect(outlookOf(eventOf(backtest, 'sharp-leica', 180))).toMatchObject({ rank: 9, bestRank: 1, worstRank: 12 });
    // Before Huawei: 13 candidates at 0; Huawei shown 4th (HMD, Hon Hai, Honor, Huawei).
    for (const lead of [90, 180]) {
      const huawei = eventOf(backtest, 'huawei-leica', lead);
      expect(huawei.candidates).toBe(13);
      expect(outlookOf(huawei)).toMatchObject({ rank: 4, bestRank: 1, worstRank: 13 });
      expect(outlookOf(huawei).hitsAt1).toBeCloseTo(1 / 13, 9);
    }
  });

  it('sums the events up per lead time, for the outlook and each baseline', async () => {
    const backtest = await leicaBacktest();
    const at180 = backtest.summaries.find((s: any) => s.leadDays === 180);
    expect(at180).toMatchObject({ events: 3, notAsked: 0, notCandidates: 0 });
    expect(at180.rankings.map((r: any) => r.ranking)).toEqual(['OUTLOOK', 'RANDOM', 'POPULARITY', 'REPEAT_PARTNER', 'COMMON_NEIGHBOURS']);
    const outlook = at180.rankings.find((r: any) => r.ranking === 'OUTLOOK');
    // Huawei 1/13, Sharp 1/12, Xiaomi 1.
    expect(outlook.hitsAt1).toBeCloseTo((1 / 13 + 1 / 12 + 1) / 3, 9);
    const random = at180.rankings.find((r: any) => r.ranking === 'RANDOM');
    expect(random.hitsAt1).toBeCloseTo((1 / 13 + 1 / 12 + 1 / 11) / 3, 9);
    // Brier, random order: 1 - 1/n per event.
    expect(random.brier).toBeCloseTo((12 / 13 + 11 / 12 + 10 / 11) / 3, 9);
  });
});

describe("the backtest's bounds", () => {
  it('refuses more events than MAX_BACKTEST_EVENTS before asking any outlook, and says how to narrow it', async () => {
    const result = await narrow.graphql(query, { partner: 'leica' });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', events: 6, limit: 4 });
    expect(result.errors?.[0]?.message).toMatch(/MAX_BACKTEST_EVENTS \(4\).*knownFrom/);
  });

  it('answers once narrowed to the partnerships public from a day on', async () => {
    const result = await narrow.graphql(query, { partner: 'leica', from: '2021-01-01' });
    expect(result.errors).toBeUndefined();
    expect(result.data.backtest.events.map((e: any) => e.partnership.slug)).toEqual(['sharp-leica', 'sharp-leica', 'xiaomi-leica', 'xiaomi-leica']);
  });

  it('says so when the optics partner has no partnership to replay', async () => {
    const result = await harness.graphql(query, { partner: 'olympus' });
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
