/**
 * Connections. Every page is read in Cypher (ORDER BY, SKIP, LIMIT), never by collecting every id
 * and slicing: root lists with their `list-*` statement, lists under an entity with one statement
 * per relationship field that pages every parent of the level in one round trip. The rows come back
 * in the entity loader's shape and are primed into it, so the nodes cost no further round trip.
 * `totalCount` is counted only when the query selects it.
 */
import { resolveArrayConnection, resolveOffsetConnection } from '@pothos/plugin-relay';
import { GraphQLError, Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { RequestContext } from '../context.ts';
import type { Params, Row } from '../graph/executor.ts';
import { entityKey, requestLoader, type Loaded } from '../graph/loaders.ts';
import type { StatementName } from '../graph/statements.ts';
import type { BuilderTypes } from './builder.ts';
import { pageLimits } from './common.ts';
import { pageReading, type PageReading, type PageShape } from './page-shape.ts';
import { primeEmbedded, type CompanyRef } from './refs.ts';

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
function selectsTotalCount(info: GraphQLResolveInfo): boolean {
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
  const loader = ref.getDataloader(context);
  context.roundTrips.rows = (context.roundTrips.rows ?? 0) + rows.length;
  return rows.map((row) => {
    const key = entityKey(row.id, asOf);
    loader.prime(key, { ...row, key, asOf } as Loaded);
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
    primeEmbedded(context, row, asOf);
    return { ...row, key: entityKey(row.id, asOf), asOf } as Loaded;
  });
}

/** A root list: `statement` returns `total`, one page of `rows`, and maybe rows they point at (`embeddedCompanies`). */
export async function pageFromStatement(
  context: RequestContext,
  args: ConnectionArgs,
  info: GraphQLResolveInfo,
  ref: NodeRef,
  statement: StatementName,
  params: Params & { asOf: string },
  shape?: PageShape,
) {
  checkConnectionArgs(args);
  let totalCount = 0;
  const withTotal = selectsTotalCount(info);
  const reading = shape && pageReading(info, shape);
  const connection = await resolveOffsetConnection({ args, ...pageLimits(context) }, async ({ offset, limit }) => {
    const shaped = reading ? { embedVia: reading.embedVia } : {};
    const [row] = await context.graph.read(statement, { ...params, ...shaped, offset, limit, withTotal }, context.roundTrips, reading?.selection);
    totalCount = Number(row?.total ?? 0);
    if (row) primeEmbedded(context, row, params.asOf);
    return pageNodes(context, ref, (row?.rows as Row[]) ?? [], params.asOf, reading);
  });
  return { ...connection, totalCount };
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
    const batch = `${statement}@${asOf}:${offset}:${limit}:${withTotal}:${reading?.signature ?? ''}:${reading?.embedVia.join('|') ?? ''}`;
    const loader = requestLoader<{ total: number; nodes: (string | Loaded)[] }>(context, batch, async (ids) => {
      const shaped = reading ? { embedVia: reading.embedVia } : {};
      const rows = await context.graph.read(statement, { ids, asOf, offset, limit, withTotal, ...shaped }, context.roundTrips, reading?.selection);
      const byId = new Map(rows.map((row) => [String(row.id), row]));
      // Rows carry the companies of the whole batch once (on one of them): put them in first.
      for (const row of rows) primeEmbedded(context, row, asOf);
      return ids.map((id) => {
        const row = byId.get(id);
        return { total: Number(row?.total ?? 0), nodes: pageNodes(context, ref, (row?.rows as Row[]) ?? [], asOf, reading) };
      });
    });
    const page = await loader.load(String(parent.id));
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
