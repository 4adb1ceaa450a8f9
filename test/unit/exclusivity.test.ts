import { describe, expect, it } from 'vitest';
import { bindsCompany, clauseEnd, contradictions, coversRegion, inForceOn } from '../../src/domain/exclusivity.ts';
import { clause, launch, partnership } from './builders.ts';

describe('when a clause is in force', () => {
  it('binds from the first day of an imprecise start', () => {
    const fromQ3 = clause('huawei', 'leica', { start: '2021-Q3' });
    expect(inForceOn(fromQ3, '2021-06-30', '2022-01-01')).toBe(false);
    expect(inForceOn(fromQ3, '2021-07-01', '2022-01-01')).toBe(true);
  });

  it('binds until 2021-12-31 when it ends "in 2021"', () => {
    const endsIn2021 = clause('huawei', 'leica', { end: '2021', endKnownSince: '2020-01-01' });
    expect(clauseEnd(endsIn2021, '2022-01-01')).toMatchObject({ lastDay: '2021-12-31', basis: 'DATE', date: '2021' });
    expect(inForceOn(endsIn2021, '2021-12-31', '2022-01-01')).toBe(true);
    expect(inForceOn(endsIn2021, '2022-01-01', '2022-01-01')).toBe(false);
  });

  it('binds until the last day of a half or a quarter', () => {
    expect(clauseEnd(clause('a', 'b', { end: '2022-H1' }), '2023-01-01').lastDay).toBe('2022-06-30');
    expect(clauseEnd(clause('a', 'b', { end: '2022-Q3' }), '2023-01-01').lastDay).toBe('2022-09-30');
  });

  it('binds up to and including the day of the launch it ends with', () => {
    const untilP50 = clause('huawei', 'leica', { endsWithLaunchOf: launch('huawei-p50', '2021-07-29') });
    expect(clauseEnd(untilP50, '2021-11-16')).toMatchObject({ lastDay: '2021-07-29', basis: 'LAUNCH' });
    expect(inForceOn(untilP50, '2021-07-29', '2021-11-16')).toBe(true);
    expect(inForceOn(untilP50, '2021-07-30', '2021-11-16')).toBe(false);
  });

  it('binds until the last day of the period of a launch dated only to a month or a quarter', () => {
    const untilJuly = clause('huawei', 'leica', { endsWithLaunchOf: launch('huawei-p50', '2021-07') });
    expect(clauseEnd(untilJuly, '2021-11-16')).toMatchObject({ lastDay: '2021-07-31', basis: 'LAUNCH' });
    expect(inForceOn(untilJuly, '2021-07-31', '2021-11-16')).toBe(true);
    expect(inForceOn(untilJuly, '2021-08-01', '2021-11-16')).toBe(false);
    const untilQ4 = clause('huawei', 'leica', { endsWithLaunchOf: launch('huawei-p60', '2023-Q4') });
    expect(clauseEnd(untilQ4, '2024-02-01').lastDay).toBe('2023-12-31');
  });

  it('stays open while the launch it ends with has not happened', () => {
    const untilP50 = clause('huawei', 'leica', {
      endsWithLaunchOf: launch('huawei-p50', null),
      endCondition: 'ends with the launch of the P50 series',
    });
    expect(clauseEnd(untilP50, '2021-11-16')).toEqual({
      lastDay: null,
      basis: 'AWAITING_LAUNCH',
      launch: launch('huawei-p50', null),
      endCondition: 'ends with the launch of the P50 series',
      date: null,
    });
    expect(inForceOn(untilP50, '2030-01-01', '2021-11-16')).toBe(true);
  });

  it('stays open while the launch it ends with is not yet public on the as-of day', () => {
    const untilP50 = clause('huawei', 'leica', { endsWithLaunchOf: launch('huawei-p50', '2021-07-29') });
    expect(clauseEnd(untilP50, '2021-07-28')).toMatchObject({ lastDay: null, basis: 'AWAITING_LAUNCH' });
    expect(inForceOn(untilP50, '2021-08-01', '2021-07-28')).toBe(true);
  });

  it("ends with its partnership, on the last day of the partnership's end, once that end is public", () => {
    const withPartnership = clause('xiaomi', 'leica', {
      start: '2022-05-23',
      endsWithPartnership: { partnershipId: 'xiaomi-leica', end: '2026-Q1', endKnownSince: '2026-02-10' },
    });
    expect(clauseEnd(withPartnership, '2026-02-09')).toMatchObject({ lastDay: null, basis: 'AWAITING_PARTNERSHIP_END' });
    expect(inForceOn(withPartnership, '2026-06-01', '2026-02-09')).toBe(true);
    expect(clauseEnd(withPartnership, '2026-02-10')).toMatchObject({ lastDay: '2026-03-31', basis: 'PARTNERSHIP_END' });
    expect(inForceOn(withPartnership, '2026-03-31', '2026-02-10')).toBe(true);
    expect(inForceOn(withPartnership, '2026-04-01', '2026-02-10')).toBe(false);
  });

  it('has no known end while the partnership it ends with still runs', () => {
    const running = clause('xiaomi', 'leica', { endsWithPartnership: { partnershipId: 'xiaomi-leica', end: null, endKnownSince: null } });
    expect(clauseEnd(running, '2030-01-01')).toMatchObject({ lastDay: null, basis: 'AWAITING_PARTNERSHIP_END' });
  });

  it('prefers a public end date to the launch it ends with', () => {
    const both = clause('huawei', 'leica', { end: '2021-06-30', endsWithLaunchOf: launch('huawei-p50', '2021-07-29') });
    expect(clauseEnd(both, '2021-11-16')).toMatchObject({ lastDay: '2021-06-30', basis: 'DATE' });
  });

  it('says what the end depends on when it is only a condition, or nothing at all', () => {
    const conditional = clause('xiaomi', 'leica', { endCondition: 'until the contract is renewed' });
    expect(clauseEnd(conditional, '2023-01-01')).toMatchObject({ lastDay: null, basis: 'AWAITING_CONDITION' });
    expect(clauseEnd(clause('xiaomi', 'leica'), '2023-01-01')).toMatchObject({ lastDay: null, basis: 'UNKNOWN' });
  });

  it('hides an end reported after the as-of day, and the clause itself before it is public', () => {
    const reportedLate = clause('huawei', 'leica', { end: '2021-06-30', endKnownSince: '2021-09-01', knownSince: '2020-01-01' });
    expect(clauseEnd(reportedLate, '2021-08-01')).toMatchObject({ lastDay: null, basis: 'UNKNOWN' });
    expect(inForceOn(reportedLate, '2021-08-01', '2021-08-01')).toBe(true);
    expect(inForceOn(reportedLate, '2021-08-01', '2019-12-31')).toBe(false);
  });
});

