/**
 * When an exclusivity clause is in force, whom it binds and where, as known on a day A.
 *
 * A clause binds from the first day of its `start`. Its end, as known on A, is the first of:
 * - its `end` date, if public by A: it binds until the last day of that period;
 * - the launch it ends with, if public by A: it binds up to and including the launch day and the bound
 *   party is free the day after (Huawei's P50 launch on 2021-07-29 freed Leica from 2021-07-30). A launch
 *   dated only to a period (`2023-Q4`) binds until the last day of that period, as any imprecise end
 *   does (domain.md, "Decisions"): nobody can say it was free on a day the launch may not yet have been;
 * - the end of its partnership, for a clause that ends with it, once that end is public by A: it binds
 *   until the last day of the partnership's end (domain.md, "Decisions");
 * - otherwise nothing: the clause is open, and its end depends on a launch that has not happened, on
 *   the end of its partnership, on a condition in words, or on nothing stated at all.
 */
import type { Day, ExclusivityFact, FuzzyDate, LaunchFact, PartnershipFact } from './facts.ts';
import { exclusivityAsOf, partnershipsAsOf } from './as-of.ts';
import { earliestDay, firstDay, lastDay, latestDay } from './fuzzy-date.ts';

/**
 * - DATE: its end date is public.
 * - LAUNCH: the launch it ends with is public.
 * - AWAITING_LAUNCH: it ends with a launch that had not happened (or was not public) on A.
 * - PARTNERSHIP_END: it ends with its partnership, whose end is public.
 * - AWAITING_PARTNERSHIP_END: it ends with its partnership, which had no public end on A.
 * - AWAITING_CONDITION: it ends when a condition given only in words is met.
 * - UNKNOWN: nothing public on A says when it ends.
 */
export type EndBasis = 'DATE' | 'LAUNCH' | 'AWAITING_LAUNCH' | 'PARTNERSHIP_END' | 'AWAITING_PARTNERSHIP_END' | 'AWAITING_CONDITION' | 'UNKNOWN';

export interface ClauseEnd {
  /** The last day the clause binds; null while its end is not known on A. */
  lastDay: Day | null;
  basis: EndBasis;
  /** The launch it ends with (its `announced` hidden while not public on A). */
  launch: LaunchFact | null;
  endCondition: string | null;
  /** The end as the source gave it ("2022-Q1"), for an end on a date (basis DATE); null otherwise. */
  date: FuzzyDate | null;
}

/** A partnership of a party bound by a clause, with another company, running while the clause did. */
export interface Contradiction {
  /** The clause as known on A. */
  clause: ExclusivityFact;
  /** The bound party's partnership with someone else, as known on A. */
  partnership: PartnershipFact;
  boundPartyId: string;
  overlapFrom: Day;
  /** null while both the clause and the partnership are open on A. */
  overlapUntil: Day | null;
  /**
   * Partnerships carry no regions, so an overlap with a regional clause may be no contradiction at all
   * (Leica with Sharp in Japan while Xiaomi's clause excepts Japan).
   */
  clauseIsRegional: boolean;
}

export function clauseStart(clause: ExclusivityFact): Day {
  return firstDay(clause.start);
}

/** The clause's end as known on A; a clause not public on A has no known end. */
export function clauseEnd(clause: ExclusivityFact, asOf: Day): ClauseEnd {
  const known = exclusivityAsOf(clause, asOf);
  if (known === null) return { lastDay: null, basis: 'UNKNOWN', launch: null, endCondition: null, date: null };
  const launch = known.endsWithLaunchOf;
  const endCondition = known.endCondition;
  if (known.end !== null) return { lastDay: lastDay(known.end), basis: 'DATE', launch, endCondition, date: known.end };
  if (launch?.announced != null) return { lastDay: lastDay(launch.announced), basis: 'LAUNCH', launch, endCondition, date: null };
  if (launch !== null) return { lastDay: null, basis: 'AWAITING_LAUNCH', launch, endCondition, date: null };
  const partnershipEnd = known.endsWithPartnership?.end ?? null;
  if (partnershipEnd !== null) return { lastDay: lastDay(partnershipEnd), basis: 'PARTNERSHIP_END', launch, endCondition, date: null };
  if (known.endsWithPartnership !== null) return { lastDay: null, basis: 'AWAITING_PARTNERSHIP_END', launch, endCondition, date: null };
  if (endCondition !== null) return { lastDay: null, basis: 'AWAITING_CONDITION', launch, endCondition, date: null };
  return { lastDay: null, basis: 'UNKNOWN', launch, endCondition, date: null };
}

