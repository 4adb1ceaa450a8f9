/**
 * The backtest as text a person reads in a terminal or pastes into the README (Markdown tables):
 * per lead time the figures of the outlook and of each baseline, then every event with its rank.
 */
import type { EventResult, LeadTimeSummary, Method } from '../src/domain/backtest.ts';
import { METHODS } from '../src/domain/backtest.ts';
import type { Placement } from '../src/domain/backtest-metrics.ts';

const LABEL: Record<Method, string> = {
  OUTLOOK: 'outlook',
  RANDOM: 'random order',
  POPULARITY: 'popularity',
  REPEAT_PARTNER: 'repeat a past partner',
  COMMON_NEIGHBOURS: 'common neighbours',
};

function markdown(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

const fixed = (value: number) => value.toFixed(3);

export function summaryTable(summaries: readonly LeadTimeSummary[]): string {
  const rows = summaries.flatMap((summary) =>
    METHODS.map((method) => {
      const m = summary.methods[method];
      return [`${summary.leadDays} days`, LABEL[method], String(m.events), fixed(m.hitsAt1), fixed(m.hitsAt3), fixed(m.meanReciprocalRank), fixed(m.brier)];
    }),
  );
  const notes = summaries.map(
    (s) => `${s.leadDays} days ahead: ${s.events} events, ${s.events - s.notAsked} asked (${s.notAsked} not asked: the optics partner was not known on the cut-off), ${s.notCandidates} where the manufacturer was no candidate on the cut-off.`,
  );
  return `${markdown(['lead', 'ranking', 'events', 'hits@1', 'hits@3', 'MRR', 'Brier'], rows)}\n\n${notes.join('\n')}`;
}

/** "3", or "3 (2-4 tied)" when the score is shared: the position shown orders ties by name. */
export function rankText(placement: Placement | null): string {
  if (placement === null) return '-';
  if (placement.tied === 1) return String(placement.shown);
  return `${placement.shown} (${placement.above + 1}-${placement.above + placement.tied} tied)`;
}

export function eventsTable(results: readonly EventResult[]): string {
  const rows = results.map((result) => {
    const { event } = result;
    const rank = (method: Method) => (result.figures ? rankText(result.figures[method].placement) : '-');
    const status = result.status === 'RANKED' ? `${result.candidates} candidates` : result.status === 'NOT_ASKED' ? 'not asked' : `not a candidate: ${result.exclusion}`;
    return [event.partnershipId, event.knownOn, String(event.leadDays), event.cutOff, status, result.figures ? fixed(result.score) : '-', rank('OUTLOOK'), rank('POPULARITY'), rank('REPEAT_PARTNER'), rank('COMMON_NEIGHBOURS')];
  });
  return markdown(['partnership', 'public (K)', 'lead', 'asked as of', 'outlook', 'score', 'outlook rank', 'popularity', 'repeat', 'common neighbours'], rows);
}
