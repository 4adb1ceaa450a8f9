/**
 * Partnership outlook: who could optics partner P partner with, as known on A?
 *
 * 1. Pick the evaluation day D: the first day on or after A (and, asked "after exclusivity X", on or after
 *    the day after X ends) on which P is free in region R. A binding clause with no known end (and X, if
 *    it has none) does not stop the answer: it is treated as ended and listed in `assumesEndOf`.
 * 2. Sort every manufacturer known on A into exactly one place, checking in this order:
 *    SAME_COMPANY (it is P itself), NOT_FOUNDED, DISSOLVED, EXISTING_PARTNER (a partnership with P in
 *    force on D), BOUND_ELSEWHERE (a clause with another optics partner binds it on D in R); otherwise
 *    it is a candidate, marked if it is a past partner of P.
 * 3. Score each candidate from the evidence known on A (see partnership-evidence.ts) and order the
 *    candidates by score, highest first, then by name. The evidence comes summarised per manufacturer
 *    (the product of doubts each way), so ranking 2,000 manufacturers never needs their claims.
 */
import type { CompanyFact, Day, ExclusivityFact, PartnershipFact } from './facts.ts';
import { companiesAsOf, exclusivitiesAsOf, exclusivityAsOf, partnershipsAsOf } from './as-of.ts';
import { clauseEnd, coversRegion, inForceOn } from './exclusivity.ts';
import { clausesInForce, firstFreeDayAssumingOpenEndsEnded, freeSince, type BindingClause } from './freedom.ts';
import { dayAfter, firstDay, lastDay, latestDay, parseDay } from './fuzzy-date.ts';
import { NO_EVIDENCE, scoreOfSummary, type EvidenceSummary } from './partnership-evidence.ts';

export interface OutlookInput {
  /** The manufacturers (and the partner itself), its partnerships, and the clauses that bind it or bind manufacturers. */
  companies: CompanyFact[];
  partnerships: PartnershipFact[];
  exclusivities: ExclusivityFact[];
  /** The evidence known on A per manufacturer named with the partner; absent means none. */
  evidence: ReadonlyMap<string, EvidenceSummary>;
  opticsPartnerId: string;
  asOf: Day;
  region: string | null;
  afterExclusivityId: string | null;
}

export type ExclusionReason = 'SAME_COMPANY' | 'NOT_FOUNDED' | 'DISSOLVED' | 'EXISTING_PARTNER' | 'BOUND_ELSEWHERE';

export interface Exclusion {
  company: CompanyFact;
  reason: ExclusionReason;
  /** EXISTING_PARTNER: the partnership with P in force on D. */
  partnership: PartnershipFact | null;
  /** BOUND_ELSEWHERE: the clause with another optics partner that binds the manufacturer on D. */
  clause: BindingClause | null;
}

export interface Candidate {
  company: CompanyFact;
  score: number;
  /** How many claims the score rests on (partnership-evidence.ts lists them). */
  evidenceClaims: number;
  /** The latest partnership with P that ended before D. */
  pastPartner: PartnershipFact | null;
  /** A partnership with P, public on A, that only starts after D. */
  plannedPartner: PartnershipFact | null;
}

export interface PartnershipOutlook {
  opticsPartnerId: string;
  asOf: Day;
  region: string | null;
  afterExclusivityId: string | null;
  evaluatedOn: Day;
  /** The day after the last binding clause with a known end that ended before D; null if none did. */
  freeFrom: Day | null;
  /** The clauses binding P in force on A: why D may lie after A. */
  blockedBy: BindingClause[];
  /** Clauses with no known end that the answer treats as ended. */
  assumesEndOf: BindingClause[];
  candidates: Candidate[];
  existingPartners: Exclusion[];
  excluded: Exclusion[];
}

export class UnknownExclusivityError extends Error {
  readonly exclusivityId: string;

  constructor(exclusivityId: string, asOf: Day) {
    super(`Exclusivity "${exclusivityId}" is not known on ${asOf}; pass the id of a clause public by then`);
    this.name = 'UnknownExclusivityError';
    this.exclusivityId = exclusivityId;
  }
}

