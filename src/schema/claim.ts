/** Leakers, the claims they publish, how each turned out, and the sources that report them. */
import { credibilityOfCounts, type CredibilityCounts } from '../domain/credibility.ts';
import type { RequestContext } from '../context.ts';
import { resolutionAsOf, resolutionsKnownOn } from '../domain/as-of.ts';
import { claimFact } from '../graph/rows.ts';
import { entityKey, requestLoader, type Loaded } from '../graph/loaders.ts';
import { CLAIM_KINDS, OUTCOMES, type Outcome as OutcomeValue } from '../domain/facts.ts';
import { builder } from './builder.ts';
import { asOfArgDescription, asOfDay, FuzzyDateRef, nestedAsOfDay } from './common.ts';
import type { Row } from '../graph/executor.ts';
import { devicePageShape } from './device.ts';
import type { PageShape } from './page-shape.ts';
import { lookupWithNestedPage, type NestedPage, pageFromStatement, pageOfRelated, withTotalCount } from './paging.ts';
import { ClaimRef, CompanyRef, DeviceRef, entityOf, ExclusivityRef, keysOf, LeakerRef, lookupField, PartnershipRef, related, relatedAll, SourceRef } from './refs.ts';

export const Outcome = builder.enumType('Outcome', { values: OUTCOMES });
export const ClaimKind = builder.enumType('ClaimKind', { values: CLAIM_KINDS });

interface ResolutionView {
  outcome: OutcomeValue;
  decidedOn: string;
  knownSince: string;
  note: string | null;
  sourceKeys: string[];
}

const ResolutionRef = builder.objectRef<ResolutionView>('Resolution').implement({
  description: 'One decision on a claim; a claim refuted and later vindicated has two.',
  fields: (t) => ({
    outcome: t.field({ type: Outcome, resolve: (r) => r.outcome }),
    decidedOn: t.field({ type: 'Date', resolve: (r) => r.decidedOn }),
    knownSince: t.field({ type: 'Date', resolve: (r) => r.knownSince }),
    note: t.string({ nullable: true, resolve: (r) => r.note }),
    sources: t.field({ type: [SourceRef], resolve: (r) => r.sourceKeys }),
  }),
});

interface EvidenceItem {
  kind: string;
  description: string | null;
  url: string | null;
}
const EvidenceRef = builder.objectRef<EvidenceItem>('Evidence').implement({
  description: 'Material attached to a claim, e.g. an image with a Leica logo.',
  fields: (t) => ({
    kind: t.exposeString('kind'),
    description: t.string({ nullable: true, resolve: (e) => e.description ?? null }),
    url: t.string({ nullable: true, resolve: (e) => e.url ?? null }),
  }),
});

const ClaimSubject = builder.unionType('ClaimSubject', {
  types: [CompanyRef, DeviceRef],
  resolveType: (entity) => ((entity as Loaded).subjectKind === 'Device' ? DeviceRef : CompanyRef),
});

const SUBJECTS = ['subjects', 'embeddedCompanies', 'embeddedDevices'];

/**
 * What each field below reads of cypher/projections/claim.cypher, so a page of claims reads only what
 * its query shows (page-shape.ts). A field missing here makes pages read full rows: add it.
 */
export const claimPageShape: PageShape = {
  projection: 'claim',
  needs: {
    slug: ['id'],
    statement: ['statement'],
    kind: ['kind'],
    publishedOn: ['publishedOn'],
    leaker: ['leakerId'],
    subjects: SUBJECTS,
    // The outcome as known on a day counts only once the claim itself was published.
    outcome: ['resolutions', 'publishedOn'],
    outcomeDecidedOn: ['resolutions', 'publishedOn'],
    resolutions: ['resolutions'],
    evidence: ['evidence'],
    sources: ['sourceIds'],
  },
  embedVia: {},
  // The devices it names, read as far as `subjects { ... on Device { ... } }` shows them.
  embeds: { subjects: { type: 'Device', others: ['Company'], shape: () => devicePageShape, rows: 'embeddedDevices', companies: 'embeddedDeviceCompanies' } },
};

