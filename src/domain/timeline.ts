/**
 * A company's story as known on A: its partnerships, exclusivity clauses, devices and the claims about
 * it, merged into one list of dated events.
 *
 * An event sorts on one day (a start on the first day of its period, an end on the last) but keeps its
 * date as precise as it was given, so "ended in 2021" is not shown as if it happened on 2021-12-31.
 * Events on the same day follow the order of EVENT_KINDS, so an end never appears before its start.
 */
import type { ClaimFact, CompanyFact, Day, DeviceFact, ExclusivityFact, FuzzyDate, Outcome, PartnershipFact } from './facts.ts';
import { claimsAsOf, exclusivitiesAsOf, isDateKnownOn, isKnownOn, partnershipsAsOf } from './as-of.ts';
import { clauseEnd } from './exclusivity.ts';
import { firstDay, lastDay, latestDay } from './fuzzy-date.ts';

export const EVENT_KINDS = [
  'PARTNERSHIP_STARTED',
  'EXCLUSIVITY_STARTED',
  'DEVICE_RUMOURED',
  'CLAIM_PUBLISHED',
  'DEVICE_ANNOUNCED',
  'DEVICE_RELEASED',
  'DEVICE_CANCELLED',
  'CLAIM_RESOLVED',
  'EXCLUSIVITY_ENDED',
  'PARTNERSHIP_ENDED',
] as const;

export type TimelineEventKind = (typeof EVENT_KINDS)[number];

export interface TimelineEvent {
  kind: TimelineEventKind;
  /** The day the event sorts on. */
  day: Day;
  /** The date as given, with its precision. */
  date: FuzzyDate;
  title: string;
  /** The id of the partnership, clause, device or claim. */
  refId: string;
  /** When the event became public. */
  knownSince: Day;
}

export interface TimelineFacts {
  companies: CompanyFact[];
  partnerships: PartnershipFact[];
  exclusivities: ExclusivityFact[];
  devices: DeviceFact[];
  claims: ClaimFact[];
}

export function companyTimeline(companyId: string, facts: TimelineFacts, asOf: Day): TimelineEvent[] {
  const nameOf = (id: string) => facts.companies.find((company) => company.id === id)?.name ?? id;
  const events = [
    ...partnershipsAsOf(facts.partnerships, asOf)
      .filter((partnership) => partnership.manufacturerId === companyId || partnership.opticsPartnerId === companyId)
      .flatMap((partnership) => partnershipEvents(partnership, nameOf)),
    ...exclusivitiesAsOf(facts.exclusivities, asOf)
      .filter((clause) => clause.manufacturerId === companyId || clause.opticsPartnerId === companyId)
      .flatMap((clause) => exclusivityEvents(clause, asOf, nameOf)),
    ...facts.devices
      .filter((device) => isKnownOn(device.knownSince, asOf))
      .filter((device) => [device.manufacturerId, device.builtById, device.opticsPartnerId].includes(companyId))
      .flatMap((device) => deviceEvents(device, asOf)),
    ...claimsAsOf(facts.claims, asOf)
      .filter((claim) => claim.subjectIds.includes(companyId))
      .flatMap(claimEvents),
  ];
  return events.sort((a, b) => compare(a.day, b.day) || EVENT_KINDS.indexOf(a.kind) - EVENT_KINDS.indexOf(b.kind) || compare(a.refId, b.refId));
}

function partnershipEvents(partnership: PartnershipFact, nameOf: (id: string) => string): TimelineEvent[] {
  const pair = `${nameOf(partnership.manufacturerId)} and ${nameOf(partnership.opticsPartnerId)}`;
  const refId = partnership.id;
  const events: TimelineEvent[] = [
    {
      kind: 'PARTNERSHIP_STARTED',
      day: firstDay(partnership.start),
      date: partnership.start,
      title: `${pair} start working together`,
      refId,
      knownSince: partnership.knownSince,
    },
  ];
  if (partnership.end !== null) {
    events.push({
      kind: 'PARTNERSHIP_ENDED',
      day: lastDay(partnership.end),
      date: partnership.end,
      title: `${pair} stop working together`,
      refId,
      knownSince: latestDay(partnership.knownSince, partnership.endKnownSince ?? firstDay(partnership.end)),
    });
  }
  return events;
}

