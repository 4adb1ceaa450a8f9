/**
 * The timeline picture as a Vega-Lite spec: a row per manufacturer, partnerships as bars (pale while
 * no end was public), exclusivity clauses as red stripes inside them, a diamond where a clause ends with
 * a launch, claims as dots coloured by outcome as known on the day, and the as-of day as a line.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { TimelinePicture } from './timeline-picture.ts';

const OUTCOMES = ['CONFIRMED', 'PARTLY_CONFIRMED', 'UNRESOLVED', 'REFUTED'];
const OUTCOME_COLOURS = ['#2ca02c', '#98df8a', '#9e9e9e', '#ff7f0e'];
const PARTNERSHIP_COLOUR = '#4c78a8';
const CLAUSE_COLOUR = '#d62728';

/** A day as a Vega-Lite DateTime in UTC. */
function dateTime(day: string) {
  const [year, month, date] = day.split('-').map(Number);
  return { utc: true, year: year!, month: month!, date: date! };
}

export function timelineSpec(picture: TimelinePicture): TopLevelSpec {
  // The scale is shared: its domain is set once (on the first layer), and every other layer's days lie inside it.
  const framed = { type: 'temporal' as const, scale: { type: 'utc' as const, domain: [dateTime(picture.from), dateTime(picture.until)] }, axis: { title: null, format: '%Y', tickCount: 'year' as const, grid: true } };
  const x = { type: 'temporal' as const };
  const y = { field: 'row', type: 'nominal' as const, sort: picture.rows, scale: { domain: picture.rows }, axis: { title: null, labelLimit: 220 } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `${picture.partnerName}: partnerships, exclusivity clauses and claims, as known on ${picture.asOf}`,
      subtitle: [
        'bars: partnerships (pale: no end public on the day) · red stripes: exclusivity clauses (pale: no end known)',
        '◆ where a clause ends with a launch · dots: claims naming the partner and that manufacturer, by outcome known on the day',
      ],
    },
    width: 900,
    height: { step: 34 },
    config: { view: { stroke: null }, font: 'DejaVu Sans' },
    layer: [
      {
        data: { values: picture.bars.filter((bar) => bar.layer === 'partnership') },
        mark: { type: 'bar', height: 18, cornerRadius: 2, color: PARTNERSHIP_COLOUR },
        encoding: {
          x: { field: 'from', ...framed }, x2: { field: 'until' }, y,
          opacity: { condition: { test: 'datum.open', value: 0.4 }, value: 0.9 },
          tooltip: [{ field: 'detail', type: 'nominal' }],
        },
      },
      {
        data: { values: picture.bars.filter((bar) => bar.layer === 'exclusivity clause') },
        mark: { type: 'bar', height: 6, color: CLAUSE_COLOUR },
        encoding: {
          x: { field: 'from', ...x }, x2: { field: 'until' }, y,
          opacity: { condition: { test: 'datum.open', value: 0.45 }, value: 1 },
          tooltip: [{ field: 'detail', type: 'nominal' }],
        },
      },
      {
        data: { values: picture.eventEnds },
        layer: [
          { mark: { type: 'point', shape: 'diamond', size: 160, filled: true, color: CLAUSE_COLOUR, stroke: 'white', strokeWidth: 1 }, encoding: { x: { field: 'day', ...x }, y } },
          { mark: { type: 'text', align: 'right', dx: -4, dy: -14, fontSize: 10, color: CLAUSE_COLOUR }, encoding: { x: { field: 'day', ...x }, y, text: { field: 'label' } } },
        ],
      },
      {
        data: { values: picture.claims },
        mark: { type: 'circle', size: 80, stroke: 'white', strokeWidth: 1, opacity: 1 },
        encoding: {
          x: { field: 'day', ...x }, y,
          color: { field: 'outcome', type: 'nominal', scale: { domain: OUTCOMES, range: OUTCOME_COLOURS }, legend: { title: `claim outcome as known on ${picture.asOf}`, orient: 'bottom', titleLimit: 400 } },
          tooltip: [{ field: 'day', type: 'nominal' }, { field: 'leaker', type: 'nominal' }, { field: 'statement', type: 'nominal' }, { field: 'outcome', type: 'nominal' }],
        },
      },
      {
        data: { values: [{ day: picture.asOf, label: `as of ${picture.asOf}` }] },
        layer: [
          { mark: { type: 'rule', strokeDash: [6, 3], strokeWidth: 1.5, color: 'black' }, encoding: { x: { field: 'day', ...x } } },
          { mark: { type: 'text', align: 'center', baseline: 'bottom', y: -3, fontSize: 11, fontWeight: 'bold' }, encoding: { x: { field: 'day', ...x }, text: { field: 'label' } } },
        ],
      },
    ],
  };
}
