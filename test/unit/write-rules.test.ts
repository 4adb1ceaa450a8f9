/**
 * The write rules the importer and the mutations share (src/domain/write-rules.ts): each holds or
 * names what is wrong and how to fix it, in the one wording both writers show.
 */
import { describe, expect, it } from 'vitest';
import { parseFuzzyDate } from '../../src/domain/fuzzy-date.ts';
import * as rules from '../../src/domain/write-rules.ts';

const start = { field: 'start', period: parseFuzzyDate('2021-07-29') };

describe('dates', () => {
  it('reads imprecise dates and days, and says why one is not on the calendar or not exact', () => {
    expect(rules.readFuzzyDate('2021-Q3')).toMatchObject({ ok: true, value: { firstDay: '2021-07-01', lastDay: '2021-09-30' } });
    expect(rules.readFuzzyDate('2021-02-30')).toEqual({ ok: false, problem: '"2021-02-30" is not on the calendar: February 2021 has 28 days' });
    expect(rules.readFuzzyDate('July 2021')).toEqual({ ok: false, problem: '"July 2021" is not a valid date: write 2021, 2021-H2, 2021-Q3, 2021-07 or 2021-07-29' });
    expect(rules.readDay('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(rules.readDay('2021-07')).toEqual({ ok: false, problem: '"2021-07" is not an exact day: write YYYY-MM-DD, e.g. 2021-07-29' });
  });
});

describe('spans and what is known when', () => {
  it('refuses an end over before the start begins, judging an imprecise end by its whole period', () => {
    expect(rules.endsBeforeStart(start, parseFuzzyDate('2021'))).toBeNull();
    expect(rules.endsBeforeStart(start, parseFuzzyDate('2021-07-29'))).toBeNull();
    expect(rules.endsBeforeStart(start, parseFuzzyDate('2021-06'))).toBe('"2021-06" is before start "2021-07-29": it ends before it starts; check both dates');
    expect(rules.endsBeforeStart({ field: 'founded', period: parseFuzzyDate('1990') }, parseFuzzyDate('1989'), 'it is dissolved before it is founded')).toMatch(
      /it is dissolved before it is founded; check both dates$/,
    );
  });

  it('refuses a later part public before the fact itself', () => {
    expect(rules.partPublicBeforeFact('partnership', '2016-02-25', '2016-02-25')).toBeNull();
    expect(rules.partPublicBeforeFact('partnership', '2015-01-01', '2016-02-25')).toBe(
      '2015-01-01 is before the partnership itself became known (2016-02-25): a later part cannot be public first; check both knownSince dates',
    );
  });

  it('refuses a knownSince after today, saying when to record it', () => {
    expect(rules.knownAfterToday('2026-11-24', '2026-11-24')).toBeNull();
    expect(rules.knownAfterToday('2026-11-25', '2026-11-24')).toMatch(/^makes it known from 2026-11-25, after today \(2026-11-24\).*Record it once it is public/);
  });
});

describe('decisions on claims', () => {
  it('are known on or after the claim is published, and on or after they are decided', () => {
    expect(rules.outcomeKnownBeforeClaim('2021-11-16', '2021-11-16')).toBeNull();
    expect(rules.outcomeKnownBeforeClaim('2021-11-01', '2021-11-16')).toMatch(
      /^2021-11-01 is before the claim was published \(2021-11-16\): an outcome cannot be known before the claim/,
    );
    expect(rules.decisionPublicBeforeMade('2021-11-01', '2021-11-01')).toBeNull();
    expect(rules.decisionPublicBeforeMade('2021-10-31', '2021-11-01')).toMatch(/^2021-10-31 is before decidedOn \(2021-11-01\).*give a later knownSince/);
  });

  it('become known in the order they were made, the fix told by where the earlier one is', () => {
    const previous = { knownSince: '2022-05-23', where: 'the outcome listed above it (resolutions[0])' };
    expect(rules.decisionBeforePrevious('2022-05-23', previous, 'list resolutions oldest first')).toBeNull();
    expect(rules.decisionBeforePrevious('2021-11-20', previous, 'list resolutions oldest first')).toBe(
      '2021-11-20 is before the outcome listed above it (resolutions[0]) (known since 2022-05-23): list resolutions oldest first',
    );
  });
});

describe('references', () => {
  it('name the missing id and both ways to create it', () => {
    expect(rules.noSuchReference(['source'], 'post')).toBe('no source "post" exists: create it first (with upsertSource, or in the bundle\'s sources) or fix the id');
    expect(rules.noSuchReference(['company', 'device'], 'nobody')).toBe(
      'no company or device "nobody" exists: create it first (with upsertCompany or upsertDevice, or in the bundle\'s companies or devices) or fix the id',
    );
    expect(rules.wrongKindOfReference(['device'], 'maker', 'company')).toBe('"maker" is a company, not a device: fix the id');
  });
});
