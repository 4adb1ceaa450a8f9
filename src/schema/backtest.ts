/**
 * The backtest through GraphQL: the same replay as `npm run backtest` (src/graph/backtest.ts), for one
 * optics partner or all, for a frontend or a notebook. Each event asks one outlook, so a request is
 * bounded: it may replay at most MAX_BACKTEST_EVENTS events (narrow it by partner, by the days the
 * partnerships became public, or by fewer lead times), and at most MAX_CONCURRENT_BACKTESTS run in the
 * process at once; past either, the request is refused with what to do, before any outlook is asked.
 */
import { GraphQLError } from 'graphql';
import { DEFAULT_LEAD_DAYS, METHODS, type EventResult, type LeadTimeSummary, type Method } from '../domain/backtest.ts';
import type { EventFigures, Summary } from '../domain/backtest-metrics.ts';
import { planBacktest, runPlannedBacktest } from '../graph/backtest.ts';
import { entityKey } from '../graph/loaders.ts';
import { builder } from './builder.ts';
import { asOfArgDescription, asOfDay } from './common.ts';
import { CompanyRef, PartnershipRef } from './refs.ts';

/** Outlooks one backtest asks at once: enough to overlap Neo4j round trips, few enough to leave room for others. */
const OUTLOOKS_AT_ONCE = 2;
const MAX_LEAD_TIMES = 4;

const RankingRef = builder.enumType('BacktestRanking', {
  values: {
    OUTLOOK: { description: 'The partnership outlook, as this service answered on the cut-off day.' },
    RANDOM: { description: 'Every candidate tied: a random order (its expected value).' },
    POPULARITY: { description: 'Most partnerships (with any optics partner) known on the cut-off first.' },
    REPEAT_PARTNER: { description: "The optics partner's former manufacturers first." },
    COMMON_NEIGHBOURS: { description: 'Most paths M - other optics partner - other manufacturer - P in the partnership network first.' },
  } as const,
});

const StatusRef = builder.enumType('BacktestEventStatus', {
  values: {
    RANKED: { description: 'The manufacturer was a candidate on the cut-off.' },
    NOT_A_CANDIDATE: { description: 'It was excluded (or not known) on the cut-off: a miss for every ranking.' },
    NOT_ASKED: { description: 'The optics partner was not known on the cut-off: no outlook to ask; left out of the figures.' },
  } as const,
});

type Figures = Summary & { method: Method };
const FiguresRef = builder.objectRef<Figures>('BacktestFigures').implement({
  description: 'One ranking over the events of one lead time. Ties count as a random order among the tied.',
  fields: (t) => ({
    ranking: t.field({ type: RankingRef, resolve: (f) => f.method }),
    events: t.exposeInt('events', { description: 'Events asked (NOT_ASKED ones are left out).' }),
    hitsAt1: t.exposeFloat('hitsAt1', { description: 'Share of events where the partner that partnered came first.' }),
    hitsAt3: t.exposeFloat('hitsAt3', { description: 'Share of events where it was in the top 3.' }),
    meanReciprocalRank: t.exposeFloat('meanReciprocalRank'),
    brier: t.exposeFloat('brier', { description: 'Mean over events of the sum over candidates of (probability - outcome)^2; 0 is perfect, all-zero scores give 1.' }),
  }),
});

const SummaryRef = builder.objectRef<LeadTimeSummary>('BacktestSummary').implement({
  fields: (t) => ({
    leadDays: t.exposeInt('leadDays'),
    events: t.exposeInt('events'),
    notAsked: t.exposeInt('notAsked'),
    notCandidates: t.exposeInt('notCandidates'),
    rankings: t.field({ type: [FiguresRef], resolve: (s) => METHODS.map((method) => ({ ...s.methods[method], method })) }),
  }),
});

type EventRanking = EventFigures & { method: Method };
const EventRankingRef = builder.objectRef<EventRanking>('BacktestEventRanking').implement({
  description: 'Where one ranking put the manufacturer that partnered.',
  fields: (t) => ({
    ranking: t.field({ type: RankingRef, resolve: (f) => f.method }),
    rank: t.int({ nullable: true, description: 'Its position as shown (equal scores by name); null when it was no candidate.', resolve: (f) => f.placement?.shown ?? null }),
    bestRank: t.int({ nullable: true, description: 'The best place it shares with candidates of equal score.', resolve: (f) => (f.placement ? f.placement.above + 1 : null) }),
    worstRank: t.int({ nullable: true, resolve: (f) => (f.placement ? f.placement.above + f.placement.tied : null) }),
    probability: t.exposeFloat('probability', { description: 'The score read as a probability (baselines: their counts divided by the sum).' }),
    hitsAt1: t.exposeFloat('hitsAt1'),
    hitsAt3: t.exposeFloat('hitsAt3'),
    reciprocalRank: t.exposeFloat('reciprocalRank'),
    brier: t.exposeFloat('brier'),
  }),
});

