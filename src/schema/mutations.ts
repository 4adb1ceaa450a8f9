/**
 * Writes. Every upsert is a one-entity import bundle, so mutations and `npm run import` share one
 * validator and one writer (src/import/): the same rules, the same known-since defaults, and a
 * refused input writes nothing. Writes need an API key or a JWT with the `write` scope.
 */
import { entityKey } from '../graph/loaders.ts';
import type { InputObjectRef } from '@pothos/core';
import type { Bundle, BundleClaim, BundleCompany, BundleDevice, BundleExclusivity, BundleLeaker, BundlePartnership, BundleSource } from '../import/bundle.ts';
import { rebuildClaimHistory } from '../graph/claim-history.ts';
import { importBundle } from '../import/import-bundle.ts';
import { normaliseEntry } from '../import/normalise.ts';
import { BundleRejectedError } from '../import/problems.ts';
import { parseFuzzyDate } from '../domain/fuzzy-date.ts';
import { EVIDENCE_KINDS } from '../domain/facts.ts';
import {
  decisionBeforePrevious,
  decisionPublicBeforeMade,
  endsBeforeStart,
  knownAfterToday,
  noSuchReference,
  outcomeKnownBeforeClaim,
  partPublicBeforeFact,
  readFuzzyDate,
} from '../domain/write-rules.ts';
import type { RequestContext } from '../context.ts';
import { builder, type BuilderTypes } from './builder.ts';
import { NotFoundError } from './common.ts';
import { ConflictError, ValidationError } from './errors.ts';
import { Outcome, ClaimKind } from './claim.ts';
import { ClaimRef, CompanyRef, DeviceRef, ExclusivityRef, forgetLoadedAfterWrite, LeakerRef, PartnershipRef, SourceRef } from './refs.ts';
import type { StatementRunner } from '../graph/executor.ts';
import { CompanyRole } from './company.ts';
import { Binds, Certainty } from './partnership.ts';

const errors = { types: [ValidationError, NotFoundError, ConflictError] };

/** The input field a defaulted known-since day comes from, per bundle list. */
const knownSinceSource: Record<string, string> = {
  companies: 'founded',
  devices: 'announced',
  partnerships: 'start',
  exclusivities: 'start',
  leakers: 'knownSince',
  sources: 'publishedOn',
  claims: 'publishedOn',
};

/**
 * A write answers with the entity as known today, so an entity that only becomes known after today
 * could be stored but not shown: it is refused before anything is written, by the rule every read
 * follows (nothing is known after today; src/schema/common.ts asOfDay). Record it once it is public.
 */
function refuseFutureKnownSince(ctx: RequestContext, bundle: Omit<Bundle, 'format'>): void {
  const [list, items] = Object.entries(bundle)[0] ?? [];
  const item = (items as object[] | undefined)?.[0];
  if (!list || !item) return;
  let knownSince: unknown;
  try {
    knownSince = normaliseEntry(list as never, item, { earliestClaimBy: new Map() }).node.props.knownSince;
  } catch {
    return; // Malformed dates: the bundle validator reports them, with their fields.
  }
  const problem = typeof knownSince === 'string' ? knownAfterToday(knownSince, ctx.today) : null;
  if (!problem) return;
  const field = 'knownSince' in item && (item as { knownSince?: unknown }).knownSince ? 'knownSince' : (knownSinceSource[list] ?? 'knownSince');
  throw new ValidationError([{ field: `input.${field}`, message: problem }]);
}

async function upsert(ctx: RequestContext, bundle: Omit<Bundle, 'format'>): Promise<void> {
  refuseFutureKnownSince(ctx, bundle);
  try {
    await importOnce(ctx, bundle).catch((error: unknown) => {
      // The importer found the id new, and another request created it before this one could: the
      // id exists now, so the same bundle, validated again, is an update of it.
      if (error instanceof ConflictError) return importOnce(ctx, bundle);
      throw error;
    });
  } catch (error) {
    if (error instanceof BundleRejectedError) throw ValidationError.fromBundleProblems(error.problems);
    throw error;
  }
  ctx.logger.info({ write: Object.keys(bundle) }, 'write');
}