describe('an end date given without its own known-since day', () => {
  it('is public only from the first day of its period, so a planned end must carry its known-since day', () => {
    const endsIn2025 = clause('xiaomi', 'leica', { end: '2025' });
    expect(clauseEnd(endsIn2025, '2024-12-31')).toMatchObject({ lastDay: null, basis: 'UNKNOWN' });
    expect(clauseEnd(endsIn2025, '2025-01-01')).toMatchObject({ lastDay: '2025-12-31', basis: 'DATE' });
    expect(clauseEnd({ ...endsIn2025, endKnownSince: '2022-07-04' }, '2024-12-31').lastDay).toBe('2025-12-31');
  });
});

describe('whom a clause binds', () => {
  it('binds the optics partner, the manufacturer, or both', () => {
    expect(bindsCompany(clause('huawei', 'leica', { binds: 'OPTICS_PARTNER' }), 'leica')).toBe(true);
    expect(bindsCompany(clause('huawei', 'leica', { binds: 'OPTICS_PARTNER' }), 'huawei')).toBe(false);
    expect(bindsCompany(clause('huawei', 'leica', { binds: 'MANUFACTURER' }), 'huawei')).toBe(true);
    expect(bindsCompany(clause('huawei', 'leica', { binds: 'MANUFACTURER' }), 'leica')).toBe(false);
    expect(bindsCompany(clause('huawei', 'leica', { binds: 'BOTH' }), 'leica')).toBe(true);
    expect(bindsCompany(clause('huawei', 'leica', { binds: 'BOTH' }), 'huawei')).toBe(true);
    expect(bindsCompany(clause('huawei', 'leica', { binds: 'BOTH' }), 'xiaomi')).toBe(false);
  });
});