type EventView = EventResult & { asOf: string };
const EventRef = builder.objectRef<EventView>('BacktestEvent').implement({
  description: 'One partnership, asked about a lead time before it became public.',
  fields: (t) => ({
    partnership: t.field({ type: PartnershipRef, resolve: (e) => entityKey(e.event.partnershipId, e.asOf) }),
    manufacturer: t.field({ type: CompanyRef, resolve: (e) => entityKey(e.event.manufacturerId, e.asOf) }),
    opticsPartner: t.field({ type: CompanyRef, resolve: (e) => entityKey(e.event.opticsPartnerId, e.asOf) }),
    knownOn: t.field({ type: 'Date', description: 'K: the day the partnership became public.', resolve: (e) => e.event.knownOn }),
    leadDays: t.int({ resolve: (e) => e.event.leadDays }),
    cutOff: t.field({ type: 'Date', description: 'K - leadDays: the as-of day of the outlook asked.', resolve: (e) => e.event.cutOff }),
    status: t.field({ type: StatusRef, resolve: (e) => e.status }),
    exclusion: t.string({ nullable: true, description: "NOT_A_CANDIDATE: the outlook's reason (UNKNOWN: the manufacturer was not known yet).", resolve: (e) => e.exclusion }),
    candidates: t.int({ resolve: (e) => e.candidates }),
    evaluatedOn: t.field({ type: 'Date', nullable: true, resolve: (e) => e.evaluatedOn }),
    score: t.float({ description: "The outlook's score for the manufacturer on the cut-off.", resolve: (e) => e.score }),
    rankings: t.field({ type: [EventRankingRef], resolve: ({ figures }) => (figures ? METHODS.map((method) => ({ ...figures[method], method })) : []) }),
  }),
});

interface BacktestView {
  asOf: string;
  opticsPartnerId: string | null;
  outlooks: number;
  summaries: LeadTimeSummary[];
  events: EventView[];
}

const BacktestRef = builder.objectRef<BacktestView>('Backtest').implement({
  description: 'How the partnership outlook would have done: every partnership, asked a lead time before it became public, with only what was known then.',
  fields: (t) => ({
    asOf: t.field({ type: 'Date', description: 'The graph as known on this day: its partnerships are the events.', resolve: (b) => b.asOf }),
    opticsPartner: t.field({ type: CompanyRef, nullable: true, resolve: (b) => (b.opticsPartnerId ? entityKey(b.opticsPartnerId, b.asOf) : null) }),
    outlooksAsked: t.exposeInt('outlooks', { description: 'Outlooks replayed (events with the same partner and cut-off share one).' }),
    summaries: t.field({ type: [SummaryRef], description: 'Per lead time: the outlook and each baseline.', resolve: (b) => b.summaries }),
    events: t.field({ type: [EventRef], description: 'Every event with its rank, by the day it became public.', resolve: (b) => b.events }),
  }),
});

let running = 0;

builder.queryField('backtest', (t) =>
  t.field({
    type: BacktestRef,
    description: `Replays the partnership outlook without peeking, for one optics partner or all. At most MAX_BACKTEST_EVENTS events (partnerships x lead times) per request; narrow with opticsPartner, knownFrom/knownUntil or fewer leadDays, or run \`npm run backtest\` for the whole graph.`,
    args: {
      opticsPartner: t.arg.id({ description: 'Natural id, e.g. "leica"; without it every optics partner.' }),
      leadDays: t.arg.intList({
        defaultValue: [...DEFAULT_LEAD_DAYS],
        description: `Days before each partnership became public to ask the outlook (1 to 3650, at most ${MAX_LEAD_TIMES}).`,
      }),
      knownFrom: t.arg({ type: 'Date', description: 'Only partnerships that became public on or after this day.' }),
      knownUntil: t.arg({ type: 'Date', description: 'Only partnerships that became public on or before this day.' }),
      asOf: t.arg({ type: 'Date', description: asOfArgDescription }),
    },
    resolve: async (_root, args, ctx) => {
      const asOf = asOfDay(args.asOf, ctx);
      const leadDays = [...new Set(args.leadDays ?? DEFAULT_LEAD_DAYS)];
      if (leadDays.length === 0 || leadDays.length > MAX_LEAD_TIMES || leadDays.some((lead) => !Number.isInteger(lead) || lead < 1 || lead > 3650)) {
        throw new GraphQLError(`leadDays must hold 1 to ${MAX_LEAD_TIMES} whole numbers of days from 1 to 3650, got ${JSON.stringify(args.leadDays)}`, {
          extensions: { code: 'BAD_USER_INPUT', argument: 'leadDays' },
        });
      }
      const question = { opticsPartnerId: args.opticsPartner ?? null, leadDays, asOf, knownFrom: args.knownFrom ?? null, knownUntil: args.knownUntil ?? null };
      const plan = await planBacktest(ctx, question);
      if (question.opticsPartnerId !== null && !plan.links.some((link) => link.opticsPartnerId === question.opticsPartnerId)) {
        throw new GraphQLError(`No partnership of an optics partner "${question.opticsPartnerId}" was public on ${asOf}: nothing to replay`, {
          extensions: { code: 'NOT_FOUND', argument: 'opticsPartner' },
        });
      }
      const limit = ctx.config.limits.maxBacktestEvents;
      if (plan.events.length > limit) {
        const days = `${plan.events.at(0)?.knownOn} to ${plan.events.at(-1)?.knownOn}`;
        throw new GraphQLError(
          `This backtest replays ${plan.events.length} events (partnerships public ${days}, x ${leadDays.length} lead times), more than MAX_BACKTEST_EVENTS (${limit}) allows per request; narrow it with opticsPartner, knownFrom/knownUntil or fewer leadDays, or run npm run backtest`,
          { extensions: { code: 'BAD_USER_INPUT', events: plan.events.length, limit } },
        );
      }
      if (running >= ctx.config.limits.maxConcurrentBacktests) {
        throw new GraphQLError(`${running} backtests are running, the most this server runs at once (MAX_CONCURRENT_BACKTESTS); try again when one has finished`, {
          extensions: { code: 'SERVICE_BUSY' },
        });
      }
      running++;
      try {
        const report = await runPlannedBacktest(ctx, question, plan, OUTLOOKS_AT_ONCE);
        return {
          asOf,
          opticsPartnerId: question.opticsPartnerId,
          outlooks: report.outlooks,
          summaries: report.summaries,
          events: report.results.map((result) => ({ ...result, asOf })),
        };
      } finally {
        running--;
      }
    },
  }),
);