ClaimRef.implement({
  description: 'What a leaker (or an outlet) said on a day, about one or more companies or devices, and how it turned out.',
  fields: (t) => ({
    slug: t.string({ resolve: (c) => String(c.id) }),
    asOf: t.field({ type: 'Date', resolve: (c) => c.asOf }),
    statement: t.string({ resolve: (c) => String(c.statement) }),
    kind: t.field({ type: ClaimKind, resolve: (c) => claimFact(c).kind }),
    publishedOn: t.field({ type: 'Date', resolve: (c) => String(c.publishedOn) }),
    leaker: t.field({
      type: LeakerRef,
      nullable: true,
      description: 'Null for a claim made by an outlet.',
      resolve: (c, _args, ctx) => related(ctx, LeakerRef, c.leakerId, c.asOf),
    }),
    subjects: t.field({
      type: [ClaimSubject],
      resolve: (c, _args, ctx) => {
        const subjects = (c.subjects as { id: string; kind: 'Company' | 'Device' }[]) ?? [];
        // The devices came in the claim's row (whole, or narrowed to what the query shows of them).
        const devices = new Map(((c.embeddedDevices as Row[] | undefined) ?? []).map((d) => [String(d.id), d]));
        const entities = subjects.map((s) => {
          const device = s.kind === 'Device' ? devices.get(s.id) : undefined;
          if (device) return { ...device, key: entityKey(s.id, c.asOf), asOf: c.asOf } as Loaded;
          return entityOf(ctx, s.kind === 'Device' ? DeviceRef : CompanyRef, s.id, c.asOf);
        });
        const withKinds = (loaded: Loaded[]) => loaded.map((entity, i) => ({ ...entity, subjectKind: subjects[i]?.kind }));
        // Held subjects complete at once; any other waits for its loader, as one batch with the rest.
        return entities.some((entity) => entity instanceof Promise) ? Promise.all(entities).then(withKinds) : withKinds(entities as Loaded[]);
      },
    }),
    outcome: t.field({ type: Outcome, description: 'As known on the as-of day.', resolve: (c) => resolutionAsOf(claimFact(c), c.asOf)?.outcome ?? 'UNRESOLVED' }),
    outcomeDecidedOn: t.field({ type: 'Date', nullable: true, resolve: (c) => resolutionAsOf(claimFact(c), c.asOf)?.decidedOn ?? null }),
    resolutions: t.field({
      type: [ResolutionRef],
      description: "The outcome's history as known on the as-of day, oldest first.",
      resolve: (c) =>
        resolutionsKnownOn(
          ((c.resolutions as Loaded[]) ?? []).map((r): Loaded & { knownSince: string } => ({ ...r, knownSince: String(r.knownSince) })),
          c.asOf,
        )
          .sort((a, b) => Number(a.position) - Number(b.position))
          .map((r) => ({
            outcome: r.outcome as ResolutionView['outcome'],
            decidedOn: String(r.decidedOn),
            knownSince: String(r.knownSince),
            note: (r.note as string | null) ?? null,
            sourceKeys: keysOf(r.sourceIds, c.asOf),
          })),
    }),
    evidence: t.field({ type: [EvidenceRef], resolve: (c) => (c.evidence ? (JSON.parse(String(c.evidence)) as EvidenceItem[]) : []) }),
    sources: t.field({ type: [SourceRef], resolve: (c, _args, ctx) => relatedAll(ctx, SourceRef, c.sourceIds, c.asOf) }),
  }),
});

/** A leaker's counts on a day, kept on write as credibility steps (src/graph/credibility-steps.ts). */
type CredibilityView = CredibilityCounts & { leakerId: string; asOf: string };

