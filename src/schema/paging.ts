/**
 * Connections. Every page is read in Cypher (ORDER BY, SKIP, LIMIT), never by collecting every id
 * and slicing: root lists with their `list-*` statement, lists under an entity with one statement
 * per relationship field that pages every parent of the level in one round trip. The rows come back
 * in the entity loader's shape and are primed into it, so the nodes cost no further round trip.
 * `totalCount` is counted only when the query selects it.
 */
import { offsetForArgs, resolveArrayConnection, resolveOffsetConnection } from '@pothos/plugin-relay';
import { getArgumentValues, GraphQLError, isObjectType, Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { RequestContext } from '../context.ts';
import type { Params, Row } from '../graph/executor.ts';
import { entityKey, fetchByKeys, requestLoader, type Loaded } from '../graph/loaders.ts';
import type { ProjectionSelection, StatementName } from '../graph/statements.ts';
import type { BuilderTypes } from './builder.ts';
import { pageLimits } from './common.ts';
import { pageReading, selectedFieldNodes, type PageReading, type PageShape, type SelectionInfo } from './page-shape.ts';
import { findByKey, primeEmbedded, primeWhole, type CompanyRef } from './refs.ts';

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  before?: string | null;
  after?: string | null;
}

type NodeRef = typeof CompanyRef;

function badPaging(argument: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument } });
}

/** A cursor this service handed out: base64 of "OffsetConnection:<offset>". */
function checkCursor(argument: 'after' | 'before', cursor: string | null | undefined): void {
  if (cursor === null || cursor === undefined) return;
  const decoded = Buffer.from(cursor, 'base64').toString('utf8');
  if (!/^OffsetConnection:\d{1,15}$/.test(decoded) || Buffer.from(decoded, 'utf8').toString('base64') !== cursor) {
    throw badPaging(
      argument,
      `${argument}: ${JSON.stringify(cursor.slice(0, 40))} is not a cursor of this list; pass a cursor or pageInfo.endCursor from an earlier page, or leave ${argument} out`,
    );
  }
}

/**
 * Paging arguments a page can be cut with, refused with what to change rather than failing inside
 * the relay helpers ("Unexpected error."). Page sizes are bounded before execution
 * (src/limits/input-bounds.ts); what remains is cursors and `last`, which counts back from `before`.
 */
function checkConnectionArgs(args: ConnectionArgs, lastNeedsBefore = true): void {
  checkCursor('after', args.after);
  checkCursor('before', args.before);
  // A list in memory knows its end, so `last` alone counts back from it; a list read in pages does not.
  if (lastNeedsBefore && args.last !== null && args.last !== undefined && !args.before && (args.first === null || args.first === undefined)) {
    throw badPaging('last', 'last counts back from before: pass before: <cursor> with it, or use first to page forward');
  }
}

