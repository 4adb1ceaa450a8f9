/**
 * The partner's story as known on the chosen day, drawn with Observable Plot: one row per
 * manufacturer, its partnership with the partner as a bar, the exclusivity clauses on it as a
 * narrower bar inside (a diamond where a clause ended with an event, a dashed open end where its end
 * is not known), and the claims about the partner as dots coloured by their outcome on that day.
 */
import * as Plot from '@observablehq/plot';
import type { ClauseEndBasis, PartnerTimelineQuery } from './gql/graphql.ts';
import { h } from './dom.ts';
import { clauseEnd, notYetPublic, outcomeWords, regionsOf } from './wording.ts';

type Partner = NonNullable<PartnerTimelineQuery['opticsPartner']>;

/** Named manufacturer rows at most; further claims share one row, so the chart stays readable at size. */
const maxRows = 16;
const otherRow = 'other claims';

export const outcomeColours = {
  CONFIRMED: '#1a7f37',
  PARTLY_CONFIRMED: '#7fb800',
  REFUTED: '#cf222e',
  UNRESOLVED: '#8c959f',
} as const;

/** Ends set by an event (a launch, the partnership's own end) rather than a date: marked on the chart. */
const eventBoundEnds = new Set<ClauseEndBasis>(['LAUNCH', 'AWAITING_LAUNCH', 'PARTNERSHIP_END', 'AWAITING_PARTNERSHIP_END']);

const day = (text: string): Date => new Date(`${text}T00:00:00Z`);

export interface TimelineSpan {
  from: string;
  to: string;
}

/** The row of a partnership: its manufacturer, or one row for those not yet public on the day. */
const rowOf = (partnership: { manufacturer?: { name: string } | null }): string => partnership.manufacturer?.name ?? `(${notYetPublic})`;

function rowsOf(partner: Partner): string[] {
  const rows: string[] = [];
  const byStart = [...partner.partnerships.edges].sort((a, b) => a.node.start.firstDay.localeCompare(b.node.start.firstDay));
  for (const { node } of byStart) if (!rows.includes(rowOf(node))) rows.push(rowOf(node));
  const named = new Map<string, number>();
  for (const { node } of partner.claimsAbout.edges) {
    for (const subject of node.subjects) {
      if (subject.__typename === 'Company' && subject.slug !== partner.slug && !rows.includes(subject.name)) named.set(subject.name, (named.get(subject.name) ?? 0) + 1);
    }
  }
  for (const [name] of [...named].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    if (rows.length >= maxRows) break;
    rows.push(name);
  }
  return [...rows, otherRow];
}

export function renderTimeline(target: HTMLElement, partner: Partner, asOf: string, span: TimelineSpan): void {
  const rows = rowsOf(partner);
  const end = day(span.to);
  const partnerships = partner.partnerships.edges.map(({ node }) => ({
    y: rowOf(node),
    x1: day(node.start.firstDay),
    x2: node.end ? day(node.end.lastDay) : end,
    status: node.status,
    title: `${node.slug}: ${node.start.text} to ${node.end?.text ?? 'now'} (${node.status.toLowerCase()})`,
  }));
  const clauses = partner.partnerships.edges.flatMap(({ node }) =>
    node.exclusivityClauses.map((clause) => ({
      y: rowOf(node),
      x1: day(clause.start.firstDay),
      x2: clause.end.lastDay ? day(clause.end.lastDay) : end,
      open: !clause.end.lastDay,
      eventBound: eventBoundEnds.has(clause.end.basis),
      basis: clause.end.basis,
      title: `${clause.slug} (binds ${clause.binds.toLowerCase().replace('_', ' ')}, ${clause.certainty.toLowerCase()}, ${regionsOf(clause)}): from ${clause.start.text}, ${clauseEnd(clause.end)}`,
    })),
  );
  const claims = partner.claimsAbout.edges.map(({ node }) => {
    const named = node.subjects.find((s) => s.__typename === 'Company' && s.slug !== partner.slug && rows.includes(s.name));
    return {
      y: named && named.__typename === 'Company' ? named.name : otherRow,
      x: day(node.publishedOn),
      fill: outcomeColours[node.outcome],
      title: `${node.publishedOn}, ${node.leaker?.name ?? 'an outlet'}: “${node.statement}” (${outcomeWords[node.outcome]} as known on ${asOf})`,
    };
  });
  const eventEnds = clauses.filter((c) => c.eventBound && !c.open);
  const openEnds = clauses.filter((c) => c.open);

  const chart = Plot.plot({
    width: Math.max(640, target.clientWidth || 960),
    height: 40 + rows.length * 30,
    marginLeft: 110,
    x: { type: 'utc', domain: [day(span.from), end], grid: true, label: null },
    y: { domain: rows, label: null },
    color: { type: 'identity' },
    marks: [
      Plot.barX(partnerships, { x1: 'x1', x2: 'x2', y: 'y', fill: (d) => (d.status === 'PLANNED' ? '#c8d7f0' : '#7aa2e3'), insetTop: 4, insetBottom: 4, title: 'title' }),
      Plot.barX(clauses, { x1: 'x1', x2: 'x2', y: 'y', fill: '#e8a33d', insetTop: 11, insetBottom: 11, title: 'title' }),
      Plot.barX(openEnds, { x1: 'x1', x2: 'x2', y: 'y', fill: 'none', stroke: '#b36b00', strokeDasharray: '4,3', insetTop: 10, insetBottom: 10, title: 'title' }),
      Plot.dot(eventEnds, { x: 'x2', y: 'y', symbol: 'diamond', r: 6, fill: '#b36b00', stroke: 'white', title: 'title' }),
      Plot.dot(claims, { x: 'x', y: 'y', r: 4.5, fill: 'fill', stroke: 'white', title: 'title' }),
      Plot.ruleX([day(asOf)], { stroke: '#111', strokeWidth: 1.5 }),
      Plot.text([day(asOf)], { x: (d: Date) => d, frameAnchor: 'top', dy: -2, text: () => `as of ${asOf}`, lineAnchor: 'bottom' }),
    ],
    marginTop: 20,
  });
  chart.setAttribute('aria-label', `Timeline of ${partner.name} as known on ${asOf}`);
  const shown = partner.claimsAbout.edges.length;
  target.replaceChildren(
    h(
      'div',
      {},
      chart,
      h(
        'p',
        { class: 'legend' },
        h('span', { class: 'key partnership' }),
        ' partnership ',
        h('span', { class: 'key clause' }),
        ' exclusivity clause ',
        h('span', { class: 'key open' }),
        ' clause with no known end ',
        "◆ clause ended with an event (a launch, its partnership's end) · claims, by outcome on the day: ",
        ...Object.entries(outcomeColours).map(([outcome, colour]) =>
          h('span', {}, h('span', { class: 'dot', style: `background:${colour}` }), ` ${outcomeWords[outcome as keyof typeof outcomeColours]} `),
        ),
      ),
      shown < partner.claimsAbout.totalCount
        ? h('p', { class: 'muted' }, `The newest ${shown} of ${partner.claimsAbout.totalCount} claims about ${partner.name} are drawn.`)
        : null,
    ),
  );
}