async function importOnce(ctx: RequestContext, bundle: Omit<Bundle, 'format'>): Promise<void> {
  await importBundle(ctx.graph, { format: 'optics-graph-bundle/1', ...bundle } as Bundle, { events: ctx.events });
}

/** Drops null and undefined fields so the bundle's own defaults apply. */
function compact<T extends object>(input: T): T {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined)) as T;
}

/** What a mutation answers: the entity read again, after forgetting what the request had loaded before the write. */
function loadFresh(ref: typeof CompanyRef, ctx: RequestContext, id: string) {
  forgetLoadedAfterWrite(ctx);
  return ref.getDataloader(ctx).load(entityKey(id, ctx.today));
}

const sourcesArg = (t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>) => t.idList({ required: false, description: 'Natural ids of sources that report it.' });

// ---- inputs ----
const CompanyInput = builder.inputType('CompanyInput', {
  fields: (t) => ({
    id: t.id({ required: true, description: 'Natural id (slug), e.g. "leica".' }),
    name: t.string({ required: true }),
    roles: t.field({ type: [CompanyRole], required: true }),
    country: t.string(),
    headquarters: t.string(),
    founded: t.string({ description: 'Imprecise date: 2021, 2021-H2, 2021-Q3, 2021-07 or 2021-07-29.' }),
    dissolved: t.string({ description: 'Imprecise date; it exists on every day of this period.' }),
    dissolvedKnownSince: t.field({ type: 'Date', description: 'When the dissolution became public; default: first day of dissolved.' }),
    markets: t.stringList(),
    knownSince: t.field({ type: 'Date', description: 'When it became public; default: first day of founded.' }),
    sources: sourcesArg(t),
  }),
});
const DeviceInput = builder.inputType('DeviceInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string({ required: true }),
    manufacturer: t.id({ required: true }),
    builtBy: t.id(),
    opticsPartner: t.id(),
    partnership: t.id(),
    announced: t.string(),
    announcedKnownSince: t.field({ type: 'Date' }),
    released: t.string(),
    releasedKnownSince: t.field({ type: 'Date' }),
    cancelled: t.string(),
    cancelledKnownSince: t.field({ type: 'Date' }),
    becameDevice: t.id(),
    knownSince: t.field({ type: 'Date', description: 'First rumour; default: first day of announced.' }),
    sources: sourcesArg(t),
  }),
});
const PartnershipInput = builder.inputType('PartnershipInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    manufacturer: t.id({ required: true }),
    opticsPartner: t.id({ required: true }),
    start: t.string({ required: true }),
    end: t.string(),
    knownSince: t.field({ type: 'Date' }),
    endKnownSince: t.field({ type: 'Date' }),
    summary: t.string(),
    sources: sourcesArg(t),
  }),
});
const ExclusivityInput = builder.inputType('ExclusivityClauseInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    partnership: t.id({ required: true }),
    binds: t.field({ type: Binds, required: true }),
    certainty: t.field({ type: Certainty, required: true }),
    start: t.string({ required: true }),
    end: t.string(),
    endsWithLaunchOf: t.id({ description: 'A device id: the clause binds until the day it is announced (the last day of an imprecise announcement).' }),
    endsWithPartnership: t.boolean({ description: "The clause ends with its partnership: its end is the partnership's end, known when that end is." }),
    endCondition: t.string(),
    regions: t.stringList({ description: 'ISO codes it covers; omit for worldwide.' }),
    exceptRegions: t.stringList(),
    knownSince: t.field({ type: 'Date' }),
    endKnownSince: t.field({ type: 'Date' }),
    sources: sourcesArg(t),
  }),
});
const LeakerInput = builder.inputType('LeakerInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string({ required: true }),
    platform: t.string(),
    handle: t.string(),
    url: t.string(),
    knownSince: t.field({ type: 'Date' }),
    sources: sourcesArg(t),
  }),
});
const SourceInput = builder.inputType('SourceInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    url: t.string({ required: true }),
    title: t.string({ required: true }),
    publisher: t.string(),
    publishedOn: t.string({ required: true }),
  }),
});
const EvidenceKindInput = builder.enumType('EvidenceKind', { values: EVIDENCE_KINDS });
const EvidenceInput = builder.inputType('EvidenceInput', {
  fields: (t) => ({ kind: t.field({ type: EvidenceKindInput, required: true }), description: t.string(), url: t.string() }),
});
const ClaimInput = builder.inputType('ClaimInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    leaker: t.id({ description: 'Omit for a claim made by an outlet.' }),
    statement: t.string({ required: true }),
    kind: t.field({ type: ClaimKind, required: true }),
    subjects: t.idList({ required: true, description: 'Company or device ids it is about.' }),
    publishedOn: t.field({ type: 'Date', required: true }),
    evidence: t.field({ type: [EvidenceInput] }),
    sources: sourcesArg(t),
  }),
});

