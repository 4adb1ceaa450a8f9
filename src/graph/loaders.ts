/**
 * Batch loading for the Pothos dataloader plugin: every entity is loaded by a key
 * `<natural id>@<as-of day>` (the same key its global id carries), and the per-request loader sends
 * all keys asked for in one tick to Neo4j in one statement, whatever their as-of days. A nested query therefore
 * costs one round trip per level, not one per item.
 */
import DataLoader from 'dataloader';
import type { RequestContext } from '../context.ts';
import type { Params, Row } from './executor.ts';
import type { ProjectionSelection, StatementName } from './statements.ts';

export interface Keyed {
  /** `<id>@<day>`: the entity as known on that day. */
  key: string;
  asOf: string;
}

export type Loaded<T extends Row = Row> = T & Keyed;

export function entityKey(id: unknown, asOf: string): string {
  return `${String(id)}@${asOf}`;
}

/** The id and day of a key (`id@day`, the last `@`: ids may hold one), or null when it names no day. */
export function parseKey(key: string): { id: string; asOf: string } | null {
  const at = key.lastIndexOf('@');
  return at < 0 ? null : { id: key.slice(0, at), asOf: key.slice(at + 1) };
}

/** A key's id and day; a bare id is as of today. */
export function splitKey(key: string, today: string): { id: string; asOf: string } {
  return parseKey(key) ?? { id: key, asOf: today };
}

/**
 * Fetches entities by key with the named `<kind>-by-ids` statement, in one round trip whatever days
 * the keys name (the statement takes `{id, asOf}` pairs): each key's id and day, in key order, with
 * its entity, null when the id was unknown on its day. `shown`: a statement that reads them only as
 * far as the query shows them takes more parameters and a projection selection.
 */
export async function fetchByKeys(
  context: RequestContext,
  statement: StatementName,
  keys: readonly string[],
  shown: { params: Params; selection: ProjectionSelection } | null = null,
): Promise<{ id: string; asOf: string; entity: Loaded | null }[]> {
  const pairs = new Map<string, { id: string; asOf: string }>();
  for (const key of keys) {
    const { id, asOf } = splitKey(key, context.today);
    pairs.set(entityKey(id, asOf), { id, asOf });
  }
  const found = new Map<string, Loaded>();
  const rows = await context.graph.read(statement, { ...shown?.params, keys: [...pairs.values()] }, context.roundTrips, shown?.selection);
  context.roundTrips.rows = (context.roundTrips.rows ?? 0) + rows.length;
  // Besides `row`, a statement may return rows of what the entity points at (embeddedCompanies);
  // they travel with the entity to the loader, which primes their own loaders.
  for (const { asOf, row, ...embedded } of rows as { asOf: string; row: Row }[]) {
    const key = entityKey(String(row.id), asOf);
    found.set(key, { ...row, ...embedded, key, asOf });
  }
  return keys.map((key) => {
    const { id, asOf } = splitKey(key, context.today);
    return { id, asOf, entity: found.get(entityKey(id, asOf)) ?? null };
  });
}

/**
 * A DataLoader that lives as long as one request, found by name: fields that are not entities (a
 * candidate's evidence, a leaker's credibility on a day, one page of a relationship) batch through it
 * like entities do, one round trip per level however many parents ask.
 */
const requestLoaders = new WeakMap<object, Map<string, DataLoader<string, unknown>>>();

/** Drops every request loader of the request (after a write): the next load reads the graph again. */
export function clearRequestLoaders(context: RequestContext): void {
  requestLoaders.delete(context);
}

export function requestLoader<V>(context: RequestContext, name: string, batch: (keys: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
  let loaders = requestLoaders.get(context);
  if (!loaders) {
    loaders = new Map();
    requestLoaders.set(context, loaders);
  }
  let loader = loaders.get(name);
  if (!loader) {
    loader = new DataLoader<string, unknown>(batch as (keys: readonly string[]) => Promise<unknown[]>);
    loaders.set(name, loader);
  }
  return loader as DataLoader<string, V>;
}
