import { describe, expect, it } from 'vitest';
import {
  claimsAsOf,
  companiesAsOf,
  companyAsOf,
  exclusivitiesAsOf,
  exclusivityAsOf,
  leakersAsOf,
  launchAsOf,
  outcomeAsOf,
  partnershipAsOf,
  partnershipsAsOf,
  resolutionAsOf,
} from '../../src/domain/as-of.ts';
import { claim, clause, company, launch, leaker, partnership, resolution } from './builders.ts';

const huaweiLeica = partnership('huawei', 'leica', {
  start: '2016-02-25',
  end: '2022-03-31',
  knownSince: '2016-02-25',
  endKnownSince: '2022-05-23',
});

describe('the view as known on a day', () => {
  it('drops a partnership that was not yet public', () => {
    expect(partnershipAsOf(huaweiLeica, '2016-02-24')).toBeNull();
    expect(partnershipsAsOf([huaweiLeica], '2016-02-25')).toHaveLength(1);
  });

  it('shows Huawei–Leica still running on 2022-04-30, after it ended but before the end was reported', () => {
    expect(partnershipAsOf(huaweiLeica, '2022-04-30')).toMatchObject({ end: null, endKnownSince: null });
  });

  it('shows Huawei–Leica ended on 2022-03-31 once the end was reported on 2022-05-23', () => {
    expect(partnershipAsOf(huaweiLeica, '2022-05-23')).toMatchObject({ end: '2022-03-31' });
    expect(partnershipAsOf(huaweiLeica, '2022-06-01')).toBe(huaweiLeica);
  });

  it('treats an end with no known-since of its own as public from the first day of the end', () => {
    const endsIn2021 = partnership('sharp', 'leica', { end: '2021' });
    expect(partnershipAsOf(endsIn2021, '2020-12-31')?.end).toBeNull();
    expect(partnershipAsOf(endsIn2021, '2021-01-01')?.end).toBe('2021');
  });

  it('drops companies and clauses not yet public', () => {
    expect(companiesAsOf([company('xiaomi', { knownSince: '2010-04-06' })], '2010-04-05')).toEqual([]);
    expect(exclusivitiesAsOf([clause('huawei', 'leica', { knownSince: '2021-11-16' })], '2021-11-15')).toEqual([]);
  });

  it('hides a dissolution until it is public, by default from the first day of its period', () => {
    const quietlyGone = company('gone', { dissolved: '2020-06', dissolvedKnownSince: '2021-03-01' });
    expect(companyAsOf(quietlyGone, '2021-02-28')).toMatchObject({ id: 'gone', dissolved: null, dissolvedKnownSince: null });
    expect(companyAsOf(quietlyGone, '2021-03-01')).toBe(quietlyGone);
    const gone = company('gone', { dissolved: '2020-06' });
    expect(companyAsOf(gone, '2020-05-31')?.dissolved).toBeNull();
    expect(companyAsOf(gone, '2020-06-01')?.dissolved).toBe('2020-06');
    expect(companiesAsOf(companiesAsOf([quietlyGone], '2021-01-01'), '2021-01-01')).toEqual(companiesAsOf([quietlyGone], '2021-01-01'));
  });

  it('hides the end of the partnership a clause ends with until that end is public', () => {
    const withPartnership = clause('huawei', 'leica', { endsWithPartnership: { partnershipId: 'huawei-leica', end: '2022-03-31', endKnownSince: '2022-05-23' } });
    expect(exclusivityAsOf(withPartnership, '2022-05-22')?.endsWithPartnership).toEqual({ partnershipId: 'huawei-leica', end: null, endKnownSince: null });
    expect(exclusivityAsOf(withPartnership, '2022-05-23')).toBe(withPartnership);
  });

  it('hides a clause end reported later than the as-of day', () => {
    const endsLater = clause('huawei', 'leica', { end: '2021-06', endKnownSince: '2021-09-01' });
    expect(exclusivityAsOf(endsLater, '2021-08-31')?.end).toBeNull();
    expect(exclusivityAsOf(endsLater, '2021-09-01')?.end).toBe('2021-06');
  });

  it('hides a launch until it is public, by default from the first day of its announcement', () => {
    const p50 = launch('huawei-p50', '2021-07-29');
    expect(launchAsOf(p50, '2021-07-28').announced).toBeNull();
    expect(launchAsOf(p50, '2021-07-29').announced).toBe('2021-07-29');
    const reportedLate = launch('huawei-p50', '2021-07-29', '2021-08-15');
    expect(launchAsOf(reportedLate, '2021-08-14').announced).toBeNull();
    const seenThroughClause = exclusivityAsOf(clause('huawei', 'leica', { endsWithLaunchOf: reportedLate }), '2021-08-01');
    expect(seenThroughClause?.endsWithLaunchOf).toMatchObject({ deviceId: 'huawei-p50', announced: null });
  });

  it('drops claims published after the as-of day and the resolutions not yet public', () => {
    const dcs = claim('dcs', { publishedOn: '2021-11-16', resolutions: [resolution('CONFIRMED', '2022-05-23')] });
    expect(claimsAsOf([dcs], '2021-11-15')).toEqual([]);
    expect(claimsAsOf([dcs], '2021-11-16')[0]?.resolutions).toEqual([]);
    expect(claimsAsOf([dcs], '2022-05-23')[0]).toBe(dcs);
  });

  it('gives the same view when a view is applied twice', () => {
    const day = '2021-02-01';
    const clauses = exclusivitiesAsOf([clause('huawei', 'leica', { end: '2021', endKnownSince: '2021-06-01' })], day);
    const claims = claimsAsOf([claim('c', { publishedOn: '2021-01-01', resolutions: [resolution('REFUTED', '2021-03-01')] })], day);
    expect(leakersAsOf([leaker('dcs', { knownSince: '2022-01-01' })], day)).toEqual([]);
    expect(clauses[0]?.end).toBeNull();
    expect(exclusivitiesAsOf(clauses, day)).toEqual(clauses);
    expect(claimsAsOf(claims, day)).toEqual(claims);
    expect(partnershipsAsOf(partnershipsAsOf([huaweiLeica], day), day)).toEqual(partnershipsAsOf([huaweiLeica], day));
    expect(companiesAsOf(companiesAsOf([company('huawei')], day), day)).toEqual([company('huawei')]);
  });
});

describe('a claim outcome as of a day', () => {
  // Digital Chat Station said in Nov 2020 that Huawei–Leica had expired; Huawei denied it; it ended in 2022.
  const expired = claim('dcs-huawei-leica-expired', {
    kind: 'PARTNERSHIP_ENDED',
    publishedOn: '2020-11-20',
    resolutions: [resolution('REFUTED', '2020-11-21'), resolution('CONFIRMED', '2022-05-23')],
  });

  it('is unresolved before any resolution is public', () => {
    expect(outcomeAsOf(expired, '2020-11-20')).toBe('UNRESOLVED');
    expect(resolutionAsOf(expired, '2020-11-20')).toBeNull();
  });

  it('is refuted between the denial and the vindication', () => {
    expect(outcomeAsOf(expired, '2020-11-21')).toBe('REFUTED');
    expect(outcomeAsOf(expired, '2022-05-22')).toBe('REFUTED');
  });

  it('is confirmed once the vindication is public', () => {
    expect(outcomeAsOf(expired, '2022-05-23')).toBe('CONFIRMED');
  });

  it('is unresolved for a claim not yet published', () => {
    expect(outcomeAsOf(expired, '2020-11-19')).toBe('UNRESOLVED');
  });
});
