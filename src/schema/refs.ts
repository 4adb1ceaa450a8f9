/**
 * The node types of the graph, declared before any is implemented because they refer to one another.
 * Each loads by key `<natural id>@<as-of day>` through one batched statement per request and level.
 * A field may return such a key instead of an object; the dataloader plugin loads it. A field whose
 * entity this request already holds whole returns the row itself (`related`), which completes at once.
 */
import type { RequestContext } from '../context.ts';
import type { GraphQLResolveInfo } from 'graphql';
import type { Row } from '../graph/executor.ts';
import { clearRequestLoaders, entityKey, fetchByKeys, type Loaded } from '../graph/loaders.ts';
import type { StatementName } from '../graph/statements.ts';
import { builder } from './builder.ts';
import { asOfArgDescription, asOfDay } from './common.ts';

/**
 * An id that names nothing known on the day: a lookup answers null, a nested field null with this as
 * its reason (a partnership public before its manufacturer). The code keeps it from being masked.
 */
export class NotKnownOnDayError extends Error {
  override name = 'NotKnownOnDayError';
  readonly extensions = { code: 'NOT_FOUND' };
}

function loadableNode(name: string, statement: StatementName, kind: string) {
  return builder.loadableNodeRef<Loaded | Error, string, string, string, Loaded>(name, {
    id: { resolve: (entity) => entity.key },
    // fetchByKeys answers in key order, an Error where nothing was known, as DataLoader expects.
    load: async (keys: string[], context: RequestContext) =>
      (await fetchByKeys(context, statement, keys)).map(({ id, asOf, entity }) => {
        if (entity === null) return new NotKnownOnDayError(`No ${kind} "${id}" was known on ${asOf}`);
        primeEmbedded(context, entity, entity.asOf);
        hold(context, name, entity);
        return entity;
      }),
  });
}

export const CompanyRef = loadableNode('Company', 'companies-by-ids', 'company');
export const DeviceRef = loadableNode('Device', 'devices-by-ids', 'device');
export const PartnershipRef = loadableNode('Partnership', 'partnerships-by-ids', 'partnership');
export const ExclusivityRef = loadableNode('ExclusivityClause', 'exclusivities-by-ids', 'exclusivity clause');
export const OwnershipRef = loadableNode('Ownership', 'ownerships-by-ids', 'ownership');
export const LeakerRef = loadableNode('Leaker', 'leakers-by-ids', 'leaker');
export const ClaimRef = loadableNode('Claim', 'claims-by-ids', 'claim');
export const SourceRef = loadableNode('Source', 'sources-by-ids', 'source');

/** Keys of related entities, as known on the parent's own as-of day. */
export function keysOf(ids: unknown, asOf: string): string[] {
  return Array.isArray(ids) ? ids.map((id) => entityKey(id, asOf)) : [];
}

/** The description of a reference that can point at something public only later than its holder. */
export const knownLaterDescription = (what: string) =>
  `Null, with a NOT_FOUND error naming it, while ${what} was not yet public on the as-of day (the fact holding it became public first).`;

/**
 * Whole rows this request already holds, per node type and key: what its loaders were primed with or
 * loaded. A reference field answers with the row itself when it is held, so graphql-js completes the
 * field at once instead of through a loader promise (a page of 2,500 devices each showing its optics
 * partner is 2,500 promises otherwise); a key not held goes to the loader as before.
 */
const held = new WeakMap<RequestContext, Map<string, Map<string, Loaded>>>();

/** Keeps a whole row of node type `type` held; the first row for a key wins, as in DataLoader. */
function hold(context: RequestContext, type: string, row: Loaded): void {
  const byType = held.get(context) ?? new Map<string, Map<string, Loaded>>();
  held.set(context, byType);
  const rows = byType.get(type) ?? new Map<string, Loaded>();
  byType.set(type, rows);
  if (!rows.has(row.key)) rows.set(row.key, row);
}

function heldRow(context: RequestContext, ref: NodeRef, key: string): Loaded | undefined {
  return held.get(context)?.get(ref.name)?.get(key);
}

/** Puts a whole row into its loader and keeps it held. */
export function primeWhole(context: RequestContext, ref: NodeRef, row: Loaded): void {
  ref.getDataloader(context).prime(row.key, row);
  hold(context, ref.name, row);
}

