/**
 * The world as it was known on a day A.
 *
 * Every fact has a valid time (when it held) and a known-since day (when it became public); parts of a
 * fact that are learned later (a partnership's end, a device's launch, a claim's outcome) carry their own.
 * These functions return the facts as they looked on A: facts not yet public are dropped, and parts not
 * yet public are hidden (set to null), so every rule downstream can read the facts without thinking
 * about report time again. Applying a view twice gives the same view.
 */
import type { ClaimFact, CompanyFact, Day, ExclusivityFact, FuzzyDate, LaunchFact, LeakerFact, Outcome, PartnershipEndFact, PartnershipFact, ResolutionFact } from './facts.ts';
import { firstDay, lastDay } from './fuzzy-date.ts';

export function isKnownOn(knownSince: Day, asOf: Day): boolean {
  return knownSince <= asOf;
}

/**
 * Whether a later-learned date (an end, a launch) is public on A. Without its own known-since day it is
 * public from the first day of its own period, as the bundle format says.
 */
export function isDateKnownOn(date: FuzzyDate | null, knownSince: Day | null, asOf: Day): boolean {
  if (date === null) return false;
  return isKnownOn(knownSince ?? firstDay(date), asOf);
}

/** null when the company itself was not public on A; its dissolution is hidden until it was. */
export function companyAsOf(company: CompanyFact, asOf: Day): CompanyFact | null {
  if (!isKnownOn(company.knownSince, asOf)) return null;
  if (company.dissolved === null || isDateKnownOn(company.dissolved, company.dissolvedKnownSince, asOf)) return company;
  return { ...company, dissolved: null, dissolvedKnownSince: null };
}

export function companiesAsOf(companies: CompanyFact[], asOf: Day): CompanyFact[] {
  return companies.flatMap((company) => companyAsOf(company, asOf) ?? []);
}

export function leakersAsOf(leakers: LeakerFact[], asOf: Day): LeakerFact[] {
  return leakers.filter((leaker) => isKnownOn(leaker.knownSince, asOf));
}

/** null when the partnership itself was not public on A; its end is hidden until it was. */
export function partnershipAsOf(partnership: PartnershipFact, asOf: Day): PartnershipFact | null {
  if (!isKnownOn(partnership.knownSince, asOf)) return null;
  if (partnership.end === null || isDateKnownOn(partnership.end, partnership.endKnownSince, asOf)) return partnership;
  return { ...partnership, end: null, endKnownSince: null };
}

/** Whether the partnership runs on `day`, as known on A: public by A, started by `day`, and no end public by A before `day`. */
export function partnershipRunningOn(partnership: PartnershipFact, day: Day, asOf: Day): boolean {
  const known = partnershipAsOf(partnership, asOf);
  return known !== null && firstDay(known.start) <= day && (known.end === null || lastDay(known.end) >= day);
}

export function partnershipsAsOf(partnerships: PartnershipFact[], asOf: Day): PartnershipFact[] {
  return partnerships.flatMap((partnership) => partnershipAsOf(partnership, asOf) ?? []);
}

/** A launch that was not public on A looks like one that has not happened. */
export function launchAsOf(launch: LaunchFact, asOf: Day): LaunchFact {
  if (launch.announced === null || isDateKnownOn(launch.announced, launch.announcedKnownSince, asOf)) return launch;
  return { ...launch, announced: null, announcedKnownSince: null };
}

/** A partnership end that was not public on A looks like one that has not come. */
export function partnershipEndAsOf(partnershipEnd: PartnershipEndFact, asOf: Day): PartnershipEndFact {
  if (partnershipEnd.end === null || isDateKnownOn(partnershipEnd.end, partnershipEnd.endKnownSince, asOf)) return partnershipEnd;
  return { ...partnershipEnd, end: null, endKnownSince: null };
}

/**
 * null when the clause itself was not public on A; its end, the launch it waits for and the end of the
 * partnership it ends with are hidden until they were.
 */
export function exclusivityAsOf(clause: ExclusivityFact, asOf: Day): ExclusivityFact | null {
  if (!isKnownOn(clause.knownSince, asOf)) return null;
  const endIsKnown = clause.end === null || isDateKnownOn(clause.end, clause.endKnownSince, asOf);
  const launch = clause.endsWithLaunchOf === null ? null : launchAsOf(clause.endsWithLaunchOf, asOf);
  const withPartnership = clause.endsWithPartnership === null ? null : partnershipEndAsOf(clause.endsWithPartnership, asOf);
  if (endIsKnown && launch === clause.endsWithLaunchOf && withPartnership === clause.endsWithPartnership) return clause;
  return {
    ...clause,
    end: endIsKnown ? clause.end : null,
    endKnownSince: endIsKnown ? clause.endKnownSince : null,
    endsWithLaunchOf: launch,
    endsWithPartnership: withPartnership,
  };
}

export function exclusivitiesAsOf(clauses: ExclusivityFact[], asOf: Day): ExclusivityFact[] {
  return clauses.flatMap((clause) => exclusivityAsOf(clause, asOf) ?? []);
}

/**
 * The resolution in force on A: the last one, in the list's order (oldest first), that was public by A.
 * A claim refuted and later vindicated therefore reads REFUTED between the two and CONFIRMED after.
 */
export function resolutionAsOf(claim: ClaimFact, asOf: Day): ResolutionFact | null {
  if (!isKnownOn(claim.publishedOn, asOf)) return null;
  return resolutionsKnownOn(claim.resolutions, asOf).at(-1) ?? null;
}

/** The decisions public on A, in their order: a decision shows from the day it became public. */
export function resolutionsKnownOn<Resolution extends { knownSince: Day }>(resolutions: Resolution[], asOf: Day): Resolution[] {
  return resolutions.filter((resolution) => isKnownOn(resolution.knownSince, asOf));
}

/** An ownership's end as known on A (null while it was not yet public); the same rule as every later-learned date. */
export function ownershipEndAsOf(ownership: { end: FuzzyDate | null; endKnownSince: Day | null }, asOf: Day): FuzzyDate | null {
  return isDateKnownOn(ownership.end, ownership.endKnownSince, asOf) ? ownership.end : null;
}

export function outcomeAsOf(claim: ClaimFact, asOf: Day): Outcome {
  return resolutionAsOf(claim, asOf)?.outcome ?? 'UNRESOLVED';
}

/** null for a claim published after A; otherwise the claim with only the resolutions public by A. */
export function claimAsOf(claim: ClaimFact, asOf: Day): ClaimFact | null {
  if (!isKnownOn(claim.publishedOn, asOf)) return null;
  const resolutions = resolutionsKnownOn(claim.resolutions, asOf);
  return resolutions.length === claim.resolutions.length ? claim : { ...claim, resolutions };
}

export function claimsAsOf(claims: ClaimFact[], asOf: Day): ClaimFact[] {
  return claims.flatMap((claim) => claimAsOf(claim, asOf) ?? []);
}