const CredibilityRef = builder.objectRef<CredibilityView>('Credibility').implement({
  description: "(hits + 1) / (resolved + 2) over the leaker's claims whose outcome was known on the day: a newcomer starts at 0.5.",
  fields: (t) => ({
    asOf: t.field({ type: 'Date', resolve: (c) => c.asOf }),
    value: t.float({ resolve: (c) => c.value }),
    hits: t.float({ description: 'Confirmed + 0.5 x partly confirmed.', resolve: (c) => c.hits }),
    resolved: t.int({ description: 'Confirmed + partly confirmed + refuted.', resolve: (c) => c.resolved }),
    resolvedClaims: t.connection(
      {
        type: ClaimRef,
        description: 'The claims it rests on: decided as known on the day, newest first.',
        resolve: (c, args, ctx, info) =>
          pageOfRelated(ctx, args, info, ClaimRef, 'leaker-resolved-claims', { id: c.leakerId, asOf: c.asOf, key: entityKey(c.leakerId, c.asOf) }, claimPageShape),
      },
      withTotalCount,
    ),
  }),
});

/** A leaker's credibility as of a day: one index seek, batched for every leaker of the level. */
async function leakerCredibility(leakerId: string, asOf: string, ctx: RequestContext): Promise<CredibilityView> {
  const loader = requestLoader<{ hits: number; resolved: number }>(ctx, `credibility-of-leakers@${asOf}`, async (ids) => {
    const rows = await ctx.graph.read('credibility-of-leakers', { ids, asOf }, ctx.roundTrips);
    const byId = new Map(rows.map((row) => [String(row.id), { hits: Number(row.hits), resolved: Number(row.resolved) }]));
    return ids.map((id) => byId.get(id) ?? { hits: 0, resolved: 0 });
  });
  const { hits, resolved } = await loader.load(leakerId);
  return { leakerId, asOf, ...credibilityOfCounts(hits, resolved) };
}

LeakerRef.implement({
  description: 'A person or account that publishes claims (Digital Chat Station, on Weibo).',
  fields: (t) => ({
    slug: t.string({ resolve: (l) => String(l.id) }),
    asOf: t.field({ type: 'Date', resolve: (l) => l.asOf }),
    name: t.string({ resolve: (l) => String(l.name) }),
    platform: t.string({ nullable: true, resolve: (l) => (l.platform as string | null) ?? null }),
    handle: t.string({ nullable: true, resolve: (l) => (l.handle as string | null) ?? null }),
    url: t.string({ nullable: true, resolve: (l) => (l.url as string | null) ?? null }),
    knownSince: t.field({ type: 'Date', resolve: (l) => String(l.knownSince) }),
    claims: t.connection(
      {
        type: ClaimRef,
        description: 'Its claims published by the as-of day, newest first.',
        resolve: (l, args, ctx, info) => pageOfRelated(ctx, args, info, ClaimRef, 'leaker-claims', l, claimPageShape),
      },
      withTotalCount,
    ),
    credibility: t.field({
      type: CredibilityRef,
      args: { asOf: t.arg({ type: 'Date', description: 'Default: the as-of day of the query. Cannot be later than it.' }) },
      resolve: (l, args, ctx) => leakerCredibility(String(l.id), nestedAsOfDay('credibility', args.asOf, l.asOf), ctx),
    }),
    sources: t.field({ type: [SourceRef], resolve: (l, _args, ctx) => relatedAll(ctx, SourceRef, l.sourceIds, l.asOf) }),
  }),
});

SourceRef.implement({
  description: 'An article or post that reports claims or facts.',
  fields: (t) => ({
    slug: t.string({ resolve: (s) => String(s.id) }),
    asOf: t.field({ type: 'Date', resolve: (s) => s.asOf }),
    url: t.string({ resolve: (s) => String(s.url) }),
    title: t.string({ resolve: (s) => String(s.title) }),
    publisher: t.string({ nullable: true, resolve: (s) => (s.publisher as string | null) ?? null }),
    publishedOn: t.field({ type: FuzzyDateRef, resolve: (s) => String(s.publishedOn) }),
    claims: t.connection(
      {
        type: ClaimRef,
        description: 'Claims it reports, newest first.',
        resolve: (s, args, ctx, info) => pageOfRelated(ctx, args, info, ClaimRef, 'source-claims', s, claimPageShape),
      },
      withTotalCount,
    ),
    partnerships: t.field({
      type: [PartnershipRef],
      description: 'Partnerships it reports.',
      resolve: (s, _args, ctx) => relatedAll(ctx, PartnershipRef, s.partnershipIds, s.asOf),
    }),
    devices: t.field({ type: [DeviceRef], description: 'Devices it reports.', resolve: (s, _args, ctx) => relatedAll(ctx, DeviceRef, s.deviceIds, s.asOf) }),
    exclusivityClauses: t.field({
      type: [ExclusivityRef],
      description: 'Exclusivity clauses it reports.',
      resolve: (s, _args, ctx) => relatedAll(ctx, ExclusivityRef, s.exclusivityIds, s.asOf),
    }),
  }),
});

