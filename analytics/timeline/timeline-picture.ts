/**
 * One optics partner's story as known on a day, laid out for a chart: a row per manufacturer, with its
 * partnerships as bars, the exclusivity clauses on them as thinner bars (an end that comes with a
 * launch marked where it falls, or as still awaited), and the claims that name the partner and that
 * manufacturer as dots coloured by their outcome as known on the day. Pure: what the rules of
 * src/domain say was public on the day, nothing later.
 */
import type { EndBasis } from '../../src/domain/exclusivity.ts';
import type { Day, FuzzyDate, Outcome } from '../../src/domain/facts.ts';
import { addDays, firstDay, lastDay } from '../../src/domain/fuzzy-date.ts';

/**
 * What the picture is drawn from, as known on the day (the as-of rules of src/domain already applied,
 * by the Neo4j reader or by the service answering through GraphQL): the partner's partnerships with
 * their clauses, and the claims that name it.
 */
export interface KnownPartnership {
  id: string;
  start: FuzzyDate;
  /** Null while no end was public on the day. */
  end: FuzzyDate | null;
  manufacturer: string;
  clauses: KnownClause[];
}

export interface KnownClause {
  id: string;
  start: FuzzyDate;
  certainty: string;
  binds: string;
  end: { basis: EndBasis; lastDay: Day | null; date: FuzzyDate | null; condition: string | null; launchName: string | null };
}

export interface ClaimAboutPartner {
  id: string;
  statement: string;
  publishedOn: Day;
  outcome: Outcome;
  leakerName: string | null;
  /** The manufacturers it names besides the partner. */
  manufacturers: string[];
}

export interface TimelineBar {
  row: string;
  layer: 'partnership' | 'exclusivity clause';
  id: string;
  from: Day;
  /** The last day, or the picture's right edge while the end is not public. */
  until: Day;
  open: boolean;
  detail: string;
}

/** Where a clause that ends with an event ends (or, still awaited, the right edge). */
export interface TimelineEventEnd {
  row: string;
  day: Day;
  label: string;
  awaited: boolean;
}

export interface TimelineClaim {
  row: string;
  day: Day;
  id: string;
  outcome: Outcome;
  statement: string;
  leaker: string;
}

export interface TimelinePicture {
  partnerId: string;
  partnerName: string;
  asOf: Day;
  /** Top to bottom: manufacturers by their first event, then the claims that name no manufacturer. */
  rows: string[];
  bars: TimelineBar[];
  eventEnds: TimelineEventEnd[];
  claims: TimelineClaim[];
  /** The days the picture spans. */
  from: Day;
  until: Day;
}

/** Room either side of the events, so the first and last are not on the frame. */
const MARGIN_DAYS = 120;

/** How the clause ends, as known on the day, in words. */
function clauseEndWords(end: KnownClause['end']): string {
  if (end.basis === 'DATE') return String(end.date);
  if (end.launchName !== null) return `with the launch of ${end.launchName}`;
  if (end.basis === 'PARTNERSHIP_END') return `with its partnership, on ${end.lastDay}`;
  if (end.basis === 'AWAITING_PARTNERSHIP_END') return 'with its partnership (no end public)';
  return end.condition ?? 'unknown';
}

/** Rows a picture gives manufacturers the partner never partnered with (those it did always have one). @default 30 */
export const DEFAULT_MAX_ROWS = 30;

