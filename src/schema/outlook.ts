/**
 * The question the service exists for: who could an optics partner work with, as known on a day, and
 * why. The rules live in src/domain/outlook.ts; this file fetches their facts and serves the answer.
 */
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { partnershipOutlook, UnknownExclusivityError, type Candidate, type Exclusion } from '../domain/outlook.ts';
import type { BindingClause } from '../domain/freedom.ts';
import type { CompanyFact } from '../domain/facts.ts';
import { clausesInForce, freeFrom } from '../domain/freedom.ts';
import { companyTimeline, EVENT_KINDS, type TimelineEvent } from '../domain/timeline.ts';
import { outlookEvidence, outlookFacts, type EvidenceEntry, type OutlookFacts } from '../graph/outlook-facts.ts';
import { claimFact, companyFact, deviceFact, exclusivityFact, partnershipFact } from '../graph/rows.ts';
import { entityKey, requestLoader, type Loaded } from '../graph/loaders.ts';
import type { RequestContext } from '../context.ts';
import { AnswerCache } from '../graph/answer-cache.ts';
import type { GraphExecutor, Row } from '../graph/executor.ts';
import type { ArgBuilder } from '@pothos/core';
import { builder, type BuilderTypes } from './builder.ts';
import { asOfArgDescription, asOfDay, nestedAsOfDay, parseRegion } from './common.ts';
import { pageOfItems, prime, relatedIds, withTotalCount } from './paging.ts';
import { ClauseEndRef } from './partnership.ts';
import { claimPageShape } from './claim.ts';
import { companyPageShape } from './company.ts';
import { pageReading, selectedFieldNodes, type PageReading } from './page-shape.ts';
import type { ProjectionSelection } from '../graph/statements.ts';
import { ClaimRef, CompanyRef, DeviceRef, ExclusivityRef, keysOf, LeakerRef, PartnershipRef } from './refs.ts';

type WithAsOf<T> = T & { asOf: string };
const at = <T extends object>(value: T, asOf: string): WithAsOf<T> => ({ ...value, asOf });

const BindingClauseRef = builder.objectRef<WithAsOf<BindingClause>>('BindingClause').implement({
  description: 'A clause that binds, with its end as known on the as-of day, or what that end depends on.',
  fields: (t) => ({
    clause: t.field({ type: ExclusivityRef, resolve: (b) => entityKey(b.clause.id, b.asOf) }),
    end: t.field({ type: ClauseEndRef, resolve: (b) => ({ ...b.end, asOf: b.asOf }) }),
  }),
});

const Direction = builder.enumType('EvidenceDirection', {
  values: { FOR: { description: 'Says they will partner.' }, AGAINST: { description: 'Says they will not.' } } as const,
});

/**
 * One claim in a candidate's score, as the outlook found it on the as-of day; with the claim's row
 * when it was read narrowed to what the query shows of it (page-shape.ts), else shown through the loader.
 */
type EvidenceView = EvidenceEntry & { asOf: string; claimRow: Loaded | null };

const OutlookEvidenceRef = builder.objectRef<EvidenceView>('OutlookEvidence').implement({
  description: "One claim counted in a score: weight = its leaker's credibility on the as-of day (0.5 without a leaker).",
  fields: (t) => ({
    claim: t.field({ type: ClaimRef, resolve: (e) => e.claimRow ?? entityKey(e.claimId, e.asOf) }),
    leaker: t.field({ type: LeakerRef, nullable: true, resolve: (e) => (e.leakerId ? entityKey(e.leakerId, e.asOf) : null) }),
    credibility: t.float({ nullable: true, description: "The leaker's credibility value on the as-of day.", resolve: (e) => e.credibility?.value ?? null }),
    credibilityHits: t.float({ nullable: true, resolve: (e) => e.credibility?.hits ?? null }),
    credibilityResolved: t.int({ nullable: true, resolve: (e) => e.credibility?.resolved ?? null }),
    weight: t.float({ resolve: (e) => e.weight }),
    direction: t.field({ type: Direction, resolve: (e) => e.direction }),
  }),
});

