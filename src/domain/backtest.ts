/**
 * The backtest: how the partnership outlook would have done, replayed without peeking.
 *
 * Every partnership is an event: its manufacturer M and optics partner P went public on day K (the
 * partnership's known-since day). For each lead time L, the outlook for P is asked as of the cut-off
 * K - L, so it sees only the facts known on the cut-off (valid time and known-since alike: that is
 * what an as-of read is), and the backtest records where M stood. The baselines rank the same
 * candidates from the same cut-off data (backtest-baselines.ts); the metrics are in
 * backtest-metrics.ts.
 *
 * An event can end three ways: RANKED (M was a candidate), NOT_A_CANDIDATE (M was excluded on the
 * cut-off, or not known yet: a miss for every ranking alike), or NOT_ASKED (P itself was not known on
 * the cut-off, so there was no outlook to ask; left out of the figures, and counted).
 */
import type { Day } from './facts.ts';
import type { ExclusionReason, PartnershipOutlook } from './outlook.ts';
import { addDays } from './fuzzy-date.ts';
import { BASELINES, baselineRankings, NameOrder, networkAsOf, type Baseline, type NetworkEdge, type PartnershipLink } from './backtest-baselines.ts';
import { eventFigures, summarise, type EventFigures, type Scored, type Summary } from './backtest-metrics.ts';

/** The lead times the README's table uses: a quarter and half a year before the news. */
export const DEFAULT_LEAD_DAYS = [90, 180] as const;

export const METHODS = ['OUTLOOK', ...BASELINES] as const;
export type Method = 'OUTLOOK' | Baseline;

export interface BacktestEvent {
  partnershipId: string;
  manufacturerId: string;
  opticsPartnerId: string;
  /** K: the day the partnership became public. */
  knownOn: Day;
  leadDays: number;
  /** K - lead: the as-of day of the outlook asked. */
  cutOff: Day;
}