function exclusivityEvents(clause: ExclusivityFact, asOf: Day, nameOf: (id: string) => string): TimelineEvent[] {
  const pair = `${nameOf(clause.manufacturerId)} and ${nameOf(clause.opticsPartnerId)}`;
  const boundId = clause.binds === 'MANUFACTURER' ? clause.manufacturerId : clause.opticsPartnerId;
  const bound = clause.binds === 'BOTH' ? 'both' : nameOf(boundId);
  const refId = clause.id;
  const events: TimelineEvent[] = [
    {
      kind: 'EXCLUSIVITY_STARTED',
      day: firstDay(clause.start),
      date: clause.start,
      title: `Exclusivity between ${pair} binds ${bound}`,
      refId,
      knownSince: clause.knownSince,
    },
  ];
  const end = clauseEnd(clause, asOf);
  if (end.lastDay === null) return events;
  if (end.basis === 'DATE' && clause.end !== null) {
    events.push({
      kind: 'EXCLUSIVITY_ENDED',
      day: end.lastDay,
      date: clause.end,
      title: `Exclusivity between ${pair} ends`,
      refId,
      knownSince: latestDay(clause.knownSince, clause.endKnownSince ?? firstDay(clause.end)),
    });
  } else if (end.basis === 'LAUNCH' && end.launch?.announced != null) {
    const { announced, announcedKnownSince, deviceName } = end.launch;
    events.push({
      kind: 'EXCLUSIVITY_ENDED',
      day: end.lastDay,
      date: announced,
      title: `Exclusivity between ${pair} ends with the launch of ${deviceName}`,
      refId,
      knownSince: latestDay(clause.knownSince, announcedKnownSince ?? firstDay(announced)),
    });
  } else if (end.basis === 'PARTNERSHIP_END' && clause.endsWithPartnership?.end != null) {
    const { end: partnershipEnd, endKnownSince } = clause.endsWithPartnership;
    events.push({
      kind: 'EXCLUSIVITY_ENDED',
      day: end.lastDay,
      date: partnershipEnd,
      title: `Exclusivity between ${pair} ends with their partnership`,
      refId,
      knownSince: latestDay(clause.knownSince, endKnownSince ?? firstDay(partnershipEnd)),
    });
  }
  return events;
}

function deviceEvents(device: DeviceFact, asOf: Day): TimelineEvent[] {
  const refId = device.id;
  const events: TimelineEvent[] = [];
  const step = (kind: TimelineEventKind, date: FuzzyDate | null, knownSince: Day | null, verb: string) => {
    if (date === null || !isDateKnownOn(date, knownSince, asOf)) return;
    const day = firstDay(date);
    const title = `${device.name} ${verb}`;
    events.push({ kind, day, date, title, refId, knownSince: latestDay(device.knownSince, knownSince ?? day) });
  };
  step('DEVICE_ANNOUNCED', device.announced, device.announcedKnownSince, 'announced');
  step('DEVICE_RELEASED', device.released, device.releasedKnownSince, 'released');
  step('DEVICE_CANCELLED', device.cancelled, device.cancelledKnownSince, 'cancelled');
  // A device talked about before it was announced (or never announced) was first a rumour.
  const announcedDay = events.find((event) => event.kind === 'DEVICE_ANNOUNCED')?.day;
  if (announcedDay === undefined || device.knownSince < announcedDay) {
    const day = device.knownSince;
    events.push({ kind: 'DEVICE_RUMOURED', day, date: day, title: `${device.name} rumoured`, refId, knownSince: day });
  }
  return events;
}

const OUTCOME_LABEL: Record<Outcome, string> = {
  UNRESOLVED: 'Reopened',
  CONFIRMED: 'Confirmed',
  PARTLY_CONFIRMED: 'Partly confirmed',
  REFUTED: 'Refuted',
};

/** The claim is expected to be the as-of view already: only resolutions public by A. */
function claimEvents(claim: ClaimFact): TimelineEvent[] {
  const refId = claim.id;
  return [
    {
      kind: 'CLAIM_PUBLISHED',
      day: claim.publishedOn,
      date: claim.publishedOn,
      title: claim.statement,
      refId,
      knownSince: claim.publishedOn,
    },
    ...claim.resolutions.map(
      (resolution): TimelineEvent => ({
        kind: 'CLAIM_RESOLVED',
        day: resolution.decidedOn,
        date: resolution.decidedOn,
        title: `${OUTCOME_LABEL[resolution.outcome]}: ${claim.statement}`,
        refId,
        knownSince: resolution.knownSince,
      }),
    ),
  ];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