/**
 * A candidate of one outlook: which partner and day it was asked about, and how the page reads the
 * claims behind its score (evidenceReading: their claims, and whether it shows their leakers), so that
 * the explanation, which needs the same claims, shares the evidence field's round trip instead of
 * making its own.
 */
type CandidateView = Candidate & { asOf: string; opticsPartnerId: string; evidenceReading: EvidenceReading; credibilityOf: OutlookView['credibilityOf'] };

/** How a page reads the claims behind scores: each claim as `claims` says, and whether it shows their leakers. */
interface EvidenceReading {
  claims: PageReading;
  leakers: boolean;
}

/**
 * The claims behind the candidates on the page a client reads, for every candidate of the level in
 * one round trip; the leakers it shows come with them and are primed into the leaker loader.
 */
function evidenceOf(candidate: CandidateView, ctx: RequestContext, limit: number, reading: EvidenceReading = ID_ONLY): Promise<EvidenceView[]> {
  if (candidate.evidenceClaims === 0) return Promise.resolve([]);
  const batch = `outlook-evidence:${candidate.opticsPartnerId}@${candidate.asOf}:${limit}:${reading.claims.signature}:${reading.leakers}`;
  const loader = requestLoader<EvidenceView[]>(ctx, batch, async (manufacturerIds) => {
    const { asOf } = candidate;
    const entries = await outlookEvidence(
      ctx,
      candidate.opticsPartnerId,
      manufacturerIds,
      asOf,
      limit,
      candidate.credibilityOf,
      reading.claims.selection ?? ID_ONLY.claims.selection,
      reading.leakers,
    );
    const leakers = new Map(entries.flatMap((entry) => (entry.leaker ? [[entry.leaker.id, entry.leaker] as const] : [])));
    prime(ctx, LeakerRef, [...leakers.values()], asOf);
    const narrowed = reading.claims.selection !== undefined;
    return manufacturerIds.map((id) =>
      entries
        .filter((entry) => entry.manufacturerId === id)
        .map((entry) => ({
          ...entry,
          asOf,
          claimRow: narrowed ? ({ ...entry.claim, key: entityKey(entry.claimId, asOf), asOf } as Loaded) : null,
        })),
    );
  });
  return loader.load(candidate.company.id);
}

/** What the page of evidence at `path` below the field reads: its claims, and whether it shows leakers. */
function evidenceReadingAt(info: GraphQLResolveInfo, path: readonly string[]): EvidenceReading {
  return { claims: pageReading(info, claimPageShape, [...path, 'claim']), leakers: selectedFieldNodes(info, [...path, 'leaker']).length > 0 };
}

/** Evidence read for its weights alone (the explanation): of each claim, its id; no leaker. */
const ID_ONLY: EvidenceReading & { claims: { selection: ProjectionSelection } } = {
  claims: { selection: { claim: ['id'] }, embedVia: [], signature: 'id' },
  leakers: false,
};

/** What the outlook's facts hold of every manufacturer (src/graph/outlook-facts.ts) that a company field shows as the loader's row would. */
const FACT_ENTRIES = new Set(['id', 'name', 'knownSince']);

/**
 * A manufacturer of the outlook (a candidate's, an exclusion's) as its facts already read it, when the
 * query shows nothing more of it (`manufacturer { name }`): no second read of the page's companies.
 * Otherwise its key, and the company loader reads the whole row.
 */
function manufacturerOf(company: CompanyFact, asOf: string, info: GraphQLResolveInfo): Loaded | string {
  const key = entityKey(company.id, asOf);
  const shown = pageReading(info, companyPageShape, []).selection?.company;
  if (!shown?.every((entry) => FACT_ENTRIES.has(entry))) return key;
  return { id: company.id, name: company.name, knownSince: company.knownSince, key, asOf };
}