// ---- upserts ----
type NodeRef = typeof CompanyRef;

/**
 * A GraphQL input as the bundle entry it stands for. Their fields match by name (the inputs are written
 * after the bundle format), and the importer checks the entry against the bundle's JSON Schema before
 * anything is written, so a field that does not fit is a ValidationError, never a bad write.
 */
function asEntry<Entry>(input: object): Entry {
  return input as Entry;
}

function upsertField<Input extends { id: string | number }>(
  name: string,
  description: string,
  inputType: InputObjectRef<BuilderTypes, Input>,
  ref: NodeRef,
  toBundle: (input: Input) => Omit<Bundle, 'format'>,
) {
  builder.mutationField(name, (t) =>
    t.field({
      type: ref,
      description,
      errors,
      args: { input: t.arg({ type: inputType, required: true }) },
      // The argument is required, so it is there; TypeScript cannot see through Pothos' generic argument shape.
      resolve: async (_root, args, ctx) => {
        const entry = compact((args as { input: Input }).input);
        await upsert(ctx, toBundle(entry));
        return loadFresh(ref, ctx, String(entry.id));
      },
    }),
  );
}

// The CompanyRole enum's internal values are the graph's role labels; the bundle spells roles in capitals.
const bundleRole = { Manufacturer: 'MANUFACTURER', OpticsPartner: 'OPTICS_PARTNER' } as const;
upsertField('upsertCompany', 'Create or replace a company by natural id.', CompanyInput, CompanyRef, (c) => ({
  companies: [asEntry<BundleCompany>({ ...c, roles: c.roles.map((role) => bundleRole[role]) })],
}));
upsertField('upsertDevice', 'Create or replace a device by natural id.', DeviceInput, DeviceRef, (d) => ({ devices: [asEntry<BundleDevice>(d)] }));
upsertField('upsertPartnership', 'Create or replace a partnership by natural id.', PartnershipInput, PartnershipRef, (p) => ({ partnerships: [asEntry<BundlePartnership>(p)] }));
upsertField('addExclusivityClause', 'Add (or replace) an exclusivity clause on a partnership.', ExclusivityInput, ExclusivityRef, (x) => ({
  exclusivities: [asEntry<BundleExclusivity>(x)],
}));
upsertField('upsertLeaker', 'Create or replace a leaker by natural id.', LeakerInput, LeakerRef, (l) => ({ leakers: [asEntry<BundleLeaker>(l)] }));
upsertField('upsertSource', 'Create or replace a source by natural id.', SourceInput, SourceRef, (s) => ({ sources: [asEntry<BundleSource>(s)] }));
upsertField('recordClaim', 'Record what a leaker said; its outcome starts unresolved (see resolveClaim).', ClaimInput, ClaimRef, (k) => ({
  claims: [asEntry<BundleClaim>({ ...k, resolutions: [] })],
}));

