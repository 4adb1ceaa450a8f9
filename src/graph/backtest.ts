/**
 * The backtest run against the graph: the events and the network come from `backtest-partnerships`,
 * and every outlook is the service's own (the outlook-facts statement, then the pure rules of the
 * outlook), asked as of the cut-off day, so the backtest measures exactly what a client would have been told that day.
 */
import { networkEdges, type PartnershipLink } from '../domain/backtest-baselines.ts';
import { backtestEvents, outlooksNeeded, runBacktest, summariseBacktest, type BacktestEvent, type EventResult, type LeadTimeSummary, type OutlooksOf } from '../domain/backtest.ts';
import { companyAsOf } from '../domain/as-of.ts';
import type { Day } from '../domain/facts.ts';
import { partnershipOutlook } from '../domain/outlook.ts';
import type { RequestContext } from '../context.ts';
import { outlookFactsOnDays } from './outlook-facts.ts';

type GraphReader = Pick<RequestContext, 'graph' | 'roundTrips'>;

/** Every partnership public on `asOf`, oldest news first. */
export async function partnershipLinks(context: GraphReader, asOf: Day): Promise<PartnershipLink[]> {
  const rows = await context.graph.read('backtest-partnerships', { asOf }, context.roundTrips);
  return rows.map((row) => ({
    id: String(row.id),
    manufacturerId: String(row.manufacturerId),
    opticsPartnerId: String(row.opticsPartnerId),
    knownSince: String(row.knownSince),
  }));
}

/**
 * The outlooks exactly as the partnershipOutlook query computes them (no region, no "after
 * exclusivity"), one read per optics partner for all its cut-off days: the facts known on the latest
 * cut-off, which the outlook's own rules view as of each day, and each day's evidence summaries.
 */
export function serviceOutlooks(context: GraphReader): OutlooksOf {
  return async (opticsPartnerId, cutOffs) => {
    const facts = await outlookFactsOnDays(context, opticsPartnerId, cutOffs);
    return (cutOff) => {
      if (!facts?.partner.isOpticsPartner || companyAsOf(facts.partner, cutOff) === null) return null;
      const evidence = facts.evidenceOn.get(cutOff) ?? new Map();
      return partnershipOutlook({ ...facts, evidence, opticsPartnerId: facts.partner.id, asOf: cutOff, region: null, afterExclusivityId: null });
    };
  };
}

export interface BacktestQuestion {
  /** One optics partner's partnerships, or null for all. */
  opticsPartnerId: string | null;
  leadDays: readonly number[];
  /** The graph as known on this day: its partnerships are the events (today, usually). */
  asOf: Day;
  /** Only partnerships that became public in this span (either end may be open). */
  knownFrom?: Day | null;
  knownUntil?: Day | null;
}

export interface BacktestPlan {
  events: BacktestEvent[];
  links: PartnershipLink[];
  /** Distinct outlooks the events need (events with the same partner and cut-off share one). */
  outlooks: number;
}

export interface BacktestReport {
  question: BacktestQuestion;
  summaries: LeadTimeSummary[];
  results: EventResult[];
  outlooks: number;
}

/** Reads the events a question asks about, without running them: what it would cost is known first. */
export async function planBacktest(context: GraphReader, question: BacktestQuestion): Promise<BacktestPlan> {
  const links = await partnershipLinks(context, question.asOf);
  const { knownFrom = null, knownUntil = null } = question;
  const inSpan = links.filter((link) => (knownFrom === null || link.knownSince >= knownFrom) && (knownUntil === null || link.knownSince <= knownUntil));
  const events = backtestEvents(inSpan, question.leadDays, question.opticsPartnerId);
  return { events, links, outlooks: outlooksNeeded(events) };
}

export async function runPlannedBacktest(
  context: GraphReader,
  question: BacktestQuestion,
  plan: BacktestPlan,
  concurrency = 1,
  onOutlook?: (asked: number, total: number) => void,
): Promise<BacktestReport> {
  const results = await runBacktest(plan.events, serviceOutlooks(context), networkEdges(plan.links), concurrency, onOutlook);
  return { question, summaries: summariseBacktest(results, question.leadDays), results, outlooks: plan.outlooks };
}
