import { describe, expect, it } from 'vitest';
import { clausesInForce, firstFreeDayAssumingOpenEndsEnded, firstFreeDayOnOrAfter, freeFrom, freeSince } from '../../src/domain/freedom.ts';
import { clause, launch } from './builders.ts';

const untilP50 = clause('huawei', 'leica', {
  start: '2016-02-25',
  endsWithLaunchOf: launch('huawei-p50', '2021-07-29'),
  endCondition: 'ends with the launch of the P50 series',
  certainty: 'INFERRED',
  knownSince: '2021-11-16',
});

describe('when an optics partner is free', () => {
  it('has Leica free since 2021-07-30, the day after the P50 launch, as of 2021-11-16', () => {
    expect(freeFrom('leica', [untilP50], '2021-11-16')).toEqual({
      opticsPartnerId: 'leica',
      asOf: '2021-11-16',
      region: null,
      isFree: true,
      freeFrom: '2021-07-30',
      blockedBy: [],
    });
  });

  it('has Leica free only from the day after the last day of a launch dated to a quarter', () => {
    const untilQ3 = { ...untilP50, knownSince: '2020-01-01', endsWithLaunchOf: launch('huawei-p50', '2021-Q3') };
    expect(freeFrom('leica', [untilQ3], '2021-09-30')).toMatchObject({ isFree: false, freeFrom: null });
    expect(freeFrom('leica', [untilQ3], '2021-11-16')).toMatchObject({ isFree: true, freeFrom: '2021-10-01' });
  });

  it('has no freeFrom for a partner no clause ever bound', () => {
    expect(freeFrom('zeiss', [untilP50], '2021-11-16')).toMatchObject({ isFree: true, freeFrom: null });
  });

  it('ignores a clause not yet public on the as-of day', () => {
    expect(freeFrom('leica', [untilP50], '2021-11-15')).toMatchObject({ isFree: true, freeFrom: null, blockedBy: [] });
  });

  it('ignores a clause that binds only the manufacturer', () => {
    const bindsHuawei = { ...untilP50, binds: 'MANUFACTURER' as const, endsWithLaunchOf: null };
    expect(freeFrom('leica', [bindsHuawei], '2021-11-16').isFree).toBe(true);
  });

  it('is blocked by a clause whose launch has not happened, and says what its end depends on', () => {
    const awaiting = { ...untilP50, knownSince: '2020-01-01', endsWithLaunchOf: launch('huawei-p50', null) };
    const freedom = freeFrom('leica', [awaiting], '2021-06-01');
    expect(freedom.isFree).toBe(false);
    expect(freedom.freeFrom).toBeNull();
    expect(freedom.blockedBy).toHaveLength(1);
    expect(freedom.blockedBy[0]?.end).toMatchObject({
      lastDay: null,
      basis: 'AWAITING_LAUNCH',
      endCondition: 'ends with the launch of the P50 series',
    });
  });

  it('is blocked by a clause with a known future end, which it shows', () => {
    const endsIn2021 = clause('huawei', 'leica', { end: '2021', endKnownSince: '2020-01-01' });
    const freedom = freeFrom('leica', [endsIn2021], '2021-06-01');
    expect(freedom.blockedBy[0]?.end).toMatchObject({ lastDay: '2021-12-31', basis: 'DATE' });
    expect(firstFreeDayOnOrAfter('2021-06-01', 'leica', [endsIn2021], '2021-06-01')).toBe('2022-01-01');
  });

  it('takes the day after the latest of several ended clauses', () => {
    const first = clause('huawei', 'leica', { id: 'first', start: '2016', end: '2018' });
    const second = clause('honor', 'leica', { id: 'second', start: '2017', end: '2019-06' });
    expect(freeFrom('leica', [first, second], '2020-01-01').freeFrom).toBe('2019-07-01');
    expect(freeSince('leica', [first, second], '2021-01-01', '2020-01-01')).toBe('2019-07-01');
  });
});

describe('a partner bound again after an earlier clause ended', () => {
  it('is not free, so it has no freeFrom, and shows the clause that binds it now', () => {
    const ended = clause('huawei', 'leica', { id: 'ended', start: '2016', end: '2021-07-29' });
    const current = clause('xiaomi', 'leica', { id: 'current', start: '2022-05-23' });
    const freedom = freeFrom('leica', [ended, current], '2023-01-01');
    expect(freedom).toMatchObject({ isFree: false, freeFrom: null });
    expect(freedom.blockedBy.map((binding) => binding.clause.id)).toEqual(['current']);
  });
});

describe('freedom by region', () => {
  const exceptJapan = clause('xiaomi', 'leica', { start: '2022-05-23', exceptRegions: ['JP'] });

  it('leaves Leica free in Japan under a clause "worldwide except Japan"', () => {
    expect(freeFrom('leica', [exceptJapan], '2023-01-01', 'JP').isFree).toBe(true);
  });

  it('binds Leica in China and when no region is given', () => {
    expect(freeFrom('leica', [exceptJapan], '2023-01-01', 'CN').isFree).toBe(false);
    expect(freeFrom('leica', [exceptJapan], '2023-01-01').isFree).toBe(false);
    expect(clausesInForce('leica', [exceptJapan], '2023-01-01', '2023-01-01', 'CN')).toHaveLength(1);
    expect(clausesInForce('leica', [exceptJapan], '2023-01-01', '2023-01-01', 'JP')).toEqual([]);
  });
});

describe('the first free day on or after a day', () => {
  it('walks across back-to-back clauses', () => {
    const first = clause('huawei', 'leica', { id: 'first', start: '2020-01-01', end: '2020-06' });
    const second = clause('honor', 'leica', { id: 'second', start: '2020-07-01', end: '2020-12-31' });
    expect(firstFreeDayOnOrAfter('2020-03-01', 'leica', [first, second], '2021-01-01')).toBe('2021-01-01');
  });

  it('returns the day itself when the partner is free', () => {
    expect(firstFreeDayOnOrAfter('2023-01-01', 'leica', [], '2023-01-01')).toBe('2023-01-01');
  });

  it('is null while a clause with no known end binds the partner', () => {
    expect(firstFreeDayOnOrAfter('2023-01-01', 'leica', [clause('xiaomi', 'leica')], '2023-01-01')).toBeNull();
  });

  it('can assume open clauses ended, naming them', () => {
    const open = clause('xiaomi', 'leica', { id: 'open' });
    const dated = clause('honor', 'leica', { id: 'dated', end: '2023-03-31', endKnownSince: '2022-01-01' });
    const found = firstFreeDayAssumingOpenEndsEnded('2023-01-01', 'leica', [open, dated], '2023-01-01');
    expect(found.day).toBe('2023-04-01');
    expect(found.assumesEndOf.map((binding) => binding.clause.id)).toEqual(['open']);
  });
});
