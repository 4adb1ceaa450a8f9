/**
 * Connections. Root lists page in Cypher (the `list-*` statements return one page of ids and the
 * total); nested lists page over the ids their parent already carries, so only one page of
 * children is ever loaded. Either way the nodes come back through the batched loaders.
 */
import { entityKey } from '../graph/loaders.ts';
import { resolveArrayConnection, resolveOffsetConnection } from '@pothos/plugin-relay';
import type { RequestContext } from '../context.ts';
import type { Params } from '../graph/executor.ts';
import type { StatementName } from '../graph/statements.ts';
import { pageLimits } from './common.ts';

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  before?: string | null;
  after?: string | null;
}

export async function pageFromStatement(
  context: RequestContext,
  args: ConnectionArgs,
  statement: StatementName,
  params: Params & { asOf: string },
) {
  let totalCount = 0;
  const connection = await resolveOffsetConnection({ args, ...pageLimits(context) }, async ({ offset, limit }) => {
    const [row] = await context.graph.read(statement, { ...params, offset, limit }, context.roundTrips);
    totalCount = Number(row?.total ?? 0);
    return ((row?.ids as string[]) ?? []).map((id) => entityKey(id, params.asOf));
  });
  return { ...connection, totalCount };
}

export function pageOfKeys(context: RequestContext, args: ConnectionArgs, keys: string[]) {
  return resolveArrayConnection({ args, ...pageLimits(context) }, keys);
}

/** One page of a list already in memory (an outlook's ranking), with the count of all of it. */
export function pageOfItems<T extends object>(context: RequestContext, args: ConnectionArgs, items: T[], defaultSize: number) {
  const limits = pageLimits(context);
  const connection = resolveArrayConnection({ args, defaultSize: Math.min(defaultSize, limits.maxSize), maxSize: limits.maxSize }, items);
  return { ...connection, totalCount: items.length };
}

/** Adds `totalCount` to a connection type. */
export const withTotalCount = {
  fields: (t: any) => ({
    totalCount: t.int({ description: 'How many items match, across all pages.', resolve: (connection: { totalCount: number }) => connection.totalCount }),
  }),
};
