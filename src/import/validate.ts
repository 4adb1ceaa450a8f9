/**
 * Everything wrong with a bundle, all at once: its shape (the JSON Schema), its dates (see
 * validate-dates.ts), duplicate and colliding ids, references that resolve neither inside the
 * bundle nor in the graph, companies used in a role they do not have, and contradictory fields.
 * Pure: what the graph holds comes in as `existing` (fetched by existing-ids.ts).
 */
import { BUNDLE_LISTS } from './bundle.ts';
import type { ExistingIds } from './existing-ids.ts';
import { childPath, type Problem } from './problems.ts';
import { schemaProblems } from './schema-check.ts';
import { checkDates } from './validate-dates.ts';

export type { Problem } from './problems.ts';

/** One object of a bundle list, read leniently: the rules run even where the schema failed. */
export interface Entry {
  list: string;
  index: number;
  path: string;
  item: Record<string, unknown>;
}

export interface Checker {
  report(path: string, message: string): void;
  /** False where the schema already reported a problem, so a bad value is reported once. */
  clean(path: string): boolean;
}

type Target = 'company' | 'device' | 'partnership' | 'leaker' | 'source' | 'subject';
type Role = 'MANUFACTURER' | 'OPTICS_PARTNER';

/** Reference fields per list: what they must name, and the role a company needs there. */
const REFERENCES: Record<string, [field: string, target: Target, role?: Role][]> = {
  companies: [['sources', 'source']],
  ownerships: [['company', 'company'], ['owner', 'company'], ['sources', 'source']],
  partnerships: [['manufacturer', 'company', 'MANUFACTURER'], ['opticsPartner', 'company', 'OPTICS_PARTNER'], ['sources', 'source']],
  exclusivities: [['partnership', 'partnership'], ['endsWithLaunchOf', 'device'], ['sources', 'source']],
  devices: [
    ['manufacturer', 'company', 'MANUFACTURER'],
    ['builtBy', 'company'],
    ['opticsPartner', 'company', 'OPTICS_PARTNER'],
    ['partnership', 'partnership'],
    ['becameDevice', 'device'],
    ['sources', 'source'],
  ],
  leakers: [['sources', 'source']],
  claims: [['leaker', 'leaker'], ['subjects', 'subject'], ['sources', 'source']],
};

const LIST_OF: Record<Exclude<Target, 'subject'>, string> = {
  company: 'companies',
  device: 'devices',
  partnership: 'partnerships',
  leaker: 'leakers',
  source: 'sources',
};

const ROLE_LABEL: Record<Role, { existing: 'manufacturers' | 'opticsPartners'; noun: string }> = {
  MANUFACTURER: { existing: 'manufacturers', noun: 'a manufacturer' },
  OPTICS_PARTNER: { existing: 'opticsPartners', noun: 'an optics partner' },
};

export function validateBundle(bundle: unknown, existing: ExistingIds): Problem[] {
  const problems = schemaProblems(bundle);
  if (typeof bundle !== 'object' || bundle === null || Array.isArray(bundle)) return problems;

  const flagged = new Set(problems.map((p) => p.path));
  const check: Checker = {
    report: (path, message) => problems.push({ path, message }),
    clean: (path) => !flagged.has(path),
  };
  const entries = new Map(BUNDLE_LISTS.map((list) => [list as string, entriesOf(bundle as Record<string, unknown>, list)]));

  const defined = checkIds(entries, existing, check);
  for (const [list, listEntries] of entries) {
    for (const entry of listEntries) {
      checkDates(entry, check);
      for (const [field, target, role] of REFERENCES[list] ?? []) {
        checkReference(entry, field, target, role, defined, existing, check);
      }
      checkFieldRules(entry, check);
    }
  }
  return problems;
}

function entriesOf(bundle: Record<string, unknown>, list: string): Entry[] {
  const items = bundle[list];
  if (!Array.isArray(items)) return [];
  return items.flatMap((item: unknown, index) =>
    typeof item === 'object' && item !== null && !Array.isArray(item)
      ? [{ list, index, path: childPath(childPath('$', list), index), item: item as Record<string, unknown> }]
      : [],
  );
}

interface Defined {
  /** id -> path of its first definition, per list. */
  byList: Map<string, Map<string, string>>;
  /** Roles each company in the bundle declares. */
  roles: Map<string, Set<string>>;
}

