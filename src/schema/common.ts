/** Types every domain shares: imprecise dates, the as-of argument, sources, paging limits. */
import { GraphQLError } from 'graphql';
import { parseFuzzyDate } from '../domain/fuzzy-date.ts';
import type { RequestContext } from '../context.ts';
import { builder } from './builder.ts';

export const FuzzyDateRef = builder.objectRef<string>('FuzzyDate').implement({
  description: 'An imprecise date as the source gave it ("2021", "2021-Q3", "2021-07-29"), with the period it spans.',
  fields: (t) => ({
    text: t.string({ resolve: (value) => value }),
    precision: t.string({ description: 'YEAR, HALF, QUARTER, MONTH or DAY.', resolve: (value) => parseFuzzyDate(value).precision }),
    firstDay: t.field({ type: 'Date', description: 'A start counts from this day.', resolve: (value) => parseFuzzyDate(value).firstDay }),
    lastDay: t.field({ type: 'Date', description: 'An end counts until this day.', resolve: (value) => parseFuzzyDate(value).lastDay }),
  }),
});

export const asOfArgDescription =
  'See the world as it was known on this day: facts, ends, outcomes and releases that became public later are hidden at every depth. Default: today.';

/** The day a root field reads as of: the argument, else today; never in the future. */
export function asOfDay(asOf: string | null | undefined, context: RequestContext): string {
  if (!asOf) return context.today;
  if (asOf > context.today) {
    throw new GraphQLError(`asOf ${asOf} is in the future; nothing is known after today (${context.today})`, {
      extensions: { code: 'BAD_USER_INPUT', argument: 'asOf' },
    });
  }
  return asOf;
}

/**
 * The day a nested field with its own `asOf` reads as of: the argument, else its parent's day. It may
 * not be later than the parent's, whose loaded facts stop at that day.
 */
export function nestedAsOfDay(field: string, asOf: string | null | undefined, parentAsOf: string): string {
  if (!asOf) return parentAsOf;
  if (asOf > parentAsOf) {
    throw new GraphQLError(`${field} asOf ${asOf} is after the query's as-of day ${parentAsOf}; ask the query as of a later day instead`, {
      extensions: { code: 'BAD_USER_INPUT', argument: 'asOf' },
    });
  }
  return asOf;
}

/** A region argument as an ISO 3166-1 alpha-2 code, or null; "Japan" is refused rather than matching nothing. */
export function parseRegion(region: string | null | undefined): string | null {
  const code = region?.trim().toUpperCase() || null;
  if (code !== null && !/^[A-Z]{2}$/.test(code)) {
    throw new GraphQLError(`region must be an ISO 3166-1 alpha-2 code such as "JP", got ${JSON.stringify(region)}`, {
      extensions: { code: 'BAD_USER_INPUT', argument: 'region' },
    });
  }
  return code;
}

/** Caps a connection's page so one request cannot ask for the whole graph at once. */
export function pageLimits(context: RequestContext) {
  return { defaultSize: Math.min(50, context.config.limits.maxPageSize), maxSize: context.config.limits.maxPageSize };
}

export class NotFoundError extends Error {
  override name = 'NotFoundError';
  readonly kind: string;
  readonly naturalId: string;
  constructor(kind: string, naturalId: string, asOf: string) {
    super(`No ${kind} with id "${naturalId}" was known on ${asOf}`);
    this.kind = kind;
    this.naturalId = naturalId;
  }
}

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'The id names nothing that was known on the as-of day.',
  fields: (t) => ({
    message: t.exposeString('message'),
    kind: t.exposeString('kind'),
    id: t.exposeString('naturalId'),
  }),
});