export function partnershipOutlook(input: OutlookInput): PartnershipOutlook {
  const { opticsPartnerId, region, afterExclusivityId } = input;
  const asOf = parseDay(input.asOf);
  const known = {
    companies: companiesAsOf(input.companies, asOf),
    partnerships: partnershipsAsOf(input.partnerships, asOf),
    exclusivities: exclusivitiesAsOf(input.exclusivities, asOf),
  };

  const afterX = startAfterExclusivity(input, asOf);
  const free = firstFreeDayAssumingOpenEndsEnded(
    afterX.from,
    opticsPartnerId,
    input.exclusivities,
    asOf,
    region,
    afterX.assumesEndOf.map((binding) => binding.clause.id),
  );
  const evaluatedOn = free.day;

  const exclusionContext = { opticsPartnerId, region, asOf, clausesElsewhere: clausesBindingManufacturersElsewhere(known.exclusivities, opticsPartnerId) };
  const partnershipsWithPartner = groupBy(
    known.partnerships.filter((partnership) => partnership.opticsPartnerId === opticsPartnerId),
    (partnership) => partnership.manufacturerId,
  );
  const candidates: Candidate[] = [];
  const existingPartners: Exclusion[] = [];
  const excluded: Exclusion[] = [];
  for (const company of known.companies.filter((company) => company.isManufacturer)) {
    const partnerships = partnershipsWithPartner.get(company.id) ?? [];
    const exclusion = exclusionOf(company, partnerships, exclusionContext, evaluatedOn);
    if (exclusion === null) {
      const evidence = input.evidence.get(company.id) ?? NO_EVIDENCE;
      candidates.push({
        company,
        score: scoreOfSummary(evidence),
        evidenceClaims: evidence.claims,
        pastPartner: latestEndedBefore(partnerships, evaluatedOn),
        plannedPartner: earliestStartingAfter(partnerships, evaluatedOn),
      });
    } else if (exclusion.reason === 'EXISTING_PARTNER') {
      existingPartners.push(exclusion);
    } else {
      excluded.push(exclusion);
    }
  }

  return {
    opticsPartnerId,
    asOf,
    region,
    afterExclusivityId,
    evaluatedOn,
    freeFrom: freeSince(opticsPartnerId, input.exclusivities, evaluatedOn, asOf, region),
    blockedBy: clausesInForce(opticsPartnerId, input.exclusivities, asOf, asOf, region),
    assumesEndOf: [...afterX.assumesEndOf, ...free.assumesEndOf],
    candidates: candidates.sort((a, b) => byScore(a, b) || byName(a.company, b.company)),
    existingPartners: existingPartners.sort((a, b) => byName(a.company, b.company)),
    excluded: excluded.sort((a, b) => byName(a.company, b.company)),
  };
}

/** The day the search for D starts from: A, or the day after X ends if later; X with no known end is assumed ended. */
function startAfterExclusivity(input: OutlookInput, asOf: Day): { from: Day; assumesEndOf: BindingClause[] } {
  if (input.afterExclusivityId === null) return { from: asOf, assumesEndOf: [] };
  const stored = input.exclusivities.find((clause) => clause.id === input.afterExclusivityId);
  const clause = stored === undefined ? null : exclusivityAsOf(stored, asOf);
  if (clause === null) throw new UnknownExclusivityError(input.afterExclusivityId, asOf);
  const end = clauseEnd(clause, asOf);
  if (end.lastDay === null) return { from: asOf, assumesEndOf: [{ clause, end }] };
  return { from: latestDay(asOf, dayAfter(end.lastDay)), assumesEndOf: [] };
}

/** What the exclusion rules need besides the manufacturer: the question, and the clauses known on A. */
interface ExclusionContext {
  opticsPartnerId: string;
  region: string | null;
  asOf: Day;
  /** Clauses known on A with other optics partners that bind their manufacturer, by manufacturer. */
  clausesElsewhere: Map<string, ExclusivityFact[]>;
}