/** Duplicate ids within a list, and company/device ids that collide (in the bundle or with the graph). */
function checkIds(entries: Map<string, Entry[]>, existing: ExistingIds, check: Checker): Defined {
  const byList = new Map<string, Map<string, string>>();
  const roles = new Map<string, Set<string>>();
  for (const [list, listEntries] of entries) {
    const seen = new Map<string, string>();
    byList.set(list, seen);
    for (const { item, path } of listEntries) {
      if (typeof item.id !== 'string') continue;
      const first = seen.get(item.id);
      if (first) check.report(childPath(path, 'id'), `duplicate id ${JSON.stringify(item.id)}, already used at ${first}: give each entry its own id`);
      else seen.set(item.id, path);
      if (list === 'companies' && Array.isArray(item.roles)) {
        const declared = roles.get(item.id) ?? new Set<string>();
        for (const role of item.roles) declared.add(String(role));
        roles.set(item.id, declared);
      }
    }
  }
  const companies = byList.get('companies')!;
  for (const { item, path } of entries.get('devices') ?? []) {
    if (typeof item.id !== 'string') continue;
    const company = companies.get(item.id);
    if (company) {
      check.report(childPath(path, 'id'), `${JSON.stringify(item.id)} is also the id of the company at ${company}; companies and devices share one namespace: rename one`);
    } else if (existing.companies.has(item.id)) {
      check.report(childPath(path, 'id'), `${JSON.stringify(item.id)} is already a company in the graph; companies and devices share one namespace: choose another id`);
    }
  }
  for (const { item, path } of entries.get('companies') ?? []) {
    if (typeof item.id === 'string' && existing.devices.has(item.id) && !byList.get('devices')!.has(item.id)) {
      check.report(childPath(path, 'id'), `${JSON.stringify(item.id)} is already a device in the graph; companies and devices share one namespace: choose another id`);
    }
  }
  return { byList, roles };
}

function checkReference(entry: Entry, field: string, target: Target, role: Role | undefined, defined: Defined, existing: ExistingIds, check: Checker): void {
  const value = entry.item[field];
  const path = childPath(entry.path, field);
  const refs: [unknown, string][] = Array.isArray(value) ? value.map((v, i) => [v, childPath(path, i)]) : [[value, path]];
  for (const [id, refPath] of refs) {
    if (typeof id !== 'string' || !check.clean(refPath)) continue;
    const problem = resolve(id, target, defined, existing) ?? (role ? roleProblem(id, role, defined, existing) : null);
    if (problem) check.report(refPath, problem);
  }
  if (field === 'sources' && entry.list === 'claims' && Array.isArray(entry.item.resolutions)) {
    entry.item.resolutions.forEach((resolution: unknown, index) => {
      if (typeof resolution !== 'object' || resolution === null) return;
      const resolutionEntry = { ...entry, path: childPath(childPath(entry.path, 'resolutions'), index), item: resolution as Record<string, unknown>, list: 'resolutions' };
      checkReference(resolutionEntry, 'sources', 'source', undefined, defined, existing, check);
    });
  }
}

/** Null when the id names an entity of the target kind in the bundle or the graph. */
function resolve(id: string, target: Target, defined: Defined, existing: ExistingIds): string | null {
  const kinds: Exclude<Target, 'subject'>[] = target === 'subject' ? ['company', 'device'] : [target];
  const found = (kind: Exclude<Target, 'subject'>) => defined.byList.get(LIST_OF[kind])!.has(id) || existing[LIST_OF[kind] as keyof ExistingIds].has(id);
  if (kinds.some(found)) return null;
  const wanted = target === 'subject' ? 'company or device' : target;
  const actually = (Object.keys(LIST_OF) as Exclude<Target, 'subject'>[]).find((kind) => !kinds.includes(kind) && found(kind));
  if (actually) return `${JSON.stringify(id)} is a ${actually}, not a ${wanted}`;
  return `no ${wanted} ${JSON.stringify(id)} in this bundle or in the graph: add it to ${target === 'subject' ? 'companies or devices' : LIST_OF[target]} or fix the id`;
}

function roleProblem(id: string, role: Role, defined: Defined, existing: ExistingIds): string | null {
  // Role labels are additive: a role the graph already gives the company still holds after import.
  if (defined.roles.get(id)?.has(role) || existing[ROLE_LABEL[role].existing].has(id)) return null;
  const where = defined.byList.get('companies')!.get(id);
  return `${JSON.stringify(id)} is not ${ROLE_LABEL[role].noun}: add ${role} to its roles${where ? ` at ${where}.roles` : ' (import the company again with that role)'}`;
}

/** Rules between fields of one entity. */
function checkFieldRules(entry: Entry, check: Checker): void {
  const { list, item, path } = entry;
  const same = (a: string, b: string, message: string) => {
    if (typeof item[a] === 'string' && item[a] === item[b]) check.report(childPath(path, b), message);
  };
  if (list === 'ownerships') same('company', 'owner', 'a company cannot own itself: owner must differ from company');
  if (list === 'partnerships') same('manufacturer', 'opticsPartner', 'a company cannot partner with itself: opticsPartner must differ from manufacturer');
  if (list === 'devices') same('id', 'becameDevice', 'a device cannot become itself: name the device it shipped as, or null');
  if (list !== 'exclusivities') return;
  if (item.end != null && item.endsWithLaunchOf != null) {
    check.report(childPath(path, 'endsWithLaunchOf'), 'is set together with end: a clause ends on a date (end) or with a launch (endsWithLaunchOf), not both; remove one');
  }
  if (Array.isArray(item.regions) && Array.isArray(item.exceptRegions)) {
    item.exceptRegions.forEach((region: unknown, index) => {
      if ((item.regions as unknown[]).includes(region)) {
        check.report(childPath(childPath(path, 'exceptRegions'), index), `${JSON.stringify(region)} is also in regions: a region is either covered or excepted; remove it from one list`);
      }
    });
  }
}