// ---- changes to stored facts ----
// Each is one write transaction that first locks what it reads to decide (the claim and its leaker,
// the partnership): concurrent calls on the same fact then check and write one after another, each
// seeing what the one before wrote, instead of two checks passing and both writes landing.

/** A write's problems, each at the field a caller fixes; `add` skips the rules that held (null). */
class FieldProblems {
  readonly list: { field: string; message: string }[] = [];
  add(field: string, problem: string | null): void {
    if (problem) this.list.push({ field, message: problem });
  }
}

/** Sources named by a change that the graph does not hold, by the rule the importer applies to references. */
async function checkSources(run: StatementRunner, ids: readonly string[], problems: FieldProblems): Promise<void> {
  if (ids.length === 0) return;
  const { rows } = await run('sources-exist', { ids });
  const missing = new Set(rows.filter((r) => !r.found).map((r) => String(r.id)));
  ids.forEach((id, index) => {
    if (missing.has(id)) problems.add(`sources[${index}]`, noSuchReference(['source'], id));
  });
}

builder.mutationField('endPartnership', (t) =>
  t.field({
    type: PartnershipRef,
    description: 'Record that a partnership ended, and when that became public (default: the first day of the end).',
    errors,
    args: {
      id: t.arg.id({ required: true }),
      end: t.arg.string({ required: true, description: 'Imprecise date, e.g. 2022-03-31 or 2022-Q1.' }),
      endKnownSince: t.arg({ type: 'Date' }),
      sources: t.arg.idList(),
    },
    resolve: async (_root, args, ctx) => {
      await ctx.graph.inWriteTransaction(async (run) => {
        const {
          rows: [stored],
        } = await run('partnership-for-update', { id: args.id });
        if (!stored) throw new NotFoundError('partnership', args.id, ctx.today);
        // The same rules as an imported partnership's end (src/domain/write-rules.ts), against what is stored.
        const problems = new FieldProblems();
        const end = readFuzzyDate(args.end);
        if (end.ok) {
          problems.add('end', endsBeforeStart({ field: 'start', period: parseFuzzyDate(String(stored.start)) }, end.value));
          if (args.endKnownSince) problems.add('endKnownSince', partPublicBeforeFact('partnership', args.endKnownSince, String(stored.knownSince)));
        } else {
          problems.add('end', end.problem);
        }
        await checkSources(run, args.sources ?? [], problems);
        if (problems.list.length || !end.ok) throw new ValidationError(problems.list);
        if (stored.end && stored.end !== args.end) {
          throw new ConflictError(`Partnership "${args.id}" already ended ${stored.end}; upsertPartnership replaces a wrong end deliberately`);
        }
        const { firstDay: endFirstDay, lastDay: endLastDay } = end.value;
        const endKnownSince = args.endKnownSince ?? endFirstDay;
        await run('end-partnership', { id: args.id, end: args.end, endFirstDay, endLastDay, endKnownSince, sources: args.sources ?? [] });
      }, ctx.roundTrips);
      ctx.events.changed({ kinds: ['partnerships'], resolvedClaims: [] });
      return loadFresh(PartnershipRef, ctx, args.id);
    },
  }),
);

