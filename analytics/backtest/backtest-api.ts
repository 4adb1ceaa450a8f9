/**
 * The backtest read through the service's GraphQL `backtest` query instead of replayed from Neo4j.
 * The service answers at most MAX_BACKTEST_EVENTS events (partnerships x lead times) a request, so
 * the partnerships public on the day are read first (`partnerships`, their knownSince) and asked about
 * in spans of consecutive days (knownFrom/knownUntil) that each stay within the limit. The events the
 * service judged are put back in the order the whole replay gives them, and the summaries worked out
 * from them by the rule the service uses (src/domain/backtest.ts), so the report is the one from Neo4j.
 */
import { backtestEvents, type EventResult, type EventStatus, type LeadTimeSummary, type Method, outlooksNeeded, summariseBacktest } from '../../src/domain/backtest.ts';
import type { EventFigures } from '../../src/domain/backtest-metrics.ts';
import type { Day } from '../../src/domain/facts.ts';
import { API_PAGE_SIZE, type Connection, type GraphqlClient, PAGE_INFO } from '../source/graphql-client.ts';

/** The service's default MAX_BACKTEST_EVENTS. */
export const DEFAULT_EVENTS_PER_REQUEST = 200;

export interface BacktestQuestionToApi {
  opticsPartnerId: string | null;
  leadDays: readonly number[];
  asOf: Day;
  /** At most the service's MAX_BACKTEST_EVENTS. */
  eventsPerRequest: number;
}

interface EventNode {
  partnership: { slug: string };
  manufacturer: { slug: string };
  opticsPartner: { slug: string };
  knownOn: Day;
  leadDays: number;
  cutOff: Day;
  status: EventStatus;
  exclusion: EventResult['exclusion'];
  candidates: number;
  evaluatedOn: Day | null;
  score: number;
  rankings: (Omit<EventFigures, 'placement'> & { ranking: Method; rank: number | null; bestRank: number | null; worstRank: number | null })[];
}

const partnershipsQuery = `query ($asOf: Date, $partner: ID, $after: String) {
  partnerships(asOf: $asOf, opticsPartner: $partner, first: ${API_PAGE_SIZE}, after: $after) { ${PAGE_INFO} edges { node { knownSince } } }
}`;

const backtestQuery = `query ($asOf: Date, $partner: ID, $from: Date, $until: Date, $leads: [Int!]) {
  backtest(asOf: $asOf, opticsPartner: $partner, knownFrom: $from, knownUntil: $until, leadDays: $leads) {
    events { partnership { slug } manufacturer { slug } opticsPartner { slug } knownOn leadDays cutOff status exclusion candidates evaluatedOn score
      rankings { ranking rank bestRank worstRank probability hitsAt1 hitsAt3 reciprocalRank brier } }
  }
}`;

/** Spans of consecutive days whose partnerships x lead times fit one request each. */
export function requestSpans(knownSinceDays: readonly Day[], leadTimes: number, eventsPerRequest: number): { from: Day; until: Day }[] {
  const perDay = new Map<Day, number>();
  for (const day of knownSinceDays) perDay.set(day, (perDay.get(day) ?? 0) + 1);
  const spans: { from: Day; until: Day; events: number }[] = [];
  for (const [day, n] of [...perDay].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const events = n * leadTimes;
    if (events > eventsPerRequest) {
      throw new Error(`${n} partnerships became public on ${day}: ${events} events, more than one request may ask (${eventsPerRequest}); ask with fewer lead times, or run the backtest on Neo4j`);
    }
    const last = spans.at(-1);
    if (last !== undefined && last.events + events <= eventsPerRequest) Object.assign(last, { until: day, events: last.events + events });
    else spans.push({ from: day, until: day, events });
  }
  return spans.map(({ from, until }) => ({ from, until }));
}

function eventResult(node: EventNode): EventResult {
  const figures =
    node.rankings.length === 0
      ? null
      : (Object.fromEntries(
          node.rankings.map(({ ranking, rank, bestRank, worstRank, ...figures }) => [
            ranking,
            { ...figures, placement: rank === null ? null : { shown: rank, above: bestRank! - 1, tied: worstRank! - bestRank! + 1 } },
          ]),
        ) as Record<Method, EventFigures>);
  return {
    event: { partnershipId: node.partnership.slug, manufacturerId: node.manufacturer.slug, opticsPartnerId: node.opticsPartner.slug, knownOn: node.knownOn, leadDays: node.leadDays, cutOff: node.cutOff },
    status: node.status,
    exclusion: node.exclusion,
    candidates: node.candidates,
    evaluatedOn: node.evaluatedOn,
    score: node.score,
    figures,
  };
}

export interface ApiBacktestReport {
  summaries: LeadTimeSummary[];
  results: EventResult[];
  outlooks: number;
  requests: number;
}

export async function backtestFromApi(api: GraphqlClient, question: BacktestQuestionToApi): Promise<ApiBacktestReport> {
  const { asOf, opticsPartnerId: partner, leadDays } = question;
  const days = (await api.all<{ partnerships: Connection<{ knownSince: Day }> }, { knownSince: Day }>(partnershipsQuery, { asOf, partner }, (data) => data.partnerships)).map((p) => p.knownSince);
  const results: EventResult[] = [];
  const spans = requestSpans(days, leadDays.length, question.eventsPerRequest);
  for (const { from, until } of spans) {
    const data = await api.query<{ backtest: { events: EventNode[] } }>(backtestQuery, { asOf, partner, from, until, leads: leadDays });
    results.push(...data.backtest.events.map(eventResult));
  }
  // The whole replay's order: by K, then partnership, then lead time as asked.
  const links = new Map(results.map(({ event: e }) => [e.partnershipId, { id: e.partnershipId, manufacturerId: e.manufacturerId, opticsPartnerId: e.opticsPartnerId, knownSince: e.knownOn }]));
  const order = new Map(backtestEvents([...links.values()], leadDays).map((e, i) => [`${e.partnershipId}@${e.leadDays}`, i]));
  results.sort((a, b) => order.get(`${a.event.partnershipId}@${a.event.leadDays}`)! - order.get(`${b.event.partnershipId}@${b.event.leadDays}`)!);
  return { summaries: summariseBacktest(results, leadDays), results, outlooks: outlooksNeeded(results.map((r) => r.event)), requests: spans.length };
}
