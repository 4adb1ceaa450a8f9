/**
 * Everything wrong with a bundle, all at once: its shape (the JSON Schema), its dates (see
 * validate-dates.ts), duplicate and colliding ids, references that resolve neither inside the
 * bundle nor in the graph, companies used in a role they do not have, and contradictory fields.
 * Pure: what the graph holds comes in as `existing` (fetched by existing-ids.ts).
 */
import { objectPieces, type ListName, type Piece } from './bundle-pieces.ts';
import type { CompanyRole as Role } from './bundle.ts';
import type { ExistingIds } from './existing-ids.ts';
import { childPath, type Checker, type Entry, type Problem } from './problems.ts';
import { entrySchemaProblems, schemaProblems } from './schema-check.ts';
import { BundleSurvey } from './survey.ts';
import { checkDates } from './validate-dates.ts';
import { becameCycles, ownershipCycles, type BecameEdge, type OwnershipEdge } from './cycles.ts';
import { firstDay, isFuzzyDate, lastDay } from '../domain/fuzzy-date.ts';
import { noSuchReference, wrongKindOfReference, type ReferenceKind } from '../domain/write-rules.ts';

export type { Problem } from './problems.ts';

type Target = ReferenceKind | 'subject';

/** Reference fields per list: what they must name, and the role a company needs there. */
const REFERENCES: Record<string, [field: string, target: Target, role?: Role][]> = {
  companies: [['sources', 'source']],
  ownerships: [
    ['company', 'company'],
    ['owner', 'company'],
    ['sources', 'source'],
  ],
  partnerships: [
    ['manufacturer', 'company', 'MANUFACTURER'],
    ['opticsPartner', 'company', 'OPTICS_PARTNER'],
    ['sources', 'source'],
  ],
  exclusivities: [
    ['partnership', 'partnership'],
    ['endsWithLaunchOf', 'device'],
    ['sources', 'source'],
  ],
  devices: [
    ['manufacturer', 'company', 'MANUFACTURER'],
    ['builtBy', 'company'],
    ['opticsPartner', 'company', 'OPTICS_PARTNER'],
    ['partnership', 'partnership'],
    ['becameDevice', 'device'],
    ['sources', 'source'],
  ],
  leakers: [['sources', 'source']],
  claims: [
    ['leaker', 'leaker'],
    ['subjects', 'subject'],
    ['sources', 'source'],
  ],
};