const CandidateRef = builder.objectRef<CandidateView>('OutlookCandidate').implement({
  description: 'A manufacturer free to partner on the evaluation day, scored from the evidence known on the as-of day.',
  fields: (t) => ({
    manufacturer: t.field({ type: CompanyRef, resolve: (c, _args, _ctx, info) => manufacturerOf(c.company, c.asOf, info) }),
    score: t.float({ description: '(1 - product(1 - w) over FOR) x product(1 - w) over AGAINST; 0 without evidence.', resolve: (c) => c.score }),
    evidenceClaims: t.int({ description: 'How many claims the score rests on.', resolve: (c) => c.evidenceClaims }),
    pastPartner: t.boolean({ resolve: (c) => c.pastPartner !== null }),
    pastPartnership: t.field({ type: PartnershipRef, nullable: true, resolve: (c) => (c.pastPartner ? entityKey(c.pastPartner.id, c.asOf) : null) }),
    plannedPartnership: t.field({
      type: PartnershipRef,
      nullable: true,
      description: 'A partnership with the optics partner, public on the as-of day, that starts after the evaluation day.',
      resolve: (c) => (c.plannedPartner ? entityKey(c.plannedPartner.id, c.asOf) : null),
    }),
    evidence: t.field({
      type: [OutlookEvidenceRef],
      description: 'The claims the score rests on, newest first: `first` of them (evidenceClaims counts them all).',
      args: { first: t.arg.int({ defaultValue: EVIDENCE_PAGE_SIZE, description: `At most ${EVIDENCE_PAGE_SIZE} by default; at most the server's page size limit.` }) },
      resolve: (c, args, ctx, info) => evidenceOf(c, ctx, evidenceLimit(args.first, ctx), evidenceReadingAt(info, [])),
    }),
    explanation: t.string({
      description: 'The score worked out in words, to check by hand.',
      resolve: async (c, _args, ctx) => explainScore(c, await evidenceOf(c, ctx, EVIDENCE_PAGE_SIZE, c.evidenceReading)),
    }),
  }),
});

const ExclusionReason = builder.enumType('ExclusionReason', {
  values: {
    EXISTING_PARTNER: { description: 'A partnership with the optics partner is in force on the evaluation day.' },
    BOUND_ELSEWHERE: { description: 'An exclusivity with another optics partner binds it on the evaluation day, in the region.' },
    NOT_FOUNDED: { description: 'Not yet founded on the evaluation day.' },
    DISSOLVED: { description: 'Dissolved on or before the evaluation day.' },
    SAME_COMPANY: { description: 'It is the optics partner itself (a company can have both roles).' },
  } as const,
});

const ExclusionRef = builder.objectRef<WithAsOf<Exclusion>>('OutlookExclusion').implement({
  description: 'A manufacturer that is not a candidate, with the fact behind it.',
  fields: (t) => ({
    manufacturer: t.field({ type: CompanyRef, resolve: (e, _args, _ctx, info) => manufacturerOf(e.company, e.asOf, info) }),
    reason: t.field({ type: ExclusionReason, resolve: (e) => e.reason }),
    partnership: t.field({ type: PartnershipRef, nullable: true, resolve: (e) => (e.partnership ? entityKey(e.partnership.id, e.asOf) : null) }),
    clause: t.field({ type: BindingClauseRef, nullable: true, resolve: (e) => (e.clause ? at(e.clause, e.asOf) : null) }),
    founded: t.string({ nullable: true, resolve: (e) => e.company.founded }),
    dissolved: t.string({ nullable: true, resolve: (e) => e.company.dissolved }),
  }),
});

/** The outlook, with the credibility of the leakers behind its scores as read with them (its page's claims show it). */
export type OutlookView = ReturnType<typeof partnershipOutlook> & Pick<OutlookFacts, 'credibilityOf'>;