const ClaimOrder = builder.enumType('ClaimOrder', { values: ['PUBLISHED_ASC', 'PUBLISHED_DESC'] as const });

/** A leaker's claims page, as Leaker.claims reads it: `leaker(id:) { claims }` reads it with the leaker. */
const LEAKER_CLAIMS: NestedPage = { type: 'Leaker', field: 'claims', statement: 'leaker-claims', prefix: 'claims', ref: ClaimRef, shape: claimPageShape };

lookupField('leaker', LeakerRef, 'A leaker by natural id ("digital-chat-station").', (ctx, info, id, asOf) =>
  lookupWithNestedPage(ctx, info, LeakerRef, id, asOf, 'leaker-with-claims', LEAKER_CLAIMS),
);
lookupField('claim', ClaimRef, 'A claim by natural id.');
lookupField('source', SourceRef, 'A source by natural id ("seed-article-2021-11-16").');

builder.queryField('leakers', (t) =>
  t.connection(
    {
      type: LeakerRef,
      args: { asOf: t.arg({ type: 'Date', description: asOfArgDescription }), nameContains: t.arg.string() },
      resolve: (_root, args, ctx, info) =>
        pageFromStatement(ctx, args, info, LeakerRef, 'list-leakers', { asOf: asOfDay(args.asOf, ctx), nameContains: args.nameContains ?? null }),
    },
    withTotalCount,
  ),
);

builder.queryField('claims', (t) =>
  t.connection(
    {
      type: ClaimRef,
      description: 'Claims published by the day; filter by leaker, subject, outcome (as of the day), kind and published range.',
      args: {
        asOf: t.arg({ type: 'Date', description: asOfArgDescription }),
        leaker: t.arg.id(),
        subject: t.arg.id({ description: 'Natural id of a company or device the claim names.' }),
        outcome: t.arg({ type: [Outcome] }),
        kind: t.arg({ type: [ClaimKind] }),
        publishedFrom: t.arg({ type: 'Date' }),
        publishedTo: t.arg({ type: 'Date' }),
        orderBy: t.arg({ type: ClaimOrder, defaultValue: 'PUBLISHED_ASC' }),
      },
      resolve: (_root, args, ctx, info) =>
        pageFromStatement(
          ctx,
          args,
          info,
          ClaimRef,
          'list-claims',
          {
            asOf: asOfDay(args.asOf, ctx),
            leaker: args.leaker ?? null,
            subject: args.subject ?? null,
            outcome: args.outcome ?? null,
            kind: args.kind ?? null,
            publishedFrom: args.publishedFrom ?? null,
            publishedTo: args.publishedTo ?? null,
            order: args.orderBy ?? 'PUBLISHED_ASC',
          },
          claimPageShape,
        ),
    },
    withTotalCount,
  ),
);

builder.queryField('sources', (t) =>
  t.connection(
    {
      type: SourceRef,
      args: { asOf: t.arg({ type: 'Date', description: asOfArgDescription }), publisher: t.arg.string() },
      resolve: (_root, args, ctx, info) => pageFromStatement(ctx, args, info, SourceRef, 'list-sources', { asOf: asOfDay(args.asOf, ctx), publisher: args.publisher ?? null }),
    },
    withTotalCount,
  ),
);
