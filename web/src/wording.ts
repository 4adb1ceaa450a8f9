/** How the page words the service's values for a person: scores, reasons, clause ends. */
import type { BindingClauseFieldsFragment, ClauseEndBasis, ExclusionReason, Outcome } from './gql/graphql.ts';

export const notYetPublic = 'not yet public';

export function score(value: number): string {
  return value.toFixed(3);
}

export const reasonWords: Record<ExclusionReason, string> = {
  EXISTING_PARTNER: 'existing partner',
  BOUND_ELSEWHERE: 'bound elsewhere',
  SAME_COMPANY: 'same company',
  NOT_FOUNDED: 'not yet founded',
  DISSOLVED: 'dissolved',
};

export const outcomeWords: Record<Outcome, string> = {
  CONFIRMED: 'confirmed',
  PARTLY_CONFIRMED: 'partly confirmed',
  REFUTED: 'refuted',
  UNRESOLVED: 'unresolved',
};

type ClauseEnd = { basis: ClauseEndBasis; lastDay?: string | null; condition?: string | null; launchOf?: { name: string } | null };

/** "ended 2021-07-29 with the launch of Huawei P50", "awaits the launch of ...", "end unknown". */
export function clauseEnd(end: ClauseEnd): string {
  switch (end.basis) {
    case 'DATE':
      return `ends ${end.lastDay}`;
    case 'LAUNCH':
      return `ended ${end.lastDay} with the launch of ${end.launchOf?.name ?? 'a device'}`;
    case 'AWAITING_LAUNCH':
      return `ends with the launch of ${end.launchOf?.name ?? 'a device'} (not yet public)`;
    case 'PARTNERSHIP_END':
      return `ended ${end.lastDay} with its partnership`;
    case 'AWAITING_PARTNERSHIP_END':
      return 'ends with its partnership (end not yet public)';
    case 'AWAITING_CONDITION':
      return `ends when ${end.condition ?? 'a condition is met'}`;
    case 'UNKNOWN':
      return 'no known end';
  }
}

export function regionsOf(clause: { regions?: string[] | null; exceptRegions: string[] }): string {
  const covered = clause.regions?.length ? clause.regions.join(', ') : 'worldwide';
  return clause.exceptRegions.length ? `${covered} except ${clause.exceptRegions.join(', ')}` : covered;
}

export function bindingClause(binding: BindingClauseFieldsFragment): string {
  const { clause } = binding;
  // A side of the partnership (or the partnership) may not have been public yet on the day.
  const partnership = clause.partnership;
  const parties = partnership ? `${partnership.manufacturer?.name ?? notYetPublic}–${partnership.opticsPartner?.name ?? notYetPublic}` : `a partnership ${notYetPublic}`;
  return `${clause.slug} (${parties}, ${clause.certainty.toLowerCase()}, ${regionsOf(clause)}): ${clauseEnd(binding.end)}`;
}
