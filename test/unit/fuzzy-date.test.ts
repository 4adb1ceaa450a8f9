import { describe, expect, it } from 'vitest';
import { addDays, firstDay, InvalidDateError, isDay, isFuzzyDate, lastDay, parseDay, parseFuzzyDate } from '../../src/domain/fuzzy-date.ts';

describe('imprecise dates', () => {
  it('reads a year as running from January 1 to December 31', () => {
    expect(parseFuzzyDate('2021')).toEqual({ value: '2021', precision: 'YEAR', firstDay: '2021-01-01', lastDay: '2021-12-31' });
  });

  it('reads halves and quarters as their months', () => {
    expect(parseFuzzyDate('2021-H1')).toMatchObject({ precision: 'HALF', firstDay: '2021-01-01', lastDay: '2021-06-30' });
    expect(parseFuzzyDate('2021-H2')).toMatchObject({ precision: 'HALF', firstDay: '2021-07-01', lastDay: '2021-12-31' });
    expect(parseFuzzyDate('2021-Q1')).toMatchObject({ precision: 'QUARTER', firstDay: '2021-01-01', lastDay: '2021-03-31' });
    expect(parseFuzzyDate('2021-Q3')).toMatchObject({ precision: 'QUARTER', firstDay: '2021-07-01', lastDay: '2021-09-30' });
    expect(parseFuzzyDate('2022-Q4')).toMatchObject({ precision: 'QUARTER', firstDay: '2022-10-01', lastDay: '2022-12-31' });
  });

  it('reads a month up to its own last day, leap years included', () => {
    expect(parseFuzzyDate('2021-07')).toMatchObject({ precision: 'MONTH', firstDay: '2021-07-01', lastDay: '2021-07-31' });
    expect(lastDay('2021-02')).toBe('2021-02-28');
    expect(lastDay('2024-02')).toBe('2024-02-29');
    expect(lastDay('2000-02')).toBe('2000-02-29');
    expect(lastDay('1900-02')).toBe('1900-02-28');
    expect(lastDay('2021-04')).toBe('2021-04-30');
  });

  it('reads a day as itself', () => {
    expect(parseFuzzyDate('2021-07-29')).toEqual({ value: '2021-07-29', precision: 'DAY', firstDay: '2021-07-29', lastDay: '2021-07-29' });
    expect(firstDay('2021-07-29')).toBe('2021-07-29');
  });

  it.each(['2021-02-30', '2021-13', '2021-00', '2021-Q5', '2021-H3', '21', '2021-7', '2021-07-1', 'Q3 2021', '', '0000', '2021-q3'])(
    'rejects %j naming the bad value and the accepted forms',
    (value) => {
      expect(() => parseFuzzyDate(value)).toThrow(InvalidDateError);
      expect(() => parseFuzzyDate(value)).toThrow(`Invalid date ${JSON.stringify(value)}: expected \`2021\` (year)`);
      expect(isFuzzyDate(value)).toBe(false);
    },
  );

  it('rejects values that are not strings without crashing', () => {
    expect(isFuzzyDate(2021)).toBe(false);
    expect(isDay(null)).toBe(false);
    expect(() => parseDay(20210729)).toThrow('Invalid date 20210729: expected a calendar day `YYYY-MM-DD`');
  });
});

describe('exact days', () => {
  it('accepts only real calendar days', () => {
    expect(isDay('2021-07-29')).toBe(true);
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2021-02-29')).toBe(false);
    expect(isDay('2021-02-30')).toBe(false);
    expect(isDay('2021-07')).toBe(false);
    expect(isDay('2021')).toBe(false);
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2021-07-29', 1)).toBe('2021-07-30');
    expect(addDays('2021-12-31', 1)).toBe('2022-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2021-03-01', -1)).toBe('2021-02-28');
    expect(addDays('2021-01-01', 365)).toBe('2022-01-01');
    expect(addDays('0050-06-15', 1)).toBe('0050-06-16');
  });

  it('refuses to add days to something that is not a day', () => {
    expect(() => addDays('2021-07', 1)).toThrow('Invalid date "2021-07"');
  });
});
