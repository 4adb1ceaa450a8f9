/**
 * The rules a write must keep, each in one home and in one wording: the importer (src/import/validate*.ts)
 * and the mutations (src/schema/mutations.ts) both ask them and place the answer where their writer looks,
 * the importer at the bundle path (`$.partnerships[0].end`), a mutation at its field (`end`, `input.end`).
 * Each rule answers null when the write keeps it, else a sentence: what is wrong, then how to fix it.
 */
import type { Day } from './facts.ts';
import { InvalidDateError, parseFuzzyDate, type FuzzyPeriod } from './fuzzy-date.ts';

export type DateReading<T> = { ok: true; value: T } | { ok: false; problem: string };

/** An imprecise date read by the one parser, or what is wrong with it (off the calendar: why). */
export function readFuzzyDate(value: string): DateReading<FuzzyPeriod> {
  try {
    return { ok: true, value: parseFuzzyDate(value) };
  } catch (error) {
    if (!(error instanceof InvalidDateError)) throw error;
    return { ok: false, problem: error.offCalendar ?? `${JSON.stringify(value)} is not a valid date: write 2021, 2021-H2, 2021-Q3, 2021-07 or 2021-07-29` };
  }
}

/** An exact calendar day, or what is wrong with it. */
export function readDay(value: string): DateReading<Day> {
  const read = readFuzzyDate(value);
  if (!read.ok) return read;
  if (read.value.precision !== 'DAY') return { ok: false, problem: `${JSON.stringify(value)} is not an exact day: write YYYY-MM-DD, e.g. 2021-07-29` };
  return { ok: true, value: read.value.firstDay };
}

/**
 * An end (or dissolution, or release) that is over before its start begins; imprecise dates are judged
 * by their whole period, so "2021" may end a fact that started on 2021-07-29. `what` says it in the
 * fact's words where "ends" and "starts" are not theirs ("it is dissolved before it is founded").
 */
export function endsBeforeStart(start: { field: string; period: FuzzyPeriod }, end: FuzzyPeriod, what = 'it ends before it starts'): string | null {
  if (end.lastDay >= start.period.firstDay) return null;
  return `${JSON.stringify(end.value)} is before ${start.field} ${JSON.stringify(start.period.value)}: ${what}; check both dates`;
}

/** A later part of a fact (its end, a dissolution, a release) said to be public before the fact itself. */
export function partPublicBeforeFact(noun: string, partKnownSince: Day, factKnownSince: Day): string | null {
  if (partKnownSince >= factKnownSince) return null;
  return `${partKnownSince} is before the ${noun} itself became known (${factKnownSince}): a later part cannot be public first; check both knownSince dates`;
}

/**
 * A claim's outcome is known on or after the day the claim was published. It may have been decided
 * before (a leak about what had already happened, unknown to the public until later).
 */
export function outcomeKnownBeforeClaim(knownSince: Day, publishedOn: Day): string | null {
  if (knownSince >= publishedOn) return null;
  return `${knownSince} is before the claim was published (${publishedOn}): an outcome cannot be known before the claim; check the dates`;
}

/** A decision becomes public on or after the day it is made. */
export function decisionPublicBeforeMade(knownSince: Day, decidedOn: Day): string | null {
  if (knownSince >= decidedOn) return null;
  return `${knownSince} is before decidedOn (${decidedOn}): a decision becomes known on or after the day it is made; give a later knownSince or leave it out (default: decidedOn)`;
}

/**
 * A claim's decisions become known in the order they were made, so each outcome is known no earlier
 * than the one before it. `previous` says where that one is ("the outcome listed above it
 * (resolutions[0], ...)", "the claim's latest decision") and `fix` how to put them in order.
 */
export function decisionBeforePrevious(knownSince: Day, previous: { knownSince: Day; where: string }, fix: string): string | null {
  if (knownSince >= previous.knownSince) return null;
  return `${knownSince} is before ${previous.where} (known since ${previous.knownSince}): ${fix}`;
}

/** The kinds of entity a write can refer to, and where a writer creates each. */
const CREATED_BY = {
  company: { list: 'companies', mutation: 'upsertCompany' },
  device: { list: 'devices', mutation: 'upsertDevice' },
  partnership: { list: 'partnerships', mutation: 'upsertPartnership' },
  leaker: { list: 'leakers', mutation: 'upsertLeaker' },
  source: { list: 'sources', mutation: 'upsertSource' },
} as const;

export type ReferenceKind = keyof typeof CREATED_BY;

/** A reference to an id that is neither in the graph nor in the same write. */
export function noSuchReference(kinds: readonly ReferenceKind[], id: string): string {
  const wanted = kinds.join(' or ');
  const lists = kinds.map((kind) => CREATED_BY[kind].list).join(' or ');
  const mutations = kinds.map((kind) => CREATED_BY[kind].mutation).join(' or ');
  return `no ${wanted} ${JSON.stringify(id)} exists: create it first (with ${mutations}, or in the bundle's ${lists}) or fix the id`;
}

/** A reference to an id that names an entity of another kind. */
export function wrongKindOfReference(kinds: readonly ReferenceKind[], id: string, actually: ReferenceKind): string {
  return `${JSON.stringify(id)} is a ${actually}, not a ${kinds.join(' or ')}: fix the id`;
}

/**
 * Nothing is recorded as known after today (the day every read stops at): it could be stored but
 * no read could show it.
 */
export function knownAfterToday(knownSince: Day, today: Day): string | null {
  if (knownSince <= today) return null;
  return `makes it known from ${knownSince}, after today (${today}): nothing is recorded as known after today, as no read can show it. Record it once it is public, or give the day it became public.`;
}
