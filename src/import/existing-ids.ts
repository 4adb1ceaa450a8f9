/**
 * Which of the ids a bundle mentions the graph already holds, per label: references may point at
 * entities imported earlier, and company and device ids must not collide with stored ones either.
 * One read statement (import-existing-ids) fetches them all.
 */
import type { GraphExecutor, RoundTripCounter } from '../graph/executor.ts';

export interface ExistingIds {
  companies: ReadonlySet<string>;
  /** Companies with the :Manufacturer role label. */
  manufacturers: ReadonlySet<string>;
  /** Companies with the :OpticsPartner role label. */
  opticsPartners: ReadonlySet<string>;
  devices: ReadonlySet<string>;
  partnerships: ReadonlySet<string>;
  leakers: ReadonlySet<string>;
  sources: ReadonlySet<string>;
}

const LABEL_SETS = ['companies', 'manufacturers', 'opticsPartners', 'devices', 'partnerships', 'leakers', 'sources'] as const;

export function noExistingIds(): ExistingIds {
  return Object.fromEntries(LABEL_SETS.map((key) => [key, new Set<string>()])) as unknown as ExistingIds;
}

/** Shorthand for tests and callers that know what the graph holds. */
export function existingIds(ids: Partial<Record<keyof ExistingIds, Iterable<string>>>): ExistingIds {
  return Object.fromEntries(LABEL_SETS.map((key) => [key, new Set(ids[key] ?? [])])) as unknown as ExistingIds;
}

/** Fields that hold references, per bundle list (read leniently: the bundle is not validated yet). */
const REFERENCE_FIELDS: Record<string, string[]> = {
  companies: ['sources'],
  ownerships: ['company', 'owner', 'sources'],
  partnerships: ['manufacturer', 'opticsPartner', 'sources'],
  exclusivities: ['partnership', 'endsWithLaunchOf', 'sources'],
  devices: ['manufacturer', 'builtBy', 'opticsPartner', 'partnership', 'becameDevice', 'sources'],
  leakers: ['sources'],
  claims: ['leaker', 'subjects', 'sources'],
};

/** Every id the bundle refers to, plus its own company and device ids (to catch collisions). */
export function referencedIds(bundle: unknown): string[] {
  const ids = new Set<string>();
  const add = (value: unknown) => {
    for (const v of Array.isArray(value) ? value : [value]) if (typeof v === 'string') ids.add(v);
  };
  if (typeof bundle !== 'object' || bundle === null) return [];
  const lists = bundle as Record<string, unknown>;
  for (const [list, fields] of Object.entries(REFERENCE_FIELDS)) {
    const items = lists[list];
    if (!Array.isArray(items)) continue;
    for (const item of items) {
      if (typeof item !== 'object' || item === null) continue;
      const entity = item as Record<string, unknown>;
      for (const field of fields) add(entity[field]);
      if (list === 'companies' || list === 'devices') add(entity.id);
      if (list === 'claims' && Array.isArray(entity.resolutions)) {
        for (const resolution of entity.resolutions) add((resolution as Record<string, unknown> | null)?.sources);
      }
    }
  }
  return [...ids];
}

export async function fetchExistingIds(graph: GraphExecutor, bundle: unknown, counter?: RoundTripCounter): Promise<ExistingIds> {
  const ids = referencedIds(bundle);
  if (ids.length === 0) return noExistingIds();
  const [row] = await graph.read('import-existing-ids', { ids }, counter);
  return existingIds((row ?? {}) as Partial<Record<keyof ExistingIds, string[]>>);
}
