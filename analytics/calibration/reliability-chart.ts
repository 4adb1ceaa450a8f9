/**
 * The reliability diagram: each bin of predicted credibility at its mean prediction against the hit
 * rate its claims turned out to have, sized by how many claims it holds, over the diagonal a perfectly
 * calibrated credibility would follow. A Vega-Lite spec; analytics/charts/render.ts draws it.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CalibrationReport } from './calibrate.ts';

const unit = { type: 'quantitative' as const, scale: { domain: [0, 1] } };

export function reliabilitySpec(report: CalibrationReport): TopLevelSpec {
  const overall = report.overall;
  const subtitle = overall === null
    ? 'no claim with a leaker was decided by then'
    : `${overall.claims} decided claims of ${report.leakers.length} leakers: Brier ${overall.brier.toFixed(3)}, log loss ${overall.logLoss.toFixed(3)}`;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: `Leaker calibration as of ${report.asOf}`, subtitle },
    width: 420,
    height: 420,
    layer: [
      {
        data: { values: [{ predicted: 0, hitRate: 0 }, { predicted: 1, hitRate: 1 }] },
        mark: { type: 'line', strokeDash: [4, 4], color: '#888' },
        encoding: { x: { field: 'predicted', ...unit }, y: { field: 'hitRate', ...unit } },
      },
      {
        data: { values: report.bins.map((bin) => ({ ...bin, label: `${bin.claims}` })) },
        layer: [
          {
            mark: { type: 'circle', opacity: 0.85, color: '#1f6fb2' },
            encoding: {
              x: { field: 'meanPredicted', ...unit, title: "leaker's credibility when the claim was published (bin mean)" },
              y: { field: 'hitRate', ...unit, title: 'observed hit rate (confirmed 1, partly 0.5, refuted 0)' },
              size: { field: 'claims', type: 'quantitative', title: 'claims', scale: { range: [60, 900], zero: false } },
            },
          },
          {
            mark: { type: 'text', dx: 14, dy: -10, fontSize: 11, color: '#333' },
            encoding: { x: { field: 'meanPredicted', ...unit }, y: { field: 'hitRate', ...unit }, text: { field: 'label' } },
          },
        ],
      },
    ],
  };
}
