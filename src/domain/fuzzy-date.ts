/**
 * Imprecise valid-time dates (`2021`, `2021-H2`, `2021-Q3`, `2021-07`, `2021-07-29`) and exact days.
 *
 * A fuzzy date keeps its precision; the rules only ever need the period it stands for: a start counts
 * from the period's first day, an end until its last day ("ends in 2021" binds until 2021-12-31).
 * Days are `YYYY-MM-DD` strings so that they compare correctly as strings.
 */
import type { Day, FuzzyDate } from './facts.ts';

export type Precision = 'YEAR' | 'HALF' | 'QUARTER' | 'MONTH' | 'DAY';

export interface FuzzyPeriod {
  value: FuzzyDate;
  precision: Precision;
  firstDay: Day;
  lastDay: Day;
}

export const ACCEPTED_FUZZY_FORMS = '`2021` (year), `2021-H2` (half year), `2021-Q3` (quarter), `2021-07` (month) or `2021-07-29` (day)';
export const ACCEPTED_DAY_FORM = 'a calendar day `YYYY-MM-DD`, e.g. `2021-07-29`';

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Thrown for a date that is malformed, or well-formed but not on the calendar; then `offCalendar`
 * says why in a sentence ("2021-02-30" is not on the calendar: February 2021 has 28 days). The one
 * place a date's problem is put in words: the importer's validation and the GraphQL Date scalar both
 * report it.
 */
export class InvalidDateError extends Error {
  readonly value: unknown;
  readonly offCalendar: string | null;

  constructor(value: unknown, accepted: string, whyOffCalendar: string | null = null) {
    super(`Invalid date ${JSON.stringify(value)}: expected ${accepted}`);
    this.name = 'InvalidDateError';
    this.value = value;
    this.offCalendar = whyOffCalendar === null ? null : `${JSON.stringify(value)} is not on the calendar: ${whyOffCalendar}`;
  }
}

const FUZZY_PATTERN = /^(\d{4})(?:-(?:H([12])|Q([1-4])|(\d{2})(?:-(\d{2}))?))?$/;

export function parseFuzzyDate(value: FuzzyDate): FuzzyPeriod {
  const match = typeof value === 'string' ? FUZZY_PATTERN.exec(value) : null;
  if (match === null) throw new InvalidDateError(value, ACCEPTED_FUZZY_FORMS);
  const [, yearText, half, quarter, monthText, dayText] = match;
  const year = Number(yearText);
  if (year < 1) throw new InvalidDateError(value, ACCEPTED_FUZZY_FORMS, 'there is no year 0000');

  if (half !== undefined) {
    const firstMonth = (Number(half) - 1) * 6 + 1;
    return period(value, 'HALF', year, firstMonth, firstMonth + 5);
  }
  if (quarter !== undefined) {
    const firstMonth = (Number(quarter) - 1) * 3 + 1;
    return period(value, 'QUARTER', year, firstMonth, firstMonth + 2);
  }
  if (monthText === undefined) return period(value, 'YEAR', year, 1, 12);

  const month = Number(monthText);
  if (month < 1 || month > 12) throw new InvalidDateError(value, ACCEPTED_FUZZY_FORMS, 'months run from 01 to 12');
  if (dayText === undefined) return period(value, 'MONTH', year, month, month);

  const day = Number(dayText);
  if (day < 1 || day > daysInMonth(year, month)) {
    throw new InvalidDateError(value, ACCEPTED_FUZZY_FORMS, `${MONTH_NAMES[month - 1]} ${yearText} has ${daysInMonth(year, month)} days`);
  }
  return { value, precision: 'DAY', firstDay: value, lastDay: value };
}

export function isFuzzyDate(value: unknown): value is FuzzyDate {
  try {
    parseFuzzyDate(value as FuzzyDate);
    return true;
  } catch {
    return false;
  }
}

/** True for an exact calendar day `YYYY-MM-DD` (2021-02-30 is not one). */
export function isDay(value: unknown): value is Day {
  return typeof value === 'string' && value.length === 10 && isFuzzyDate(value);
}

/** Returns the value as a Day, or throws naming the bad value and the accepted form. */
export function parseDay(value: unknown): Day {
  if (isDay(value)) return value;
  // A well-formed day off the calendar says why (parseFuzzyDate's reason); anything else, the form.
  if (typeof value === 'string' && value.length === 10) parseFuzzyDate(value);
  throw new InvalidDateError(value, ACCEPTED_DAY_FORM);
}

export function firstDay(date: FuzzyDate): Day {
  return parseFuzzyDate(date).firstDay;
}

export function lastDay(date: FuzzyDate): Day {
  return parseFuzzyDate(date).lastDay;
}

export function addDays(day: Day, n: number): Day {
  const [year, month, date] = parseDay(day).split('-').map(Number) as [number, number, number];
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 onto 1900-1999.
  const moment = new Date(0);
  moment.setUTCFullYear(year, month - 1, date + n);
  return formatDay(moment.getUTCFullYear(), moment.getUTCMonth() + 1, moment.getUTCDate());
}

export function dayAfter(day: Day): Day {
  return addDays(day, 1);
}

export function latestDay(first: Day, ...others: Day[]): Day {
  return others.reduce((latest, day) => (day > latest ? day : latest), first);
}

export function earliestDay(first: Day, ...others: Day[]): Day {
  return others.reduce((earliest, day) => (day < earliest ? day : earliest), first);
}

function period(value: FuzzyDate, precision: Precision, year: number, firstMonth: number, lastMonth: number): FuzzyPeriod {
  return {
    value,
    precision,
    firstDay: formatDay(year, firstMonth, 1),
    lastDay: formatDay(year, lastMonth, daysInMonth(year, lastMonth)),
  };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function formatDay(year: number, month: number, day: number): Day {
  if (year < 1 || year > 9999) throw new RangeError(`Day out of range: year ${year} (supported: 0001 to 9999)`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