describe('where a clause applies', () => {
  const exceptJapan = clause('xiaomi', 'leica', { exceptRegions: ['JP'] });

  it('does not bind "worldwide except Japan" in Japan', () => {
    expect(coversRegion(exceptJapan, 'JP')).toBe(false);
  });

  it('binds "worldwide except Japan" in China and when no region is asked', () => {
    expect(coversRegion(exceptJapan, 'CN')).toBe(true);
    expect(coversRegion(exceptJapan, null)).toBe(true);
  });

  it('binds a clause listing regions only in those regions', () => {
    const chinaOnly = clause('xiaomi', 'leica', { regions: ['CN'] });
    expect(coversRegion(chinaOnly, 'CN')).toBe(true);
    expect(coversRegion(chinaOnly, 'DE')).toBe(false);
    expect(coversRegion(chinaOnly, null)).toBe(true);
  });

  it('compares region codes regardless of case', () => {
    expect(coversRegion(exceptJapan, 'jp')).toBe(false);
  });

  it('does not count a clause whose exceptions remove every region it lists', () => {
    expect(coversRegion(clause('xiaomi', 'leica', { regions: ['JP'], exceptRegions: ['JP'] }), null)).toBe(false);
  });
});

describe('contradictions', () => {
  const huaweiClause = clause('huawei', 'leica', {
    start: '2016-02-25',
    endsWithLaunchOf: launch('huawei-p50', '2021-07-29'),
    knownSince: '2021-11-16',
  });
  const sharpLeica = partnership('sharp', 'leica', { start: '2021-05-17', knownSince: '2021-05-17' });
  const huaweiLeica = partnership('huawei', 'leica', { start: '2016-02-25' });

  it('shows Sharp launching a Leica phone while the Huawei–Leica clause still bound Leica', () => {
    const found = contradictions(huaweiClause, [huaweiLeica, sharpLeica], '2021-11-16');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      partnership: sharpLeica,
      boundPartyId: 'leica',
      overlapFrom: '2021-05-17',
      overlapUntil: '2021-07-29',
      clauseIsRegional: false,
    });
  });

  it('finds none for a partnership that started after the clause ended', () => {
    const afterwards = partnership('xiaomi', 'leica', { start: '2022-05-23' });
    expect(contradictions(huaweiClause, [afterwards], '2022-06-01')).toEqual([]);
  });

  it('finds none for partnerships of a party the clause does not bind', () => {
    const huaweiElsewhere = partnership('huawei', 'xmage', { start: '2021-01-01' });
    expect(contradictions(huaweiClause, [huaweiElsewhere], '2021-11-16')).toEqual([]);
    const bindsHuawei = { ...huaweiClause, binds: 'MANUFACTURER' as const };
    expect(contradictions(bindsHuawei, [huaweiElsewhere], '2021-11-16')[0]).toMatchObject({ boundPartyId: 'huawei' });
  });

  it('finds none while the clause or the partnership is not yet public', () => {
    expect(contradictions(huaweiClause, [sharpLeica], '2021-11-15')).toEqual([]);
    expect(contradictions({ ...huaweiClause, knownSince: '2020-01-01' }, [sharpLeica], '2021-05-16')).toEqual([]);
  });

  it('leaves the overlap open while both are open, and flags a regional clause', () => {
    const xiaomiClause = clause('xiaomi', 'leica', { start: '2022-05-23', exceptRegions: ['JP'] });
    const found = contradictions(xiaomiClause, [sharpLeica], '2023-01-01');
    expect(found[0]).toMatchObject({ overlapFrom: '2022-05-23', overlapUntil: null, clauseIsRegional: true });
  });
});