/** Partnerships by start, then id; claims by id, each manufacturer by name: the same picture whichever reader read them. */
export function timelinePicture(partnerId: string, partnerName: string, partnerships: KnownPartnership[], claims: ClaimAboutPartner[], asOf: Day, maxRows = DEFAULT_MAX_ROWS): TimelinePicture {
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const known = [...partnerships].sort((a, b) => byText(firstDay(a.start), firstDay(b.start)) || byText(a.id, b.id));
  const claimDots = [...claims].sort((a, b) => byText(a.id, b.id)).flatMap((claim) => {
    const named = [...claim.manufacturers].sort(byText);
    return (named.length > 0 ? named : [`(${partnerName} alone)`]).map((name) => ({
      row: name, day: claim.publishedOn, id: claim.id, outcome: claim.outcome, statement: claim.statement, leaker: claim.leakerName ?? 'an outlet',
    }));
  });
  const days = [asOf, ...known.map((k) => firstDay(k.start)), ...claimDots.map((c) => c.day)];
  const from = addDays(days.reduce((a, b) => (a < b ? a : b)), -MARGIN_DAYS);
  const ends = known.flatMap((k) => (k.end === null ? [] : [lastDay(k.end)]));
  const until = addDays([...days, ...ends].reduce((a, b) => (a > b ? a : b)), MARGIN_DAYS);

  const bars: TimelineBar[] = [];
  const eventEnds: TimelineEventEnd[] = [];
  for (const partnership of known) {
    const manufacturer = partnership.manufacturer;
    const start = firstDay(partnership.start);
    const end = partnership.end === null ? null : lastDay(partnership.end);
    bars.push({
      row: manufacturer, layer: 'partnership', id: partnership.id, from: start, until: end ?? until, open: end === null,
      detail: `${partnership.id}: ${partnership.start} to ${partnership.end ?? (start > asOf ? 'planned' : 'no end public')}`,
    });
    for (const clause of partnership.clauses) {
      const last = clause.end.lastDay;
      bars.push({
        row: manufacturer, layer: 'exclusivity clause', id: clause.id, from: firstDay(clause.start), until: last ?? until, open: last === null,
        detail: `${clause.id} (${clause.certainty.toLowerCase()}, binds ${clause.binds.toLowerCase().replace('_', ' ')}): ends ${clauseEndWords(clause.end)}`,
      });
      const launch = clause.end.launchName;
      if (launch !== null && clause.end.basis !== 'DATE') {
        const awaited = last === null;
        eventEnds.push({ row: manufacturer, day: last ?? until, awaited, label: awaited ? `until the launch of ${launch} (not yet)` : `ends with the ${launch} launch` });
      }
    }
  }
  const firstDayOf = new Map<string, Day>();
  for (const item of [...bars, ...claimDots.filter((c) => !c.row.startsWith('('))]) {
    const day = 'from' in item ? item.from : item.day;
    if (!firstDayOf.has(item.row) || day < firstDayOf.get(item.row)!) firstDayOf.set(item.row, day);
  }
  // A partner named alongside hundreds of manufacturers would need hundreds of rows: the manufacturers
  // it partnered with keep theirs, then the most talked-about; the claims about the rest share one row.
  const partnered = new Set(bars.map((bar) => bar.row));
  const claimCount = new Map<string, number>();
  for (const claim of claimDots) claimCount.set(claim.row, (claimCount.get(claim.row) ?? 0) + 1);
  const kept = new Set(
    [...firstDayOf.keys()]
      .sort((a, b) => Number(partnered.has(b)) - Number(partnered.has(a)) || (claimCount.get(b) ?? 0) - (claimCount.get(a) ?? 0) || a.localeCompare(b))
      .slice(0, partnered.size + maxRows),
  );
  const others = firstDayOf.size - kept.size;
  const othersRow = `(${others} other manufacturers)`;
  const placedClaims = claimDots.map((claim) => (claim.row.startsWith('(') || kept.has(claim.row) ? claim : { ...claim, row: othersRow }));
  const rows = [...firstDayOf].filter(([name]) => kept.has(name)).sort(([a, dayA], [b, dayB]) => dayA.localeCompare(dayB) || a.localeCompare(b)).map(([name]) => name);
  if (others > 0) rows.push(othersRow);
  if (claimDots.some((c) => c.row.startsWith('('))) rows.push(`(${partnerName} alone)`);
  return { partnerId, partnerName, asOf, rows, bars, eventEnds, claims: placedClaims, from, until };
}
