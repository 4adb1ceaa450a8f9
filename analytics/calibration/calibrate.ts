/**
 * Leaker calibration as of a day: every claim with a leaker whose outcome was public by then, read a
 * page at a time, scored against the credibility its leaker had when it was published; sums per
 * leaker, per reliability bin and overall (scores.ts).
 */
import type { GraphExecutor, Row } from '../../src/graph/executor.ts';
import type { Day, Outcome } from '../../src/domain/facts.ts';
import { outcomeFromHistory } from '../../src/domain/outcome-history.ts';
import { credibilityWhenPublished, ForecastSums, observedHit, ReliabilityBins, type ReliabilityBin } from './scores.ts';
import type { GraphSource } from '../cli.ts';
import { forecastsFromApi } from './forecasts-api.ts';

export interface ClaimForecast {
  claimId: string;
  leakerId: string;
  leakerName: string;
  publishedOn: Day;
  /** As known on the as-of day. */
  outcome: Exclude<Outcome, 'UNRESOLVED'>;
  /** The leaker's credibility when the claim was published, without the claim's own outcome. */
  predicted: number;
  observed: number;
}

export interface LeakerCalibration {
  leakerId: string;
  leakerName: string;
  claims: number;
  meanPredicted: number;
  hitRate: number;
  brier: number;
  logLoss: number;
}

export interface CalibrationReport {
  asOf: Day;
  /** Most claims first, then by name. */
  leakers: LeakerCalibration[];
  overall: Omit<LeakerCalibration, 'leakerId' | 'leakerName'> | null;
  bins: ReliabilityBin[];
}

const numbers = (value: unknown): number[] => (Array.isArray(value) ? value.map(Number) : []);
const texts = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** A row of calibration-claims as a forecast, or null when its outcome as of A is still open (decided, then taken back). */
export function forecastOfClaim(row: Row, asOf: Day): ClaimForecast | null {
  const days = texts(row.outcomeDays);
  const values = texts(row.outcomeValues) as Outcome[];
  const outcome = outcomeFromHistory(days.map((from, i) => ({ from, outcome: values[i]! })), asOf);
  if (outcome === 'UNRESOLVED') return null;
  const publishedOn = String(row.publishedOn);
  const hits = numbers(row.credibilityHits);
  const resolved = numbers(row.credibilityResolved);
  const ownChanges = texts(row.credibilityDays).map((day, i) => ({ day, hits: hits[i]!, resolved: resolved[i]! }));
  const counts = row.stepHits === null || row.stepHits === undefined ? null : { hits: Number(row.stepHits), resolved: Number(row.stepResolved) };
  return {
    claimId: String(row.id),
    leakerId: String(row.leakerId),
    leakerName: String(row.leakerName ?? row.leakerId),
    publishedOn,
    outcome,
    predicted: credibilityWhenPublished(counts, ownChanges, publishedOn),
    observed: observedHit(outcome),
  };
}

export interface CalibrationOptions {
  /** @default 1000 claims per statement */
  pageSize?: number;
  /** Bins of the reliability diagram. @default 10 */
  binCount?: number;
  /** Each claim's forecast as it is read (to write them out). */
  onForecast?: (forecast: ClaimForecast) => void | Promise<void>;
}

/** Every forecast as of the day, a page at a time, in claim id order: from Neo4j, or through the service's API. */
async function* forecastPages(source: GraphSource | GraphExecutor, asOf: Day, pageSize: number): AsyncGenerator<ClaimForecast[]> {
  if ('api' in source) {
    yield await forecastsFromApi(source.api, asOf);
    return;
  }
  const graph = 'neo4j' in source ? source.neo4j : source;
  let after = '';
  for (;;) {
    const rows = await graph.read('calibration-claims', { asOf, after, limit: pageSize });
    yield rows.flatMap((row) => forecastOfClaim(row, asOf) ?? []);
    if (rows.length < pageSize) break;
    after = String(rows.at(-1)!.id);
  }
}

export async function calibrateLeakers(source: GraphSource | GraphExecutor, asOf: Day, options: CalibrationOptions = {}): Promise<CalibrationReport> {
  const perLeaker = new Map<string, { name: string; sums: ForecastSums }>();
  const overall = new ForecastSums();
  const bins = new ReliabilityBins(options.binCount ?? 10);
  for await (const forecasts of forecastPages(source, asOf, options.pageSize ?? 1000)) {
    for (const forecast of forecasts) {
      let leaker = perLeaker.get(forecast.leakerId);
      if (leaker === undefined) perLeaker.set(forecast.leakerId, (leaker = { name: forecast.leakerName, sums: new ForecastSums() }));
      leaker.sums.add(forecast);
      overall.add(forecast);
      bins.add(forecast);
      await options.onForecast?.(forecast);
    }
  }
  const leakers = [...perLeaker].map(([leakerId, { name, sums }]) => ({ leakerId, leakerName: name, ...sums.summary() }));
  leakers.sort((a, b) => b.claims - a.claims || a.leakerName.localeCompare(b.leakerName));
  return { asOf, leakers, overall: overall.claims === 0 ? null : overall.summary(), bins: bins.bins() };
}