/** Whether the connection's selection asks for `totalCount` (directly or in a fragment). */
function selectsTotalCount(info: SelectionInfo): boolean {
  const visit = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === 'totalCount';
      if (selection.kind === Kind.INLINE_FRAGMENT) return visit(selection.selectionSet);
      return visit(info.fragments[selection.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((node) => visit(node.selectionSet));
}

/** Puts rows read in the loader's shape into the entity loader and returns their keys. */
export function prime(context: RequestContext, ref: NodeRef, rows: Row[], asOf: string): string[] {
  context.roundTrips.rows = (context.roundTrips.rows ?? 0) + rows.length;
  return rows.map((row) => {
    const key = entityKey(row.id, asOf);
    primeWhole(context, ref, { ...row, key, asOf } as Loaded);
    primeEmbedded(context, row, asOf);
    return key;
  });
}

/**
 * The nodes of a page: keys of full rows put into the entity loader, or, for rows narrowed to the
 * query's selection (page-shape.ts), the rows themselves, kept out of the loader's cache.
 */
function pageNodes(context: RequestContext, ref: NodeRef, rows: Row[], asOf: string, reading: PageReading | undefined): (string | Loaded)[] {
  if (reading?.selection === undefined) return prime(context, ref, rows, asOf);
  context.roundTrips.rows = (context.roundTrips.rows ?? 0) + rows.length;
  return rows.map((row) => {
    primeEmbedded(context, row, asOf, reading.narrowedEmbeds);
    return { ...row, key: entityKey(row.id, asOf), asOf } as Loaded;
  });
}

/**
 * A connection each node of a root page shows (Company.devices under manufacturers), read by the
 * root page's own statement: `statement` is the one the field resolver pages it with, `prefix` the
 * names the root statement takes its paging under (`devicesOffset`, ...; cypher/parts/company-device-page.cypher).
 */
export interface NestedPage {
  /** The object type of the root page's nodes and its connection field (`Company`, `devices`). */
  type: string;
  field: string;
  statement: StatementName;
  prefix: string;
  ref: NodeRef;
  shape: PageShape;
}

/** The page each node asks for under a nested connection: what its field resolver would read. */
interface NestedRequest {
  paging: RelatedPaging;
  reading: PageReading;
}

/**
 * The nested connection's page as its field resolver will ask for it (on the nodes at `path` below
 * the field: a page's nodes, or the entity a lookup finds), or null when it cannot be read ahead:
 * the field is not shown, shown more than once (aliases with other arguments), under a directive,
 * or with arguments the resolver refuses (it then says why, as without nesting).
 */
function nestedRequest(context: RequestContext, info: GraphQLResolveInfo, nested: NestedPage, path: readonly string[] = ['edges', 'node']): NestedRequest | null {
  const nodes = selectedFieldNodes(info, path).filter((node) => node.name.value === nested.field);
  const [node] = nodes;
  if (nodes.length !== 1 || node === undefined || (node.directives?.length ?? 0) > 0) return null;
  const type = info.schema.getType(nested.type);
  const definition = isObjectType(type) ? type.getFields()[nested.field] : undefined;
  if (definition === undefined) return null;
  try {
    const args = getArgumentValues(definition, node, info.variableValues) as ConnectionArgs;
    checkConnectionArgs(args);
    const { offset, limit } = offsetForArgs({ args, ...pageLimits(context) });
    const fieldInfo = { fieldNodes: [node], fragments: info.fragments };
    return { paging: { offset, limit, withTotal: selectsTotalCount(fieldInfo) }, reading: pageReading(fieldInfo, nested.shape) };
  } catch {
    return null;
  }
}

/** Two narrowed projections in one statement: absent when both read full rows. */
function bothSelections(root: ProjectionSelection | undefined, nested: ProjectionSelection | undefined, rootProjection: string | undefined): ProjectionSelection | undefined {
  if (root === undefined && nested === undefined) return undefined;
  // A projection both narrow (devices of the root page and devices its nested rows name) keeps what
  // either needs; one the root reads whole (no selection of its own) stays whole.
  const both: Record<string, readonly string[]> = { ...root };
  for (const [projection, entries] of Object.entries(nested ?? {})) {
    if (root === undefined && projection === rootProjection) continue;
    both[projection] = [...new Set([...(both[projection] ?? []), ...entries])].sort();
  }
  return both;
}

/**
 * A root list: `statement` returns `total`, one page of `rows`, and maybe rows they point at
 * (`embeddedCompanies`). With `nested`, it also returns the nested connection's page of each row
 * (`nestedPages`, read only when the query shows it), put where the field resolver looks for it.
 */
export async function pageFromStatement(
  context: RequestContext,
  args: ConnectionArgs,
  info: GraphQLResolveInfo,
  ref: NodeRef,
  statement: StatementName,
  params: Params & { asOf: string },
  shape?: PageShape,
  nested?: NestedPage,
) {
  checkConnectionArgs(args);
  let totalCount = 0;
  const withTotal = selectsTotalCount(info);
  const reading = shape && pageReading(info, shape);
  const inner = nested && nestedRequest(context, info, nested);
  const nestedParams = nested ? nestedParameters(nested, inner) : {};
  const connection = await resolveOffsetConnection({ args, ...pageLimits(context) }, async ({ offset, limit }) => {
    const shaped = reading ? { embedVia: reading.embedVia } : {};
    const selection = inner ? bothSelections(reading?.selection, inner.reading.selection, shape?.projection) : reading?.selection;
    const [row] = await context.graph.read(statement, { ...params, ...shaped, ...nestedParams, offset, limit, withTotal }, context.roundTrips, selection);
    totalCount = Number(row?.total ?? 0);
    if (row) primeEmbedded(context, row, params.asOf);
    if (nested && inner) primeNestedPages(context, nested, inner, (row?.nestedPages as Row[]) ?? [], params.asOf);
    return pageNodes(context, ref, (row?.rows as Row[]) ?? [], params.asOf, reading);
  });
  return { ...connection, totalCount };
}

/** The paging parameters a statement takes the nested connection's page under (`claimsOffset`, ...); null limit: not read ahead. */
function nestedParameters(nested: NestedPage, inner: NestedRequest | null | undefined): Params {
  return {
    [`${nested.prefix}Offset`]: inner?.paging.offset ?? null,
    [`${nested.prefix}Limit`]: inner?.paging.limit ?? null,
    [`${nested.prefix}WithTotal`]: inner?.paging.withTotal ?? false,
    [`${nested.prefix}EmbedVia`]: inner?.reading.embedVia ?? [],
  };
}

/** Pages read ahead (`{id, total, rows}` each), put where the nested field's resolver looks for them. */
function primeNestedPages(context: RequestContext, nested: NestedPage, inner: NestedRequest, pages: Row[], asOf: string): void {
  const loader = relatedPages(context, nested.ref, nested.statement, asOf, inner.paging, inner.reading);
  for (const page of pages) loader.prime(String(page.id), relatedPage(context, nested.ref, page, asOf, inner.reading));
}

/**
 * An entity looked up by id (a root field such as `leaker(id:)`) and, when the query shows the
 * connection `nested` under it once (read 4 of the scale bench: a leaker and its claims), that page
 * too, by `statement` in one round trip: it returns the entity's loader row as `row` and the page as
 * `nestedPage` {id, total, rows}, which prime the loaders the fields read. Otherwise the entity
 * loader alone, as for any lookup.
 */
export async function lookupWithNestedPage(
  context: RequestContext,
  info: GraphQLResolveInfo,
  ref: NodeRef,
  id: string,
  asOf: string,
  statement: StatementName,
  nested: NestedPage,
): Promise<Loaded | null> {
  const inner = nestedRequest(context, info, nested, []);
  if (inner === null) return findByKey(ref, context, entityKey(id, asOf));
  const [row] = await context.graph.read(statement, { id, asOf, ...nestedParameters(nested, inner) }, context.roundTrips, inner.reading.selection);
  if (!row) return null;
  prime(context, ref, [row.row as Row], asOf);
  primeNestedPages(context, nested, inner, [row.nestedPage as Row], asOf);
  return findByKey(ref, context, entityKey(id, asOf));
}

/** A lookup read as far as the query shows it: the statement (`<kind>-by-ids-shown`) and the page shape that says what each field needs. */
export interface ShownLookup {
  statement: StatementName;
  shape: PageShape;
}

/**
 * An entity looked up by id (a root field such as `device(id:)`), read only as far as the query shows
 * it, as a page's nodes are (page-shape.ts): `device(id:) { name manufacturer { name } }` reads the
 * device's name and manufacturer id and that one company, not every property and relationship of the
 * device and every company it points at. Lookups asking with the same selection share a round trip.
 * The narrowed row is the field's value, not put into the entity loader; a selection the shape does
 * not know reads the whole row through the loader, as any lookup.
 */
export async function lookupShown(context: RequestContext, info: GraphQLResolveInfo, ref: NodeRef, id: string, asOf: string, shown: ShownLookup): Promise<Loaded | null> {
  const reading = pageReading(info, shown.shape, []);
  const { selection } = reading;
  if (selection === undefined) return findByKey(ref, context, entityKey(id, asOf));
  const loader = requestLoader<Loaded | null>(context, `${shown.statement}:${reading.signature}:${reading.embedVia.join('|')}`, async (keys) =>
    (await fetchByKeys(context, shown.statement, keys, { params: { embedVia: reading.embedVia }, selection })).map(({ entity }) => {
      if (entity) primeEmbedded(context, entity, entity.asOf);
      return entity;
    }),
  );
  return loader.load(entityKey(id, asOf));
}

/** How a page under an entity is cut: the same for every parent of a batch. */
interface RelatedPaging {
  offset: number;
  limit: number;
  withTotal: boolean;
}

interface RelatedPage {
  total: number;
  nodes: (string | Loaded)[];
}

/**
 * The request's loader of the pages `statement` reads under entities, one per way of cutting and
 * reading them: parents asking for the same page with the same selection share a batch (and a page
 * a root list read ahead, pageFromStatement's `nested`, is found here).
 */
function relatedPages(context: RequestContext, ref: NodeRef, statement: StatementName, asOf: string, paging: RelatedPaging, reading: PageReading | undefined) {
  const { offset, limit, withTotal } = paging;
  const batch = `${statement}@${asOf}:${offset}:${limit}:${withTotal}:${reading?.signature ?? ''}:${reading?.embedVia.join('|') ?? ''}`;
  return requestLoader<RelatedPage>(context, batch, async (ids) => {
    const shaped = reading ? { embedVia: reading.embedVia } : {};
    const rows = await context.graph.read(statement, { ids, asOf, offset, limit, withTotal, ...shaped }, context.roundTrips, reading?.selection);
    const byId = new Map(rows.map((row) => [String(row.id), row]));
    // Rows carry the companies of the whole batch once (on one of them): put them in first.
    for (const row of rows) primeEmbedded(context, row, asOf);
    return ids.map((id) => relatedPage(context, ref, byId.get(id), asOf, reading));
  });
}

/** One parent's page from its row `{id, total, rows}` (none: an empty page). */
function relatedPage(context: RequestContext, ref: NodeRef, row: Row | undefined, asOf: string, reading: PageReading | undefined): RelatedPage {
  return { total: Number(row?.total ?? 0), nodes: pageNodes(context, ref, (row?.rows as Row[]) ?? [], asOf, reading) };
}

/**
 * A list under an entity: `statement` pages every parent asked for at this level in one round trip
 * (parents asking for the same page with the same selection share a batch); rows `{id, total, rows}`,
 * maybe with `embeddedCompanies`.
 */
export async function pageOfRelated(
  context: RequestContext,
  args: ConnectionArgs,
  info: GraphQLResolveInfo,
  ref: NodeRef,
  statement: StatementName,
  parent: Loaded,
  shape?: PageShape,
) {
  checkConnectionArgs(args);
  let totalCount = 0;
  const withTotal = selectsTotalCount(info);
  const { asOf } = parent;
  const reading = shape && pageReading(info, shape);
  const connection = await resolveOffsetConnection({ args, ...pageLimits(context) }, async ({ offset, limit }) => {
    const page = await relatedPages(context, ref, statement, asOf, { offset, limit, withTotal }, reading).load(String(parent.id));
    totalCount = page.total;
    return page.nodes;
  });
  return { ...connection, totalCount };
}

/** Ids of a bounded relationship of each parent (a company's clauses), one round trip per level. */
export function relatedIds(context: RequestContext, statement: StatementName, parent: Loaded): Promise<string[]> {
  const { asOf } = parent;
  const loader = requestLoader<string[]>(context, `${statement}@${asOf}`, async (ids) => {
    const rows = await context.graph.read(statement, { ids, asOf }, context.roundTrips);
    const byId = new Map(rows.map((row) => [String(row.id), (row.ids as string[]).map((id) => entityKey(id, asOf))]));
    return ids.map((id) => byId.get(id) ?? []);
  });
  return loader.load(String(parent.id));
}

/** One page of a list already in memory (an outlook's ranking), with the count of all of it. */
export function pageOfItems<T extends object>(context: RequestContext, args: ConnectionArgs, items: T[], defaultSize: number) {
  checkConnectionArgs(args, false);
  const limits = pageLimits(context);
  const connection = resolveArrayConnection({ args, defaultSize: Math.min(defaultSize, limits.maxSize), maxSize: limits.maxSize }, items);
  return { ...connection, totalCount: items.length };
}

/** Adds `totalCount` to a connection type. */
export const withTotalCount = {
  // Every connection resolved here (pageFromStatement, pageOfRelated, pageOfItems) carries its totalCount.
  fields: <Shape extends object>(t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Shape>) => ({
    totalCount: t.int({ description: 'How many items match, across all pages.', resolve: (connection) => (connection as Shape & { totalCount: number }).totalCount }),
  }),
};