/** One event per partnership (of the optics partner, if one is given) and lead time, by K, then id, then lead. */
export function backtestEvents(partnerships: readonly PartnershipLink[], leadDays: readonly number[], opticsPartnerId: string | null = null): BacktestEvent[] {
  return partnerships
    .filter((partnership) => opticsPartnerId === null || partnership.opticsPartnerId === opticsPartnerId)
    .toSorted((a, b) => (a.knownSince < b.knownSince ? -1 : a.knownSince > b.knownSince ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .flatMap((partnership) =>
      leadDays.map((lead) => ({
        partnershipId: partnership.id,
        manufacturerId: partnership.manufacturerId,
        opticsPartnerId: partnership.opticsPartnerId,
        knownOn: partnership.knownSince,
        leadDays: lead,
        cutOff: addDays(partnership.knownSince, -lead),
      })),
    );
}

export type EventStatus = 'RANKED' | 'NOT_A_CANDIDATE' | 'NOT_ASKED';

export interface EventResult {
  event: BacktestEvent;
  status: EventStatus;
  /** NOT_A_CANDIDATE: why M was not a candidate (UNKNOWN: M itself was not known on the cut-off). */
  exclusion: ExclusionReason | 'UNKNOWN' | null;
  /** How many candidates the outlook listed on the cut-off. */
  candidates: number;
  /** The outlook's evaluation day (later than the cut-off when P was bound by a clause then). */
  evaluatedOn: Day | null;
  /** The outlook's score for M on the cut-off (0 when it was no candidate). */
  score: number;
  /** Per method; null for NOT_ASKED. */
  figures: Record<Method, EventFigures> | null;
}

/** Judges one event from the outlook asked on its cut-off (null: P was not known then) and the partnership network. */
export function judgeEvent(event: BacktestEvent, outlook: PartnershipOutlook | null, edges: readonly NetworkEdge[], names: NameOrder = new NameOrder()): EventResult {
  if (outlook === null) {
    return { event, status: 'NOT_ASKED', exclusion: null, candidates: 0, evaluatedOn: null, score: 0, figures: null };
  }
  const candidates = outlook.candidates.map((candidate) => candidate.company);
  const outlookRanking: Scored[] = outlook.candidates.map((candidate) => ({ id: candidate.company.id, score: candidate.score, probability: candidate.score }));
  const rankings: Record<Method, Scored[]> = {
    OUTLOOK: outlookRanking,
    ...baselineRankings(candidates, event.opticsPartnerId, networkAsOf(edges, event.cutOff), names),
  };
  const figures = Object.fromEntries(METHODS.map((method) => [method, eventFigures(rankings[method], event.manufacturerId)])) as Record<Method, EventFigures>;
  const candidate = outlook.candidates.find((c) => c.company.id === event.manufacturerId);
  const exclusion = [...outlook.existingPartners, ...outlook.excluded].find((e) => e.company.id === event.manufacturerId);
  return {
    event,
    status: candidate ? 'RANKED' : 'NOT_A_CANDIDATE',
    exclusion: candidate ? null : (exclusion?.reason ?? 'UNKNOWN'),
    candidates: outlook.candidates.length,
    evaluatedOn: outlook.evaluatedOn,
    score: candidate?.score ?? 0,
    figures,
  };
}

export interface LeadTimeSummary {
  leadDays: number;
  /** Events of this lead time, asked or not. */
  events: number;
  notAsked: number;
  /** Asked events where the manufacturer was no candidate (a miss for every method). */
  notCandidates: number;
  methods: Record<Method, Summary>;
}

export function summariseBacktest(results: readonly EventResult[], leadDays: readonly number[]): LeadTimeSummary[] {
  return leadDays.map((lead) => {
    const ofLead = results.filter((result) => result.event.leadDays === lead);
    const asked = ofLead.filter((result) => result.figures !== null);
    const figures = asked.flatMap((result) => (result.figures ? [result.figures] : []));
    return {
      leadDays: lead,
      events: ofLead.length,
      notAsked: ofLead.length - asked.length,
      notCandidates: asked.filter((result) => result.status === 'NOT_A_CANDIDATE').length,
      methods: Object.fromEntries(METHODS.map((method) => [method, summarise(figures.map((figure) => figure[method]))])) as Record<Method, Summary>,
    };
  });
}

/**
 * The outlooks of one optics partner on its cut-off days: read once for all of them, then asked per
 * day (null when the partner was not known that day). The backtest asks each day once and drops its
 * outlook when its events are judged, so an outlook of 2,000 candidates is never kept.
 */
export type OutlooksOf = (opticsPartnerId: string, cutOffs: readonly Day[]) => Promise<(cutOff: Day) => PartnershipOutlook | null>;

/** How many outlooks a set of events needs: events with the same partner and cut-off share one. */
export function outlooksNeeded(events: readonly BacktestEvent[]): number {
  return new Set(events.map((event) => `${event.opticsPartnerId}@${event.cutOff}`)).size;
}

/**
 * Cut-off days read at once: a busy optics partner of the scale benchmark has some 370, and one read
 * of all of them took seconds on a loaded machine; 50 keep each read well inside the transaction
 * timeout while the manufacturers are still read only a handful of times per partner.
 */
export const CUT_OFFS_PER_READ = 50;

/**
 * Runs the events: per optics partner and up to CUT_OFFS_PER_READ of its cut-off days (`concurrency`
 * such reads at a time) the outlooks are read once, then each distinct cut-off's outlook is computed
 * and the events that share it judged. The results come back in the order of the events.
 */
export async function runBacktest(
  events: readonly BacktestEvent[],
  outlooksOf: OutlooksOf,
  edges: readonly NetworkEdge[],
  concurrency = 1,
  onOutlook: (asked: number, total: number) => void = () => {},
): Promise<EventResult[]> {
  // partner -> cut-off -> the events judged from that outlook, with their places in `events`
  const byPartner = new Map<string, Map<Day, { event: BacktestEvent; index: number }[]>>();
  events.forEach((event, index) => {
    const byCutOff = byPartner.get(event.opticsPartnerId) ?? new Map<Day, { event: BacktestEvent; index: number }[]>();
    byPartner.set(event.opticsPartnerId, byCutOff);
    byCutOff.set(event.cutOff, [...(byCutOff.get(event.cutOff) ?? []), { event, index }]);
  });
  const reads = [...byPartner].flatMap(([partnerId, byCutOff]) => {
    const cutOffs = [...byCutOff].sort(([a], [b]) => (a < b ? -1 : 1));
    return Array.from({ length: Math.ceil(cutOffs.length / CUT_OFFS_PER_READ) }, (_, i) => ({
      partnerId,
      cutOffs: cutOffs.slice(i * CUT_OFFS_PER_READ, (i + 1) * CUT_OFFS_PER_READ),
    }));
  });
  const total = outlooksNeeded(events);
  const results = new Array<EventResult>(events.length);
  const names = new NameOrder();
  let next = 0;
  let asked = 0;
  const worker = async () => {
    for (let read = reads[next++]; read !== undefined; read = reads[next++]) {
      const outlookOn = await outlooksOf(
        read.partnerId,
        read.cutOffs.map(([cutOff]) => cutOff),
      );
      for (const [cutOff, members] of read.cutOffs) {
        const outlook = outlookOn(cutOff);
        for (const { event, index } of members) results[index] = judgeEvent(event, outlook, edges, names);
        onOutlook(++asked, total);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, reads.length)) }, worker));
  return results;
}