export const OutlookRef = builder.objectRef<OutlookView>('PartnershipOutlook').implement({
  description: 'Who the optics partner could partner with on the evaluation day, as known on the as-of day, and why.',
  fields: (t) => ({
    opticsPartner: t.field({ type: CompanyRef, resolve: (o) => entityKey(o.opticsPartnerId, o.asOf) }),
    asOf: t.field({ type: 'Date', resolve: (o) => o.asOf }),
    region: t.string({ nullable: true, resolve: (o) => o.region }),
    evaluatedOn: t.field({
      type: 'Date',
      description: 'D: the first day on or after asOf (and after the named exclusivity) on which the partner is free.',
      resolve: (o) => o.evaluatedOn,
    }),
    freeFrom: t.field({
      type: 'Date',
      nullable: true,
      description: 'The day after the last binding clause that ended before D; null if none ever bound the partner.',
      resolve: (o) => o.freeFrom,
    }),
    blockedBy: t.field({ type: [BindingClauseRef], description: 'Clauses binding the partner on the as-of day.', resolve: (o) => o.blockedBy.map((b) => at(b, o.asOf)) }),
    assumesEndOf: t.field({
      type: [BindingClauseRef],
      description: 'Clauses with no known end that this answer treats as ended.',
      resolve: (o) => o.assumesEndOf.map((b) => at(b, o.asOf)),
    }),
    candidates: t.connection(
      {
        type: CandidateRef,
        description: 'Every manufacturer free to partner on D, best first (score, then name); page through them, totalCount counts them all.',
        resolve: (o, args, ctx, info) => {
          // What the page shows of each candidate's claims (all `evidence` fields of the page together).
          const evidenceReading = evidenceReadingAt(info, ['edges', 'node', 'evidence']);
          return pageOfItems(
            ctx,
            args,
            o.candidates.map((c) => ({ ...c, asOf: o.asOf, opticsPartnerId: o.opticsPartnerId, evidenceReading, credibilityOf: o.credibilityOf })),
            OUTLOOK_PAGE_SIZE,
          );
        },
      },
      withTotalCount,
    ),
    existingPartners: t.field({
      type: [ExclusionRef],
      description: 'Manufacturers with a partnership with the partner in force on D (at most its partnerships).',
      resolve: (o) => o.existingPartners.map((e) => at(e, o.asOf)),
    }),
    excluded: t.connection(
      {
        type: ExclusionRef,
        description: 'Every other manufacturer that is not a candidate, with its reason, by name; totalCount counts them all.',
        resolve: (o, args, ctx) =>
          pageOfItems(
            ctx,
            args,
            o.excluded.map((e) => at(e, o.asOf)),
            OUTLOOK_PAGE_SIZE,
          ),
      },
      withTotalCount,
    ),
  }),
});

/** A person wants the top of the ranking first; the rest is a page away. */
const OUTLOOK_PAGE_SIZE = 20;

/** Claims listed per candidate unless asked for more: a manufacturer named in 10,000 claims lists 50. */
const EVIDENCE_PAGE_SIZE = 50;

function evidenceLimit(first: number | null | undefined, ctx: RequestContext): number {
  const limit = first ?? EVIDENCE_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 0 || limit > ctx.config.limits.maxPageSize) {
    throw new GraphQLError(`evidence(first:) must be between 0 and ${ctx.config.limits.maxPageSize} (MAX_PAGE_SIZE), got ${limit}`, {
      extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
    });
  }
  return limit;
}

function explainScore(candidate: CandidateView, evidence: EvidenceView[]): string {
  if (evidence.length === 0) return 'No claim known on the as-of day names both companies: score 0.';
  if (evidence.length < candidate.evidenceClaims) {
    return `${candidate.evidenceClaims} claims, (1 - product of (1 - w) over those for) x product of (1 - w) over those against = ${candidate.score.toFixed(3)}; the newest ${evidence.length} are listed under evidence.`;
  }
  const term = (e: EvidenceView) => `(1 - ${e.weight.toFixed(3)})`;
  const forClaims = evidence.filter((e) => e.direction === 'FOR');
  const against = evidence.filter((e) => e.direction === 'AGAINST');
  const positive = forClaims.length ? `(1 - ${forClaims.map(term).join(' x ')})` : '0';
  const negative = against.length ? ` x ${against.map(term).join(' x ')}` : '';
  return `${positive}${negative} = ${candidate.score.toFixed(3)}`;
}

/** The arguments of every question about an outlook: the query's and the subscription's alike. */
export function outlookArgs(t: { arg: ArgBuilder<BuilderTypes> }) {
  return {
    opticsPartner: t.arg.id({ required: true, description: 'Natural id, e.g. "leica".' }),
    asOf: t.arg({ type: 'Date', description: asOfArgDescription }),
    region: t.arg.string({ description: 'ISO 3166-1 alpha-2 region, e.g. "JP"; without it a clause covering any region counts.' }),
    afterExclusivity: t.arg.id({ description: 'Natural id of a clause: evaluate on or after the day after it ends.' }),
  } as const;
}

