/**
 * What a query costs, computed with its variables (graphql-query-complexity coerces them the way
 * execution will). graphql-armor's cost-limit reads only literal `first`/`last` integers, so
 * `devices(first: $n)` counted as one item and 1,000 aliases of it passed; this counts what the
 * server will actually be asked to produce:
 *
 * - every field costs its weight (1, or more for the few that do much work per call: below);
 * - a field that pages (`first`/`last`) multiplies what it selects by its page size, the default
 *   page when none is given, at most MAX_PAGE_SIZE;
 * - `nodes(ids:)` multiplies by the number of ids, and every list argument adds its length;
 * - a list field without paging (a company's sources, a claim's resolutions) multiplies by
 *   `unpagedListItems`, an estimate of such lists' usual length;
 * - `@skip`/`@include` are honoured, so a skipped field costs nothing; introspection costs nothing.
 */
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { getNullableType, isListType, type DocumentNode, type GraphQLCompositeType, type GraphQLSchema } from 'graphql';
import type { Config } from '../config.ts';

/** Fields that cost more than one value each call: what each makes Neo4j or the rules do. */
export const fieldWeights: Readonly<Record<string, number>> = {
  // Reads every manufacturer, its partnerships and clauses, and ranks them.
  'Query.partnershipOutlook': 1000,
  // Replays an outlook per partnership and lead time (MAX_BACKTEST_EVENTS, MAX_CONCURRENT_BACKTESTS bound it further).
  'Query.backtest': 1000,
  // A fuzzy full-text query over every name, title and statement.
  'Query.search': 100,
  // Counts every company and claim.
  'Query.serviceInfo': 10,
  // Each reads the clauses of a company or the claims of a leaker and applies a rule to them.
  'Company.freeFrom': 10,
  'Company.clausesInForce': 10,
  'Company.timeline': 10,
  'Leaker.credibility': 10,
};

/** The estimate for a list field that has no page size (sources, clauses, resolutions...). */
export const unpagedListItems = 10;

/** The default page of a connection without `first`/`last` (src/schema/common.ts pageLimits). */
export function defaultPageSize(limits: Config['limits']): number {
  return Math.min(50, limits.maxPageSize);
}

function listArgumentItems(value: unknown): number {
  if (Array.isArray(value)) return value.length + value.reduce<number>((sum, item) => sum + listArgumentItems(item), 0);
  if (value && typeof value === 'object') return Object.values(value).reduce<number>((sum, item) => sum + listArgumentItems(item), 0);
  return 0;
}

function pageSize(args: Record<string, unknown>, declaredDefault: unknown, limits: Config['limits']): number {
  const asked = [args.first, args.last].find((value): value is number => typeof value === 'number');
  const size = asked ?? (typeof declaredDefault === 'number' ? declaredDefault : defaultPageSize(limits));
  return Math.min(Math.max(size, 0), limits.maxPageSize);
}

function isConnection(type: GraphQLCompositeType): boolean {
  return 'getFields' in type && 'pageInfo' in type.getFields();
}

function estimator(limits: Config['limits']) {
  return ({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number => {
    // Introspection (GraphiQL asks it on load) is answered from the schema in memory; the token and
    // depth limits bound it, as graphql-armor's cost-limit leaves it out too.
    if (field.name === '__schema' || field.name === '__type') return 0;
    const weight = fieldWeights[`${type.name}.${field.name}`] ?? 1;
    const pages = field.args.find((arg) => arg.name === 'first' || arg.name === 'last');
    let items = 1;
    if (pages) items = pageSize(args, field.args.find((arg) => arg.name === 'first')?.defaultValue, limits);
    else if (Array.isArray(args.ids)) items = args.ids.length;
    // A connection's edges are the page its field already counted.
    else if (field.name === 'edges' && isConnection(type)) items = 1;
    else if (isListType(getNullableType(field.type))) items = unpagedListItems;
    return weight + listArgumentItems(args) + items * childComplexity;
  };
}

export type CostResult = { cost: number } | { tooManyNodes: true } | { invalidVariables: true };

/**
 * The cost of the operation `operationName` of `document` with `variables`. Variables that do not
 * coerce are left for execution to report with its own message.
 */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
  limits: Config['limits'],
): CostResult {
  try {
    return {
      cost: getComplexity({ schema, query: document, variables: variables ?? {}, operationName, estimators: [estimator(limits)], maxQueryNodes: 10_000 }),
    };
  } catch (error) {
    if (/maximum allowed number of nodes/.test((error as Error).message)) return { tooManyNodes: true };
    return { invalidVariables: true };
  }
}
