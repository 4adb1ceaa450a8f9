/**
 * The date rules the JSON Schema cannot express: every date names a real calendar day or period,
 * an end does not come before its start, and a part of a fact is not public before the fact itself.
 * Defaults are taken into account the way the importer applies them (see normalise.ts), and only
 * contradictions are reported: an explicit date that defaults would make look odd is left alone.
 */
import type { FuzzyPeriod } from '../domain/fuzzy-date.ts';
import { decisionBeforePrevious, decisionPublicBeforeMade, endsBeforeStart, outcomeKnownBeforeClaim, partPublicBeforeFact, readDay, readFuzzyDate } from '../domain/write-rules.ts';
import { childPath, type Checker, type Entry } from './problems.ts';

/** Which fields are imprecise dates and which exact days, per bundle list. */
const FUZZY_FIELDS: Record<string, string[]> = {
  sources: ['publishedOn'],
  companies: ['founded', 'dissolved'],
  ownerships: ['start', 'end'],
  partnerships: ['start', 'end'],
  exclusivities: ['start', 'end'],
  devices: ['announced', 'released', 'cancelled'],
};
const DAY_FIELDS: Record<string, string[]> = {
  companies: ['knownSince', 'dissolvedKnownSince'],
  ownerships: ['knownSince', 'endKnownSince'],
  partnerships: ['knownSince', 'endKnownSince'],
  exclusivities: ['knownSince', 'endKnownSince'],
  devices: ['knownSince', 'announcedKnownSince', 'releasedKnownSince', 'cancelledKnownSince'],
  leakers: ['knownSince'],
  claims: ['publishedOn'],
};

/** A part of a fact that can become public later, and the field holding when. */
const LATER_PARTS: Record<string, [part: string, knownSince: string][]> = {
  companies: [['dissolved', 'dissolvedKnownSince']],
  ownerships: [['end', 'endKnownSince']],
  partnerships: [['end', 'endKnownSince']],
  exclusivities: [['end', 'endKnownSince']],
  devices: [
    ['announced', 'announcedKnownSince'],
    ['released', 'releasedKnownSince'],
    ['cancelled', 'cancelledKnownSince'],
  ],
};

const SPANS: Record<string, [from: string, to: string, what?: string][]> = {
  companies: [['founded', 'dissolved', 'it is dissolved before it is founded']],
  ownerships: [['start', 'end']],
  partnerships: [['start', 'end']],
  exclusivities: [['start', 'end']],
  devices: [['announced', 'released', 'it is released before it is announced']],
};

const NOUN: Record<string, string> = { companies: 'company', ownerships: 'ownership', partnerships: 'partnership', exclusivities: 'clause', devices: 'device' };

export function checkDates(entry: Entry, check: Checker): void {
  const { list, item, path } = entry;
  const periods = new Map<string, FuzzyPeriod>();
  const days = new Map<string, string>();
  for (const field of FUZZY_FIELDS[list] ?? []) {
    const period = fuzzyDate(item[field], childPath(path, field), check);
    if (period) periods.set(field, period);
  }
  for (const field of DAY_FIELDS[list] ?? []) {
    const value = day(item[field], childPath(path, field), check);
    if (value) days.set(field, value);
  }

  for (const [from, to, what] of SPANS[list] ?? []) {
    const start = periods.get(from);
    const end = periods.get(to);
    const problem = start && end ? endsBeforeStart({ field: from, period: start }, end, what) : null;
    if (problem) check.report(childPath(path, to), problem);
  }

  const first = list === 'devices' ? 'announced' : list === 'companies' ? 'founded' : 'start';
  const knownSince = days.get('knownSince') ?? periods.get(first)?.firstDay;
  if (list === 'devices' && isAbsent(item.knownSince) && isAbsent(item.announced)) {
    check.report(childPath(path, 'knownSince'), 'is required when announced is not set: give the day the device was first rumoured or mentioned');
  }
  for (const [part, partKnownSince] of LATER_PARTS[list] ?? []) {
    if (isAbsent(item[partKnownSince])) continue;
    if (isAbsent(item[part])) {
      const eventBound = list === 'exclusivities' && !isAbsent(item.endsWithLaunchOf);
      const partnershipBound = list === 'exclusivities' && item.endsWithPartnership === true;
      check.report(
        childPath(path, partKnownSince),
        eventBound
          ? 'applies to a dated end only: an end by launch becomes known when that launch does; remove endKnownSince'
          : partnershipBound
            ? "applies to a dated end only: an end with the partnership becomes known when the partnership's end does (set the partnership's endKnownSince); remove endKnownSince"
            : `is set but ${part} is not: set ${part} or remove ${partKnownSince}`,
      );
      continue;
    }
    const partDay = days.get(partKnownSince);
    const problem = partDay && knownSince ? partPublicBeforeFact(NOUN[list] ?? list, partDay, knownSince) : null;
    if (problem) check.report(childPath(path, partKnownSince), problem);
  }

  if (list === 'claims') checkResolutions(entry, days.get('publishedOn'), check);
}

function checkResolutions(entry: Entry, publishedOn: string | undefined, check: Checker): void {
  const resolutions = entry.item.resolutions;
  if (!Array.isArray(resolutions)) return;
  let previous: { knownSince: string; index: number } | null = null;
  resolutions.forEach((resolution: unknown, index) => {
    if (typeof resolution !== 'object' || resolution === null) return;
    const fields = resolution as Record<string, unknown>;
    const path = childPath(childPath(entry.path, 'resolutions'), index);
    const at = (field: string, problem: string | null) => {
      if (problem) check.report(childPath(path, field), problem);
    };
    const decidedOn = day(fields.decidedOn, childPath(path, 'decidedOn'), check);
    const explicit = day(fields.knownSince, childPath(path, 'knownSince'), check);
    const knownSince = explicit ?? (isAbsent(fields.knownSince) ? decidedOn : null);
    if (explicit && decidedOn) at('knownSince', decisionPublicBeforeMade(explicit, decidedOn));
    if (!knownSince) return;
    // Where a writer fixes the day the outcome became known: knownSince, or decidedOn that stands for it.
    const field = explicit ? 'knownSince' : 'decidedOn';
    if (publishedOn) at(field, outcomeKnownBeforeClaim(knownSince, publishedOn));
    if (previous) {
      const above = { knownSince: previous.knownSince, where: `the outcome listed above it (resolutions[${previous.index}])` };
      at(field, decisionBeforePrevious(knownSince, above, 'list resolutions oldest first'));
    }
    previous = { knownSince, index };
  });
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null;
}

/** Parses an imprecise date, reporting one the calendar does not have; shape errors are the schema's. */
function fuzzyDate(value: unknown, path: string, check: Checker): FuzzyPeriod | null {
  if (typeof value !== 'string' || !check.clean(path)) return null;
  const read = readFuzzyDate(value);
  if (read.ok) return read.value;
  check.report(path, read.problem);
  return null;
}

function day(value: unknown, path: string, check: Checker): string | null {
  if (typeof value !== 'string' || !check.clean(path)) return null;
  const read = readDay(value);
  if (read.ok) return read.value;
  check.report(path, read.problem);
  return null;
}