export interface OutlookQuestion {
  opticsPartner: string;
  asOf?: string | null;
  region?: string | null;
  afterExclusivity?: string | null;
}

/** An outlook worked out, with the partnership and clause rows it read (to prime their loaders). */
interface WorkedOutlook {
  view: OutlookView;
  rows: { partnerships: Row[]; exclusivities: Row[] };
}

/** Outlooks kept until the graph changes (answer-cache.ts), one cache per connection to a graph. */
const keptOutlooks = new WeakMap<GraphExecutor, AnswerCache<WorkedOutlook>>();

/**
 * The kept outlooks of the request's graph; null when its app keeps none (OUTLOOK_CACHE_ENTRIES=0), so
 * that such an app never creates, nor is answered from, the cache another app on the same connection
 * keeps (the scale bench serves "worked out anew" and "as configured" from one connection).
 */
function outlookCache(ctx: RequestContext): AnswerCache<WorkedOutlook> | null {
  if (ctx.config.outlookCacheEntries <= 0) return null;
  let cache = keptOutlooks.get(ctx.graph);
  if (!cache) {
    cache = new AnswerCache(ctx.config.outlookCacheEntries);
    keptOutlooks.set(ctx.graph, cache);
  }
  return cache;
}

/**
 * Reads the facts of one outlook and applies the rules: what `partnershipOutlook` answers. The same
 * question asked again before any write is answered from memory, after one read of the graph's version.
 */
export async function loadOutlook(ctx: RequestContext, args: OutlookQuestion): Promise<OutlookView> {
  const asOf = asOfDay(args.asOf, ctx);
  const region = parseRegion(args.region);
  const afterExclusivityId = args.afterExclusivity ?? null;
  const work = async (): Promise<WorkedOutlook> => {
    const facts = await outlookFacts(ctx, args.opticsPartner, asOf, afterExclusivityId);
    if (!facts?.partner.isOpticsPartner) {
      throw new GraphQLError(`No optics partner "${args.opticsPartner}" was known on ${asOf}`, { extensions: { code: 'NOT_FOUND', argument: 'opticsPartner' } });
    }
    try {
      const view = partnershipOutlook({ ...facts, opticsPartnerId: facts.partner.id, asOf, region, afterExclusivityId });
      return { view: { ...view, credibilityOf: facts.credibilityOf }, rows: facts.rows };
    } catch (error) {
      if (error instanceof UnknownExclusivityError) {
        throw new GraphQLError(error.message, { extensions: { code: 'NOT_FOUND', argument: 'afterExclusivity' } });
      }
      throw error;
    }
  };
  const cache = outlookCache(ctx);
  const key = JSON.stringify([args.opticsPartner, asOf, region, afterExclusivityId]);
  // The version the response cache read on arrival will do: the facts are read after it either way.
  const worked = cache ? await cache.answer(key, ctx.graphVersion ?? (await ctx.graph.version(ctx.roundTrips)), work) : await work();
  // Read in the shape of their loaders: showing them (existing partners, binding clauses) costs no second read.
  prime(ctx, PartnershipRef, worked.rows.partnerships, asOf);
  prime(ctx, ExclusivityRef, worked.rows.exclusivities, asOf);
  return worked.view;
}

builder.queryField('partnershipOutlook', (t) =>
  t.field({
    type: OutlookRef,
    description: 'Who could this optics partner partner with, as known on asOf? Every manufacturer known then is a candidate or excluded, with reasons.',
    args: outlookArgs(t),
    resolve: (_root, args, ctx) => loadOutlook(ctx, args as OutlookQuestion),
  }),
);

/** The clauses on a company's partnerships, as facts known on its as-of day (one batched load). */
async function clausesOf(company: Loaded, ctx: RequestContext) {
  const rows = await ExclusivityRef.getDataloader(ctx).loadMany(await relatedIds(ctx, 'company-exclusivities', company));
  return rows.filter((r): r is Loaded => !(r instanceof Error) && r !== null).map(exclusivityFact);
}