/** The entity `id` points at as known on `asOf`: its row when this request holds it whole, else its key for the loader. */
export function related(context: RequestContext, ref: NodeRef, id: unknown, asOf: string): Loaded | string | null {
  return id === null || id === undefined ? null : heldOrKey(context, ref, id, asOf);
}

/** `related` for a list of ids. */
export function relatedAll(context: RequestContext, ref: NodeRef, ids: unknown, asOf: string): (Loaded | string)[] {
  return Array.isArray(ids) ? ids.map((id) => heldOrKey(context, ref, id, asOf)) : [];
}

function heldOrKey(context: RequestContext, ref: NodeRef, id: unknown, asOf: string): Loaded | string {
  const key = entityKey(id, asOf);
  return heldRow(context, ref, key) ?? key;
}

/** The entity itself: at once when held, else through its loader (which fails with NotKnownOnDayError for an id unknown on the day). */
export function entityOf(context: RequestContext, ref: NodeRef, id: unknown, asOf: string): Loaded | Promise<Loaded> {
  const key = entityKey(id, asOf);
  return heldRow(context, ref, key) ?? (ref.getDataloader(context).load(key) as Promise<Loaded>);
}

type NodeRef = typeof CompanyRef;

const NODE_REFS: NodeRef[] = [CompanyRef, DeviceRef, PartnershipRef, ExclusivityRef, OwnershipRef, LeakerRef, ClaimRef, SourceRef];

/**
 * After a write inside a request, forgets everything the request loaded (entities, pages, a leaker's
 * credibility): a later field of the same document must see the new value, not the one read before
 * (dataloader README, "Clearing Cache"). A write can change derived data of entities it does not name
 * (a leaker's credibility steps, the evidence index), so clearing only the written keys would not do.
 */
export function forgetLoadedAfterWrite(context: RequestContext): void {
  for (const ref of NODE_REFS) ref.getDataloader(context).clearAll();
  held.delete(context);
  clearRequestLoaders(context);
}

/**
 * Rows may carry the rows of entities they point at (a claim its subjects and their companies; a
 * page of devices, cypher/parts/device-page.cypher, the companies they point at, each once): those
 * go into their loaders, so showing them costs no round trip.
 */
export function primeEmbedded(context: RequestContext, row: Row, asOf: string, narrowed: readonly string[] = []): void {
  const embedded: [string, NodeRef][] = [
    ['embeddedCompanies', CompanyRef],
    ['embeddedDeviceCompanies', CompanyRef],
    ['embeddedDevices', DeviceRef],
  ];
  for (const [entry, ref] of embedded) {
    const rows = row[entry];
    // Narrowed rows (page-shape.ts, narrowedEmbeds) are read from the row they came in, never loaded.
    if (!Array.isArray(rows) || narrowed.includes(entry)) continue;
    context.roundTrips.rows = (context.roundTrips.rows ?? 0) + rows.length;
    for (const child of rows as Row[]) {
      primeWhole(context, ref, { ...child, key: entityKey(child.id, asOf), asOf } as Loaded);
      primeEmbedded(context, child, asOf);
    }
  }
}

/** Loads one entity by key; null when it was not known on the day. Other failures (Neo4j down) propagate. */
export async function findByKey(ref: NodeRef, context: RequestContext, key: string): Promise<Loaded | null> {
  try {
    return await ref.getDataloader(context).load(key);
  } catch (error) {
    if (error instanceof NotKnownOnDayError) return null;
    throw error;
  }
}

/** How a lookup finds its entity: by default the entity loader; a field may read more with it (paging.ts, lookupWithNestedPage). */
type Find = (context: RequestContext, info: GraphQLResolveInfo, id: string, asOf: string) => Promise<Loaded | null>;

/** A root field `name(id: ID!, asOf: Date)` that looks an entity up by natural id. */
export function lookupField(name: string, ref: NodeRef, description: string, find: Find = (context, _info, id, asOf) => findByKey(ref, context, entityKey(id, asOf))) {
  builder.queryField(name, (t) =>
    t.field({
      type: ref,
      nullable: true,
      description,
      args: { id: t.arg.id({ required: true, description: 'Natural id (slug).' }), asOf: t.arg({ type: 'Date', description: asOfArgDescription }) },
      resolve: (_root, args, ctx, info) => find(ctx, info, args.id, asOfDay(args.asOf, ctx)),
    }),
  );
}