builder.mutationField('resolveClaim', (t) =>
  t.field({
    type: ClaimRef,
    description: "Add a decision to a claim's outcome history (a claim can be refuted and later vindicated).",
    errors,
    args: {
      claim: t.arg.id({ required: true }),
      outcome: t.arg({ type: Outcome, required: true }),
      decidedOn: t.arg({ type: 'Date', required: true }),
      knownSince: t.arg({ type: 'Date', description: 'When the decision became public; default: decidedOn.' }),
      note: t.arg.string(),
      sources: t.arg.idList(),
    },
    resolve: async (_root, args, ctx) => {
      // The check, the decision, the claim's outcome history, the evidence index and the leaker's
      // credibility steps, in one transaction that locks the claim and its leaker first.
      await ctx.graph.inWriteTransaction(async (run) => {
        const {
          rows: [stored],
        } = await run('claim-for-update', { id: args.claim });
        if (!stored) throw new NotFoundError('claim', args.claim, ctx.today);
        // The same rules as an imported claim's resolutions (src/domain/write-rules.ts), against what is stored.
        const problems = new FieldProblems();
        const knownSince = args.knownSince ?? args.decidedOn;
        if (args.knownSince) problems.add('knownSince', decisionPublicBeforeMade(args.knownSince, args.decidedOn));
        problems.add(args.knownSince ? 'knownSince' : 'decidedOn', outcomeKnownBeforeClaim(knownSince, String(stored.publishedOn)));
        await checkSources(run, args.sources ?? [], problems);
        if (problems.list.length) throw new ValidationError(problems.list);
        const history = ((stored.resolutions as Record<string, unknown>[]) ?? []).sort((a, b) => Number(a.position) - Number(b.position));
        const latest = history.at(-1);
        // The same decision again (a retry, or concurrent duplicates) changes nothing.
        if (latest && latest.outcome === args.outcome && latest.decidedOn === args.decidedOn) return;
        // Out of order with a stored decision: a conflict with what is stored, not a bad input on its own.
        const latestDecision = latest && { knownSince: String(latest.knownSince), where: `the claim's latest decision (${latest.outcome}, decided ${latest.decidedOn})` };
        const outOfOrder = latestDecision && decisionBeforePrevious(knownSince, latestDecision, 'a new decision becomes known on or after the latest one; give a later knownSince');
        if (outOfOrder) throw new ConflictError(`Claim "${args.claim}": ${outOfOrder}`);
        await run('resolve-claim', { id: args.claim, outcome: args.outcome, decidedOn: args.decidedOn, knownSince, note: args.note ?? null, sources: args.sources ?? [] });
        await rebuildClaimHistory(run, [args.claim]);
      }, ctx.roundTrips);
      ctx.events.changed({ kinds: ['claims', 'resolutions'], resolvedClaims: [{ id: args.claim }] });
      return loadFresh(ClaimRef, ctx, args.claim);
    },
  }),
);

const FactKind = builder.enumType('FactKind', {
  values: ['COMPANY', 'DEVICE', 'PARTNERSHIP', 'EXCLUSIVITY', 'OWNERSHIP', 'LEAKER', 'CLAIM'] as const,
});

const AttachedSource = builder.objectRef<{ kind: string; id: string; source: string; asOf: string }>('AttachedSource').implement({
  fields: (t) => ({
    kind: t.field({ type: FactKind, resolve: (a) => a.kind as 'COMPANY' }),
    id: t.id({ resolve: (a) => a.id }),
    source: t.field({ type: SourceRef, resolve: (a) => entityKey(a.source, a.asOf) }),
  }),
});

builder.mutationField('attachSource', (t) =>
  t.field({
    type: AttachedSource,
    description: 'Name a source that reports a fact.',
    errors,
    args: { kind: t.arg({ type: FactKind, required: true }), id: t.arg.id({ required: true }), source: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      await ctx.graph.inWriteTransaction(async (run) => {
        const { rows } = await run('attach-source', { kind: args.kind, id: args.id, source: args.source });
        if (rows.length > 0) return true;
        const { rows: found } = await run('sources-exist', { ids: [args.source] });
        if (!found[0]?.found) throw new NotFoundError('source', args.source, ctx.today);
        throw new NotFoundError(args.kind.toLowerCase(), args.id, ctx.today);
      }, ctx.roundTrips);
      forgetLoadedAfterWrite(ctx);
      ctx.events.changed({ kinds: ['sources'], resolvedClaims: [] });
      return { kind: args.kind, id: args.id, source: args.source, asOf: ctx.today };
    },
  }),
);