/** Looked up per manufacturer, so sorting 2,000 manufacturers reads each clause once, not 2,000 times. */
function clausesBindingManufacturersElsewhere(clauses: ExclusivityFact[], opticsPartnerId: string): Map<string, ExclusivityFact[]> {
  return groupBy(
    clauses.filter((clause) => clause.opticsPartnerId !== opticsPartnerId && clause.binds !== 'OPTICS_PARTNER'),
    (clause) => clause.manufacturerId,
  );
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/**
 * The first reason that keeps the manufacturer from being a candidate on D, or null (the company as
 * known on A: a dissolution not yet public on A is not there). Founding and dissolution give the
 * company the benefit of the doubt, as any start and end do: it counts as not yet founded only when
 * even the first day of `founded` is after D, and as dissolved only from the day after the last day of
 * `dissolved` (domain.md: a company dissolved in 2021 still exists on every day of 2021).
 */
function exclusionOf(company: CompanyFact, partnerships: PartnershipFact[], context: ExclusionContext, day: Day): Exclusion | null {
  const exclusion = (reason: ExclusionReason, partnership: PartnershipFact | null = null, clause: BindingClause | null = null): Exclusion => ({
    company,
    reason,
    partnership,
    clause,
  });
  if (company.id === context.opticsPartnerId) return exclusion('SAME_COMPANY');
  if (company.founded !== null && firstDay(company.founded) > day) return exclusion('NOT_FOUNDED');
  if (company.dissolved !== null && lastDay(company.dissolved) < day) return exclusion('DISSOLVED');

  const inForce = partnerships.filter((partnership) => partnershipStart(partnership) <= day && !endedBefore(partnership, day));
  const latestInForce = byStart(inForce).at(-1);
  if (latestInForce !== undefined) return exclusion('EXISTING_PARTNER', latestInForce);

  const bindingElsewhere = (context.clausesElsewhere.get(company.id) ?? []).find((clause) => coversRegion(clause, context.region) && inForceOn(clause, day, context.asOf));
  if (bindingElsewhere !== undefined) {
    return exclusion('BOUND_ELSEWHERE', null, { clause: bindingElsewhere, end: clauseEnd(bindingElsewhere, context.asOf) });
  }
  return null;
}

function latestEndedBefore(partnerships: PartnershipFact[], day: Day): PartnershipFact | null {
  const ended = partnerships.filter((partnership) => endedBefore(partnership, day));
  return ended.sort((a, b) => compareDays(partnershipEnd(a), partnershipEnd(b))).at(-1) ?? null;
}

function earliestStartingAfter(partnerships: PartnershipFact[], day: Day): PartnershipFact | null {
  return byStart(partnerships.filter((partnership) => partnershipStart(partnership) > day))[0] ?? null;
}

function partnershipStart(partnership: PartnershipFact): Day {
  return firstDay(partnership.start);
}

/** The last day of a partnership, or null while it is open as known on A. */
function partnershipEnd(partnership: PartnershipFact): Day | null {
  return partnership.end === null ? null : lastDay(partnership.end);
}

function endedBefore(partnership: PartnershipFact, day: Day): boolean {
  const end = partnershipEnd(partnership);
  return end !== null && end < day;
}

function byStart(partnerships: PartnershipFact[]): PartnershipFact[] {
  return [...partnerships].sort((a, b) => compareDays(partnershipStart(a), partnershipStart(b)));
}

/** Orders days ascending, an open end (null) after every day. */
function compareDays(a: Day | null, b: Day | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Scores equal to 9 decimal places are equal (domain.md), so float noise never decides the order. */
export function scoreRank(score: number): number {
  return Math.round(score * 1e9);
}

function byScore(a: Candidate, b: Candidate): number {
  return scoreRank(b.score) - scoreRank(a.score);
}

/** The same order as localeCompare(…, 'en'), without building a collator per comparison. */
const english = new Intl.Collator('en');

/** The order of equal scores: by name (then id), the order a person finds a name in. */
export function byName(a: CompanyFact, b: CompanyFact): number {
  return english.compare(a.name, b.name) || english.compare(a.id, b.id);
}
