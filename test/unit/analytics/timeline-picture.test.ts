import { describe, expect, it } from 'vitest';
import { claimsAboutPartner, knownPartnerships } from '../../../analytics/timeline/known-from-rows.ts';
import { timelinePicture as pictureOf } from '../../../analytics/timeline/timeline-picture.ts';
import type { Row } from '../../../src/graph/executor.ts';

/** The picture from Neo4j's rows, as known on the day (the rows' as-of rules and the layout together). */
const timelinePicture = (partnerId: string, partnerName: string, partnerships: Row[], claims: Row[], asOf: string, maxRows?: number) =>
  pictureOf(partnerId, partnerName, knownPartnerships(partnerships, asOf), claimsAboutPartner(claims, asOf), asOf, maxRows);

const huaweiLeica = {
  id: 'huawei-leica',
  start: '2016-02-25',
  end: '2022-03-31',
  knownSince: '2016-02-25',
  endKnownSince: '2022-05-23',
  manufacturerId: 'huawei',
  manufacturerName: 'Huawei',
  opticsPartnerId: 'leica',
  clauses: [
    {
      id: 'huawei-leica-exclusivity',
      start: '2016-02-25',
      knownSince: '2021-11-16',
      binds: 'OPTICS_PARTNER',
      certainty: 'INFERRED',
      regions: null,
      exceptRegions: [],
      partnershipId: 'huawei-leica',
      manufacturerId: 'huawei',
      opticsPartnerId: 'leica',
      launch: { deviceId: 'huawei-p50', deviceName: 'Huawei P50', announced: '2021-07-29', announcedKnownSince: '2021-07-29' },
    },
  ],
};
const xiaomiLeica = {
  id: 'xiaomi-leica',
  start: '2022-05-23',
  knownSince: '2022-05-23',
  manufacturerId: 'xiaomi',
  manufacturerName: 'Xiaomi',
  opticsPartnerId: 'leica',
  clauses: [],
};
const claims = [
  {
    id: 'teme-2021-05',
    statement: 'Leica is testing Honor and Xiaomi',
    publishedOn: '2021-05-10',
    leakerName: 'Teme',
    outcomeDays: ['2022-05-23'],
    outcomeValues: ['PARTLY_CONFIRMED'],
    manufacturers: [
      { id: 'honor', name: 'Honor' },
      { id: 'xiaomi', name: 'Xiaomi' },
    ],
  },
  { id: 'leica-alone', statement: 'Leica will make a phone', publishedOn: '2021-11-16', leakerName: null, outcomeDays: [], outcomeValues: [], manufacturers: [] },
];

describe('the timeline picture', () => {
  it('on 2021-11-16: Huawei–Leica still open, its clause ended with the P50 launch, claims on the rows of the manufacturers they name', () => {
    const picture = timelinePicture('leica', 'Leica', [huaweiLeica, xiaomiLeica], claims, '2021-11-16');
    expect(picture.rows).toEqual(['Huawei', 'Honor', 'Xiaomi', '(Leica alone)']);
    expect(picture.bars.map(({ layer, id, from, open }) => ({ layer, id, from, open }))).toEqual([
      { layer: 'partnership', id: 'huawei-leica', from: '2016-02-25', open: true },
      { layer: 'exclusivity clause', id: 'huawei-leica-exclusivity', from: '2016-02-25', open: false },
    ]);
    expect(picture.bars[0]!.until).toBe(picture.until);
    expect(picture.bars[1]!.until).toBe('2021-07-29');
    expect(picture.eventEnds).toEqual([{ row: 'Huawei', day: '2021-07-29', awaited: false, label: 'ends with the Huawei P50 launch' }]);
    expect(picture.claims.map(({ row, outcome }) => [row, outcome])).toEqual([
      // By claim id (leica-alone, teme-2021-05), whichever order the reader gave them in.
      ['(Leica alone)', 'UNRESOLVED'],
      ['Honor', 'UNRESOLVED'],
      ['Xiaomi', 'UNRESOLVED'],
    ]);
    expect(picture.from < '2016-02-25' && picture.until > '2021-11-16').toBe(true);
  });

  it("on 2022-06-01: Huawei–Leica's reported end, Xiaomi–Leica, and Teme's claim partly confirmed", () => {
    const picture = timelinePicture('leica', 'Leica', [huaweiLeica, xiaomiLeica], claims, '2022-06-01');
    expect(picture.bars.filter((bar) => bar.layer === 'partnership').map(({ id, until, open }) => [id, until, open])).toEqual([
      ['huawei-leica', '2022-03-31', false],
      ['xiaomi-leica', picture.until, true],
    ]);
    expect(picture.claims.find((claim) => claim.row === 'Xiaomi')!.outcome).toBe('PARTLY_CONFIRMED');
  });

  it('marks a clause still waiting for its launch at the right edge, and leaves out what was not public', () => {
    const picture = timelinePicture('leica', 'Leica', [{ ...huaweiLeica, clauses: [{ ...huaweiLeica.clauses[0]!, knownSince: '2021-01-01' }] }, xiaomiLeica], [], '2021-03-01');
    expect(picture.eventEnds).toEqual([{ row: 'Huawei', day: picture.until, awaited: true, label: 'until the launch of Huawei P50 (not yet)' }]);
    expect(picture.bars.map((bar) => bar.id)).not.toContain('xiaomi-leica');
    expect(picture.rows).toEqual(['Huawei']);
  });

  it('ends a clause that ends with its partnership on that end, once it is public', () => {
    const clause = { ...huaweiLeica.clauses[0]!, launch: null, endsWithPartnership: true, partnershipEnd: '2022-03-31', partnershipEndKnownSince: '2022-05-23' };
    const clauseBar = (asOf: string) =>
      timelinePicture('leica', 'Leica', [{ ...huaweiLeica, clauses: [clause] }], [], asOf).bars.find((bar) => bar.layer === 'exclusivity clause')!;
    expect(clauseBar('2022-04-30')).toMatchObject({ open: true });
    expect(clauseBar('2022-04-30').detail).toContain('with its partnership (no end public)');
    expect(clauseBar('2022-06-01')).toMatchObject({ open: false, until: '2022-03-31' });
  });
});

describe('a partner named with many manufacturers', () => {
  it('keeps a row for every manufacturer it partnered with and the most named, and one row for the rest', () => {
    const many = Array.from({ length: 5 }, (_, i) => ({
      id: `claim-${i}`,
      statement: `claim ${i}`,
      publishedOn: `2021-0${i + 1}-01`,
      leakerName: 'Teme',
      outcomeDays: [],
      outcomeValues: [],
      manufacturers: i < 3 ? [{ id: 'honor', name: 'Honor' }] : [{ id: `m${i}`, name: `M${i}` }],
    }));
    const picture = timelinePicture('leica', 'Leica', [huaweiLeica], many, '2021-11-16', 1);
    expect(picture.rows).toEqual(['Huawei', 'Honor', '(2 other manufacturers)']);
    expect(picture.claims.filter((claim) => claim.row === '(2 other manufacturers)').map((claim) => claim.id)).toEqual(['claim-3', 'claim-4']);
  });
});
