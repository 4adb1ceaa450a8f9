import { describe, expect, it } from 'vitest';
import { companyTimeline, type TimelineFacts } from '../../src/domain/timeline.ts';
import { claim, clause, company, device, launch, opticsPartner, partnership, resolution } from './builders.ts';

const facts: TimelineFacts = {
  companies: [company('huawei', { name: 'Huawei' }), opticsPartner('leica', { name: 'Leica' })],
  partnerships: [partnership('huawei', 'leica', { start: '2016-02-25', end: '2022-03-31', knownSince: '2016-02-25', endKnownSince: '2022-05-23' })],
  exclusivities: [
    clause('huawei', 'leica', { start: '2016-02-25', endsWithLaunchOf: { ...launch('huawei-p50', '2021-07-29'), deviceName: 'Huawei P50 series' }, knownSince: '2021-11-16' }),
  ],
  devices: [
    device('huawei-p50', { name: 'Huawei P50 series', opticsPartnerId: 'leica', announced: '2021-07-29', released: '2021-08', knownSince: '2021-03-01' }),
    device('xiaomi-12-ultra', { name: 'Xiaomi 12 Ultra', manufacturerId: 'xiaomi', opticsPartnerId: 'leica', knownSince: '2021-11-16' }),
  ],
  claims: [
    claim('dcs-expired', {
      statement: 'Huawei–Leica has expired.',
      subjectIds: ['huawei', 'leica'],
      publishedOn: '2020-11-20',
      resolutions: [resolution('REFUTED', '2020-11-21'), resolution('CONFIRMED', '2022-05-23')],
    }),
  ],
};

describe("a company's timeline as of a day", () => {
  it('merges partnerships, clauses, devices and claims in date order', () => {
    const events = companyTimeline('huawei', facts, '2022-06-01');
    expect(events.map((event) => [event.day, event.kind])).toEqual([
      ['2016-02-25', 'PARTNERSHIP_STARTED'],
      ['2016-02-25', 'EXCLUSIVITY_STARTED'],
      ['2020-11-20', 'CLAIM_PUBLISHED'],
      ['2020-11-21', 'CLAIM_RESOLVED'],
      ['2021-03-01', 'DEVICE_RUMOURED'],
      ['2021-07-29', 'DEVICE_ANNOUNCED'],
      ['2021-07-29', 'EXCLUSIVITY_ENDED'],
      ['2021-08-01', 'DEVICE_RELEASED'],
      ['2022-03-31', 'PARTNERSHIP_ENDED'],
      ['2022-05-23', 'CLAIM_RESOLVED'],
    ]);
  });

  it('keeps the precision of a date and names the launch a clause ended with', () => {
    const events = companyTimeline('huawei', facts, '2022-06-01');
    expect(events.find((event) => event.kind === 'DEVICE_RELEASED')).toMatchObject({ date: '2021-08', refId: 'huawei-p50' });
    expect(events.find((event) => event.kind === 'EXCLUSIVITY_ENDED')).toMatchObject({
      title: 'Exclusivity between Huawei and Leica ends with the launch of Huawei P50 series',
      knownSince: '2021-11-16',
    });
    expect(events.find((event) => event.kind === 'PARTNERSHIP_ENDED')).toMatchObject({
      title: 'Huawei and Leica stop working together',
      knownSince: '2022-05-23',
    });
  });

  it("ends a clause that ends with its partnership when the partnership's end is public", () => {
    const withPartnership = clause('huawei', 'leica', {
      id: 'with-partnership',
      start: '2016-02-25',
      knownSince: '2016-02-25',
      endsWithPartnership: { partnershipId: 'huawei-leica', end: '2022-03-31', endKnownSince: '2022-05-23' },
    });
    const story = { ...facts, exclusivities: [withPartnership] };
    expect(companyTimeline('huawei', story, '2022-05-22').filter((event) => event.kind === 'EXCLUSIVITY_ENDED')).toEqual([]);
    expect(companyTimeline('huawei', story, '2022-05-23').find((event) => event.kind === 'EXCLUSIVITY_ENDED')).toMatchObject({
      day: '2022-03-31',
      title: 'Exclusivity between Huawei and Leica ends with their partnership',
      knownSince: '2022-05-23',
    });
  });

  it('leaves out what was not yet known on the day', () => {
    const kinds = companyTimeline('huawei', facts, '2021-06-01').map((event) => event.kind);
    expect(kinds).toEqual(['PARTNERSHIP_STARTED', 'CLAIM_PUBLISHED', 'CLAIM_RESOLVED', 'DEVICE_RUMOURED']);
  });

  it('shows a rumoured device that was never announced', () => {
    const events = companyTimeline('xiaomi', facts, '2022-06-01');
    expect(events).toMatchObject([{ kind: 'DEVICE_RUMOURED', day: '2021-11-16', title: 'Xiaomi 12 Ultra rumoured' }]);
  });
});
