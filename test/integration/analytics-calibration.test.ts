/**
 * Leaker calibration on the demo data, checked against the service's own answers: every leaker's
 * decided claims are the `resolved` its credibility counts on the day, their hits its `hits`, and each
 * claim's forecast is the credibility GraphQL gives its leaker as of the day the claim was published.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calibrateLeakers, type CalibrationReport, type ClaimForecast } from '../../analytics/calibration/calibrate.ts';
import { reliabilitySpec } from '../../analytics/calibration/reliability-chart.ts';
import { chartSvg, pngFromSvg } from '../../analytics/charts/render.ts';
import { createHarness } from '../support/harness.ts';

const harness = createHarness();
const asOf = '2026-01-01';
let report: CalibrationReport;
const forecasts: ClaimForecast[] = [];

beforeAll(async () => {
  report = await calibrateLeakers(harness.graph, asOf, { pageSize: 3, onForecast: (forecast) => void forecasts.push(forecast) });
});
afterAll(() => harness.close());

describe('leaker calibration on the demo data', () => {
  it('counts for each leaker the claims and hits its credibility counts on the day', async () => {
    expect(report.leakers.length).toBeGreaterThan(5);
    for (const leaker of report.leakers) {
      const { data } = await harness.graphql('query ($id: ID!, $asOf: Date) { leaker(id: $id, asOf: $asOf) { credibility { hits resolved } } }', { id: leaker.leakerId, asOf });
      expect(leaker.claims, leaker.leakerId).toBe(data.leaker.credibility.resolved);
      expect(leaker.hitRate * leaker.claims, leaker.leakerId).toBeCloseTo(data.leaker.credibility.hits, 10);
    }
    expect(report.overall!.claims).toBe(forecasts.length);
  });

  it('forecasts each claim with the credibility the API gave its leaker the day it was published', async () => {
    let sameDay = 0;
    for (const forecast of forecasts) {
      const { data } = await harness.graphql(
        'query ($leaker: ID!, $claim: ID!, $on: Date) { leaker(id: $leaker, asOf: $on) { credibility { value } } claim(id: $claim, asOf: $on) { outcome } }',
        { leaker: forecast.leakerId, claim: forecast.claimId, on: forecast.publishedOn },
      );
      // A claim decided and made public the day it was published does not predict itself.
      if (data.claim.outcome !== 'UNRESOLVED') {
        sameDay += 1;
        continue;
      }
      expect(forecast.predicted, forecast.claimId).toBeCloseTo(data.leaker.credibility.value, 10);
    }
    expect(sameDay).toBeLessThan(forecasts.length);
  });

  it('scores each leaker by the mean Brier and log loss of its forecasts', () => {
    for (const leaker of report.leakers) {
      const own = forecasts.filter((forecast) => forecast.leakerId === leaker.leakerId);
      const brier = own.reduce((sum, f) => sum + (f.predicted - f.observed) ** 2, 0) / own.length;
      const logLoss = own.reduce((sum, f) => sum - (f.observed * Math.log(f.predicted) + (1 - f.observed) * Math.log(1 - f.predicted)), 0) / own.length;
      expect(leaker.brier).toBeCloseTo(brier, 10);
      expect(leaker.logLoss).toBeCloseTo(logLoss, 10);
    }
  });

  it('draws the reliability diagram as SVG and PNG, one circle a bin', async () => {
    const svg = await chartSvg(reliabilitySpec(report));
    expect(svg).toContain(`Leaker calibration as of ${asOf}`);
    expect(svg.match(/aria-roledescription="circle"/g)).toHaveLength(report.bins.length);
    for (const bin of report.bins) expect(svg).toContain(`claims: ${bin.claims}"`);
    const png = pngFromSvg(svg);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(10_000);
  });
});