export function bindsCompany(clause: ExclusivityFact, companyId: string): boolean {
  const bindsPartner = clause.binds !== 'MANUFACTURER' && clause.opticsPartnerId === companyId;
  const bindsManufacturer = clause.binds !== 'OPTICS_PARTNER' && clause.manufacturerId === companyId;
  return bindsPartner || bindsManufacturer;
}

/**
 * A clause covers region R when R is among its regions (null: worldwide) and not among its exceptions.
 * Asked about no region, a clause counts if it covers any region at all.
 */
export function coversRegion(clause: ExclusivityFact, region: string | null): boolean {
  const excepted = new Set(clause.exceptRegions.map((code) => code.toUpperCase()));
  if (region === null) return clause.regions === null || clause.regions.some((code) => !excepted.has(code.toUpperCase()));
  const code = region.toUpperCase();
  const listed = clause.regions === null || clause.regions.some((covered) => covered.toUpperCase() === code);
  return listed && !excepted.has(code);
}

/** In force on `day` as known on A: public by A, started, and not ended by what was known on A. */
export function inForceOn(clause: ExclusivityFact, day: Day, asOf: Day): boolean {
  if (exclusivityAsOf(clause, asOf) === null) return false;
  const end = clauseEnd(clause, asOf).lastDay;
  return clauseStart(clause) <= day && (end === null || day <= end);
}

/**
 * Partnerships that a party bound by the clause had with some other company while the clause ran, as
 * known on A. Both stay stored; this makes the conflict visible (Sharp launched a Leica phone on
 * 2021-05-17 while the Huawei–Leica clause still bound Leica).
 */
export function contradictions(clause: ExclusivityFact, partnerships: PartnershipFact[], asOf: Day): Contradiction[] {
  const known = exclusivityAsOf(clause, asOf);
  if (known === null) return [];
  const clauseFrom = clauseStart(known);
  const clauseUntil = clauseEnd(known, asOf).lastDay;
  const clauseIsRegional = known.regions !== null || known.exceptRegions.length > 0;

  return partnershipsAsOf(partnerships, asOf).flatMap((partnership): Contradiction[] => {
    const boundPartyId = boundPartyOf(known, partnership);
    if (boundPartyId === null) return [];
    const overlapFrom = latestDay(clauseFrom, firstDay(partnership.start));
    const overlapUntil = earlierEnd(clauseUntil, partnership.end === null ? null : lastDay(partnership.end));
    if (overlapUntil !== null && overlapFrom > overlapUntil) return [];
    return [{ clause: known, partnership, boundPartyId, overlapFrom, overlapUntil, clauseIsRegional }];
  });
}

/** The party the clause binds that this partnership involves, when its counterpart is someone else. */
function boundPartyOf(clause: ExclusivityFact, partnership: PartnershipFact): string | null {
  const sameOpticsPartner = partnership.opticsPartnerId === clause.opticsPartnerId;
  const sameManufacturer = partnership.manufacturerId === clause.manufacturerId;
  if (clause.binds !== 'MANUFACTURER' && sameOpticsPartner && !sameManufacturer) return clause.opticsPartnerId;
  if (clause.binds !== 'OPTICS_PARTNER' && sameManufacturer && !sameOpticsPartner) return clause.manufacturerId;
  return null;
}

/** The earlier of two last days, where null means still open. */
function earlierEnd(first: Day | null, second: Day | null): Day | null {
  if (first === null) return second;
  if (second === null) return first;
  return earliestDay(first, second);
}