const LIST_OF: Record<ReferenceKind, ListName & keyof ExistingIds> = {
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

/** The ownerships and BECAME links the graph holds around a bundle's (import-stored-chains). */
export interface StoredChains {
  ownerships: OwnershipEdge[];
  became: BecameEdge[];
}

export const NO_STORED_CHAINS: StoredChains = { ownerships: [], became: [] };

/** Every problem with a bundle already in memory, checked against what the graph holds (`existing`, `chains`). */
export function validateBundle(bundle: unknown, existing: ExistingIds, chains: StoredChains = NO_STORED_CHAINS): Problem[] {
  const check = new BundleCheck();
  for (const piece of objectPieces(bundle)) check.piece(piece);
  return check.finish(existing, chains);
}

interface DeferredReference {
  path: string;
  id: string;
  target: Target;
  role?: Role;
}

/**
 * The same rules, one piece of the bundle at a time (a streamed bundle is never whole): each entry
 * is checked when it comes, and what needs the whole bundle or the graph (references the bundle has
 * not defined so far, colliding ids, the top-level fields) when `finish` is given what the graph holds.
 * Only references not yet resolved are kept, so memory stays at the survey's few bytes per entity.
 */
export class BundleCheck {
  readonly survey: BundleSurvey;
  private readonly problems: Problem[] = [];
  private readonly topProblems: Problem[] = [];
  private readonly deferred: DeferredReference[] = [];
  private readonly fields = new Map<string, unknown>();
  private whole: { value: unknown } | null = null;
  private lastList: string | null = null;
  /** Ownerships and BECAME links of the bundle, for the cycle checks (a few dozen bytes each). */
  readonly ownerships: OwnershipEdge[] = [];
  readonly became: BecameEdge[] = [];

  constructor(survey = new BundleSurvey()) {
    this.survey = survey;
  }

  /** Checks one piece; surveys it first unless the caller already did. */
  piece(piece: Piece, surveyed = false): void {
    if (piece.problems) this.topProblems.push(...piece.problems);
    if (piece.kind === 'whole') {
      this.whole = { value: piece.value };
      return;
    }
    if (piece.kind === 'field') {
      if (this.fields.has(piece.key)) this.topProblems.push({ path: childPath('$', piece.key), message: 'appears twice at the top level: keep one' });
      this.fields.set(piece.key, piece.value);
      return;
    }
    if (!surveyed) this.survey.add(piece);
    if (this.fields.has(piece.list) && this.lastList !== piece.list) {
      this.topProblems.push({ path: childPath('$', piece.list), message: 'appears twice at the top level: keep one' });
    }
    this.fields.set(piece.list, []);
    this.lastList = piece.list;
    const { list, start, items } = piece;
    const listPath = childPath('$', list);
    items.forEach((value, offset) => {
      const index = start + offset;
      const schema = entrySchemaProblems(list, index, value);
      this.problems.push(...schema);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
      const flagged = new Set(schema.map((p) => p.path));
      const check: Checker = { report: (path, message) => this.problems.push({ path, message }), clean: (path) => !flagged.has(path) };
      const entry: Entry = { list, index, path: childPath(listPath, index), item: value as Record<string, unknown> };
      this.checkDuplicate(entry, check);
      checkDates(entry, check);
      for (const [field, target, role] of REFERENCES[list] ?? []) this.checkReference(entry, field, target, role, check);
      checkFieldRules(entry, check);
      this.collectChainLinks(entry);
    });
  }

  /** Problems found so far in the pieces themselves (not counting what only the whole bundle shows). */
  problemCount(): number {
    return this.problems.length + this.topProblems.length;
  }

  /** Every problem, once the whole bundle has been seen, given what the graph holds. */
  finish(existing: ExistingIds, chains: StoredChains = NO_STORED_CHAINS): Problem[] {
    if (this.whole) return [...this.topProblems, ...schemaProblems(this.whole.value)];
    const top = [...schemaProblems(Object.fromEntries(this.fields)), ...this.topProblems];
    const rest = [...this.problems];
    const defined: Defined = { byList: this.survey.ids, roles: this.survey.roles };
    const report = (path: string, message: string) => rest.push({ path, message });
    checkCollisions(this.survey, existing, report);
    for (const { path, id, target, role } of this.deferred) {
      const problem = resolve(id, target, defined, existing) ?? (role ? roleProblem(id, role, defined, existing) : null);
      if (problem) report(path, problem);
    }
    this.checkCycles(chains, report);
    return [...top, ...rest];
  }

  /** The companies and devices whose stored chains the cycle checks need (import-stored-chains). */
  chainIds(): { companies: string[]; devices: string[] } {
    return {
      companies: [...new Set(this.ownerships.flatMap((edge) => [edge.company, edge.owner]))],
      devices: [...new Set(this.became.flatMap((edge) => [edge.device, edge.became]))],
    };
  }

  private collectChainLinks({ list, item, path }: Entry): void {
    // Owning or becoming itself is reported by checkFieldRules; here only chains through others count.
    if (
      list === 'ownerships' &&
      typeof item.id === 'string' &&
      typeof item.company === 'string' &&
      typeof item.owner === 'string' &&
      item.owner !== item.company &&
      isFuzzyDate(item.start)
    ) {
      const until = isFuzzyDate(item.end) ? lastDay(item.end) : null;
      this.ownerships.push({ id: item.id, company: item.company, owner: item.owner, from: firstDay(item.start), until, path: childPath(path, 'owner') });
    }
    if (list === 'devices' && typeof item.id === 'string' && typeof item.becameDevice === 'string' && item.becameDevice !== item.id) {
      this.became.push({ device: item.id, became: item.becameDevice, path: childPath(path, 'becameDevice') });
    }
  }

  /**
   * Ownership and BECAME cycles through the bundle and what the graph holds; a bundle's entry
   * replaces the stored one of the same id (an ownership; a device's BECAME link). Each cycle is
   * reported once, at the bundle entry that closes it.
   */
  private checkCycles(chains: StoredChains, report: (path: string, message: string) => void): void {
    const bundleOwnerships = new Set(this.survey.ids.ownerships.keys());
    const bundleDevices = this.survey.ids.devices;
    const ownerships = [...this.ownerships, ...chains.ownerships.filter((edge) => !bundleOwnerships.has(edge.id))];
    const where = (edge: { path?: string }) => edge.path ?? 'in the graph';
    for (const cycle of ownershipCycles(ownerships)) {
      const closing = cycle.edges
        .map((edge) => edge.path)
        .filter((path) => path !== undefined)
        .at(-1);
      if (!closing) continue;
      const chain = cycle.edges.map((edge) => `${edge.owner} owns ${edge.company} (${edge.id}, ${where(edge)})`).join(', ');
      report(
        closing,
        `closes an ownership cycle from ${cycle.from}: ${chain}; a company cannot own itself, even through others. Fix the owner, or end one ownership before the next begins`,
      );
    }
    const became = [...this.became, ...chains.became.filter((edge) => !bundleDevices.has(edge.device))];
    for (const cycle of becameCycles(became)) {
      const closing = cycle.edges
        .map((edge) => edge.path)
        .filter((path) => path !== undefined)
        .at(-1);
      if (!closing) continue;
      const chain = cycle.edges.map((edge) => `${edge.device} became ${edge.became}${edge.path ? '' : ' (in the graph)'}`).join(', ');
      report(closing, `closes a cycle of devices that became each other: ${chain}; a device ships as a later device, never as one that became it. Fix becameDevice`);
    }
  }

  private checkDuplicate({ list, index, item, path }: Entry, check: Checker): void {
    if (typeof item.id !== 'string') return;
    const first = this.survey.ids[list as ListName].get(item.id);
    if (first !== undefined && first !== index) {
      check.report(childPath(path, 'id'), `duplicate id ${JSON.stringify(item.id)}, already used at ${childPath(childPath('$', list), first)}: give each entry its own id`);
    }
  }

  /** Resolves a reference now when the bundle so far defines it as wanted; else keeps it for `finish`. */
  private checkReference(entry: Entry, field: string, target: Target, role: Role | undefined, check: Checker): void {
    const value = entry.item[field];
    const path = childPath(entry.path, field);
    const refs: [unknown, string][] = Array.isArray(value) ? value.map((v, i) => [v, childPath(path, i)]) : [[value, path]];
    const { ids, roles } = this.survey;
    for (const [id, refPath] of refs) {
      if (typeof id !== 'string' || !check.clean(refPath)) continue;
      const definedHere = target === 'subject' ? ids.companies.has(id) || ids.devices.has(id) : ids[LIST_OF[target]].has(id);
      if (definedHere && (!role || roles.get(id)?.has(role))) continue;
      this.deferred.push({ path: refPath, id, target, role });
    }
    if (field === 'sources' && entry.list === 'claims' && Array.isArray(entry.item.resolutions)) {
      entry.item.resolutions.forEach((resolution: unknown, index) => {
        if (typeof resolution !== 'object' || resolution === null) return;
        const resolutionEntry = { ...entry, path: childPath(childPath(entry.path, 'resolutions'), index), item: resolution as Record<string, unknown>, list: 'resolutions' };
        this.checkReference(resolutionEntry, 'sources', 'source', undefined, check);
      });
    }
  }
}

interface Defined {
  /** id -> index of its first definition, per list. */
  byList: Record<ListName, Map<string, number>>;
  /** Roles each company in the bundle declares. */
  roles: Map<string, Set<string>>;
}

/** Company and device ids share one namespace: in the bundle, and with what the graph holds. */
function checkCollisions(survey: BundleSurvey, existing: ExistingIds, report: (path: string, message: string) => void): void {
  const at = (list: ListName, index: number) => childPath(childPath(childPath('$', list), index), 'id');
  for (const [id, index] of survey.ids.devices) {
    const company = survey.ids.companies.get(id);
    if (company !== undefined) {
      report(
        at('devices', index),
        `${JSON.stringify(id)} is also the id of the company at ${childPath(childPath('$', 'companies'), company)}; companies and devices share one namespace: rename one`,
      );
    } else if (existing.companies.has(id)) {
      report(at('devices', index), `${JSON.stringify(id)} is already a company in the graph; companies and devices share one namespace: choose another id`);
    }
  }
  for (const [id, index] of survey.ids.companies) {
    if (existing.devices.has(id) && !survey.ids.devices.has(id)) {
      report(at('companies', index), `${JSON.stringify(id)} is already a device in the graph; companies and devices share one namespace: choose another id`);
    }
  }
}

/** Null when the id names an entity of the target kind in the bundle or the graph. */
function resolve(id: string, target: Target, defined: Defined, existing: ExistingIds): string | null {
  const kinds: ReferenceKind[] = target === 'subject' ? ['company', 'device'] : [target];
  const found = (kind: ReferenceKind) => defined.byList[LIST_OF[kind]].has(id) || existing[LIST_OF[kind]].has(id);
  if (kinds.some(found)) return null;
  const actually = (Object.keys(LIST_OF) as ReferenceKind[]).find((kind) => !kinds.includes(kind) && found(kind));
  return actually ? wrongKindOfReference(kinds, id, actually) : noSuchReference(kinds, id);
}

function roleProblem(id: string, role: Role, defined: Defined, existing: ExistingIds): string | null {
  // Role labels are additive: a role the graph already gives the company still holds after import.
  if (defined.roles.get(id)?.has(role) || existing[ROLE_LABEL[role].existing].has(id)) return null;
  const index = defined.byList.companies.get(id);
  const where = index === undefined ? undefined : childPath(childPath('$', 'companies'), index);
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
  if (item.endsWithPartnership === true && (item.end != null || item.endsWithLaunchOf != null)) {
    check.report(
      childPath(path, 'endsWithPartnership'),
      `is true together with ${item.end != null ? 'end' : 'endsWithLaunchOf'}: a clause ends on a date, with a launch, or with its partnership, only one; remove one`,
    );
  }
  if (Array.isArray(item.regions) && Array.isArray(item.exceptRegions)) {
    item.exceptRegions.forEach((region: unknown, index) => {
      if ((item.regions as unknown[]).includes(region)) {
        check.report(
          childPath(childPath(path, 'exceptRegions'), index),
          `${JSON.stringify(region)} is also in regions: a region is either covered or excepted; remove it from one list`,
        );
      }
    });
  }
}