const FreedomRef = builder.objectRef<ReturnType<typeof freeFrom>>('Freedom').implement({
  description: 'Whether an optics partner is free of exclusivity on the as-of day, and since when.',
  fields: (t) => ({
    isFree: t.boolean({ resolve: (f) => f.isFree }),
    freeFrom: t.field({
      type: 'Date',
      nullable: true,
      description: 'The day after the last binding clause that ended before the day; null if bound now or never bound.',
      resolve: (f) => f.freeFrom,
    }),
    blockedBy: t.field({ type: [BindingClauseRef], resolve: (f) => f.blockedBy.map((b) => at(b, f.asOf)) }),
  }),
});

const TimelineEventKind = builder.enumType('TimelineEventKind', { values: EVENT_KINDS });

const TimelineEventRef = builder.objectRef<TimelineEvent>('TimelineEvent').implement({
  fields: (t) => ({
    kind: t.field({ type: TimelineEventKind, resolve: (e) => e.kind }),
    day: t.field({ type: 'Date', description: 'The day it sorts on.', resolve: (e) => e.day }),
    date: t.string({ description: 'The date as given, with its precision.', resolve: (e) => e.date }),
    title: t.string({ resolve: (e) => e.title }),
    refId: t.string({ description: 'Natural id of the partnership, clause, device or claim.', resolve: (e) => e.refId }),
    knownSince: t.field({ type: 'Date', resolve: (e) => e.knownSince }),
  }),
});

builder.objectFields(CompanyRef, (t) => ({
  freeFrom: t.field({
    type: FreedomRef,
    description: 'As an optics partner: free of exclusivity on the as-of day? Since when?',
    args: {
      asOf: t.arg({ type: 'Date', description: 'Default: the as-of day of the query. Cannot be later than it.' }),
      region: t.arg.string({ description: 'ISO code; without it a clause covering any region counts.' }),
    },
    resolve: async (c, args, ctx) => freeFrom(String(c.id), await clausesOf(c, ctx), nestedAsOfDay('freeFrom', args.asOf, c.asOf), parseRegion(args.region)),
  }),
  clausesInForce: t.field({
    type: [BindingClauseRef],
    description: 'Clauses binding this company on a day (default: the as-of day), as known on the as-of day.',
    args: { on: t.arg({ type: 'Date' }), region: t.arg.string() },
    resolve: async (c, args, ctx) => clausesInForce(String(c.id), await clausesOf(c, ctx), args.on ?? c.asOf, c.asOf, parseRegion(args.region)).map((b) => at(b, c.asOf)),
  }),
  timeline: t.field({
    type: [TimelineEventRef],
    description: 'Its partnerships, clauses, devices and the claims about it, in date order, as known on the as-of day.',
    resolve: async (c, _args, ctx) => {
      const load = async (ref: typeof PartnershipRef, ids: unknown) =>
        (await ref.getDataloader(ctx).loadMany(keysOf(ids, c.asOf))).filter((r): r is Loaded => !(r instanceof Error) && r !== null);
      const [story] = await ctx.graph.read('company-timeline-ids', { ids: [c.id], asOf: c.asOf }, ctx.roundTrips);
      const [partnerships, exclusivities, devices, claims] = await Promise.all([
        load(PartnershipRef, story?.partnershipIds),
        load(ExclusivityRef, story?.exclusivityIds),
        load(DeviceRef, [...new Set((story?.deviceIds as string[]) ?? [])]),
        load(ClaimRef, story?.claimIds),
      ]);
      const otherIds = partnerships.flatMap((p) => [String(p.manufacturerId), String(p.opticsPartnerId)]);
      const companies = await load(CompanyRef, [...new Set([String(c.id), ...otherIds])]);
      return companyTimeline(
        String(c.id),
        {
          companies: companies.map(companyFact),
          partnerships: partnerships.map(partnershipFact),
          exclusivities: exclusivities.map(exclusivityFact),
          devices: devices.map(deviceFact),
          claims: claims.map(claimFact),
        },
        c.asOf,
      );
    },
  }),
}));
