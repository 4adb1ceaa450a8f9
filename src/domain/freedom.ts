/**
 * When is an optics partner free?
 *
 * P is free on a day when no exclusivity that binds P and covers region R is in force that day, counting
 * only what was known on the as-of day A. With no region, a clause covering any region counts.
 */
import type { Day, ExclusivityFact } from './facts.ts';
import { exclusivitiesAsOf } from './as-of.ts';
import { bindsCompany, clauseEnd, clauseStart, coversRegion, type ClauseEnd } from './exclusivity.ts';
import { dayAfter, latestDay } from './fuzzy-date.ts';

/** A clause as known on A, with its end as known on A. */
export interface BindingClause {
  clause: ExclusivityFact;
  end: ClauseEnd;
}

export interface Freedom {
  opticsPartnerId: string;
  asOf: Day;
  region: string | null;
  /** Free on A itself. */
  isFree: boolean;
  /**
   * The day after the last binding clause that ended before A. null when P is not free on A, and when
   * no clause that ended before A ever bound P.
   */
  freeFrom: Day | null;
  /** The clauses binding P in force on A, each with its end or what its end depends on. */
  blockedBy: BindingClause[];
}

/** The first free day found, and the open-ended clauses that had to be assumed ended to reach it. */
export interface AssumedFreeDay {
  day: Day;
  assumesEndOf: BindingClause[];
}

/** Clauses public on A that bind P and cover the region. */
export function bindingClauses(partnerId: string, clauses: ExclusivityFact[], asOf: Day, region: string | null = null): BindingClause[] {
  return exclusivitiesAsOf(clauses, asOf)
    .filter((clause) => bindsCompany(clause, partnerId) && coversRegion(clause, region))
    .map((clause) => ({ clause, end: clauseEnd(clause, asOf) }));
}

export function clausesInForce(partnerId: string, clauses: ExclusivityFact[], day: Day, asOf: Day, region: string | null = null): BindingClause[] {
  return bindingClauses(partnerId, clauses, asOf, region).filter((binding) => bindsOn(binding, day));
}

export function freeFrom(partnerId: string, clauses: ExclusivityFact[], asOf: Day, region: string | null = null): Freedom {
  const blockedBy = clausesInForce(partnerId, clauses, asOf, asOf, region);
  const isFree = blockedBy.length === 0;
  return {
    opticsPartnerId: partnerId,
    asOf,
    region,
    isFree,
    freeFrom: isFree ? freeSince(partnerId, clauses, asOf, asOf, region) : null,
    blockedBy,
  };
}

/**
 * The day after the last binding clause that ended before `day` (null if none did). When P is free on
 * `day`, P has been free ever since: any clause that started in between has ended too.
 */
export function freeSince(partnerId: string, clauses: ExclusivityFact[], day: Day, asOf: Day, region: string | null = null): Day | null {
  const lastEnd = bindingClauses(partnerId, clauses, asOf, region)
    .flatMap((binding) => binding.end.lastDay ?? [])
    .filter((last) => last < day)
    .reduce<Day | null>((latest, last) => (latest === null || last > latest ? last : latest), null);
  return lastEnd === null ? null : dayAfter(lastEnd);
}

/** null when, as known on A, a clause with no known end still binds P: P is never known to be free. */
export function firstFreeDayOnOrAfter(day: Day, partnerId: string, clauses: ExclusivityFact[], asOf: Day, region: string | null = null): Day | null {
  return walkToFreeDay(day, bindingClauses(partnerId, clauses, asOf, region), false, [])?.day ?? null;
}

/**
 * The first day on or after `day` on which P is free, treating every binding clause with no known end
 * (and those named in `assumedEnded`) as ended, so that an answer is always found.
 */
export function firstFreeDayAssumingOpenEndsEnded(
  day: Day,
  partnerId: string,
  clauses: ExclusivityFact[],
  asOf: Day,
  region: string | null = null,
  assumedEnded: string[] = [],
): AssumedFreeDay {
  const found = walkToFreeDay(day, bindingClauses(partnerId, clauses, asOf, region), true, assumedEnded);
  if (found === null) throw new Error('unreachable: assuming open ends ended always finds a free day');
  return found;
}

function bindsOn(binding: BindingClause, day: Day): boolean {
  return clauseStart(binding.clause) <= day && (binding.end.lastDay === null || day <= binding.end.lastDay);
}

/**
 * Steps from `from` to the day after the latest end among the clauses in force, until none is. Each step
 * either moves past a clause for good or assumes an open clause ended, so the walk stops.
 */
function walkToFreeDay(from: Day, clauses: BindingClause[], assumeOpenEndsEnded: boolean, assumedEnded: string[]): AssumedFreeDay | null {
  const ignored = new Set(assumedEnded);
  const assumesEndOf: BindingClause[] = [];
  let day = from;
  for (;;) {
    const blocking = clauses.filter((binding) => !ignored.has(binding.clause.id) && bindsOn(binding, day));
    if (blocking.length === 0) return { day, assumesEndOf };
    const open = blocking.filter((binding) => binding.end.lastDay === null);
    if (open.length > 0 && !assumeOpenEndsEnded) return null;
    for (const binding of open) {
      ignored.add(binding.clause.id);
      assumesEndOf.push(binding);
    }
    // Every clause in force on `day` ends on or after it, so starting from `day` finds the latest end.
    if (open.length === 0) {
      day = dayAfter(blocking.reduce((latest, binding) => latestDay(latest, binding.end.lastDay ?? latest), day));
    }
  }
}
