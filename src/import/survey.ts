/**
 * What the importer keeps from its first pass over a bundle, so that the second pass can write it
 * entry by entry: the ids each list defines (with the index of their first definition, for
 * duplicate and forward-reference checks), the roles each company declares, each leaker's earliest
 * claim (a leaker's default known-since), how many entities of each kind there are, and the ids
 * referenced from anywhere. About 100 bytes per entity; nothing else of an entry is kept.
 */
import { BUNDLE_LISTS, ENTITY_KINDS, type EntityKind } from './bundle.ts';
import type { ListName, Piece } from './bundle-pieces.ts';

/** Fields that hold references, per bundle list (read leniently: the bundle may not be valid). */
export const REFERENCE_FIELDS: Record<ListName, string[]> = {
  sources: [],
  companies: ['sources'],
  ownerships: ['company', 'owner', 'sources'],
  partnerships: ['manufacturer', 'opticsPartner', 'sources'],
  exclusivities: ['partnership', 'endsWithLaunchOf', 'sources'],
  devices: ['manufacturer', 'builtBy', 'opticsPartner', 'partnership', 'becameDevice', 'sources'],
  leakers: ['sources'],
  claims: ['leaker', 'subjects', 'sources'],
};

export class BundleSurvey {
  /** id -> index of its first definition, per list. */
  readonly ids = Object.fromEntries(BUNDLE_LISTS.map((list) => [list, new Map<string, number>()])) as Record<ListName, Map<string, number>>;
  /** Roles each company of the bundle declares. */
  readonly roles = new Map<string, Set<string>>();
  readonly earliestClaimBy = new Map<string, string>();
  /** Entities per kind, resolutions included. */
  readonly counts = Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, 0])) as Record<EntityKind, number>;
  /** Every id some reference names (whether or not the bundle defines it). */
  readonly referenced = new Set<string>();
  /** Lists in the order the bundle gives them. */
  readonly listOrder: ListName[] = [];

  add(piece: Piece): void {
    if (piece.kind !== 'entries') return;
    const { list, start, items } = piece;
    if (!this.listOrder.includes(list)) this.listOrder.push(list);
    const ids = this.ids[list];
    const fields = REFERENCE_FIELDS[list];
    items.forEach((value, offset) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
      const item = value as Record<string, unknown>;
      this.counts[list]++;
      if (typeof item.id === 'string' && !ids.has(item.id)) ids.set(item.id, start + offset);
      for (const field of fields) this.reference(item[field]);
      if (list === 'companies' && typeof item.id === 'string' && Array.isArray(item.roles)) {
        const declared = this.roles.get(item.id) ?? new Set<string>();
        for (const role of item.roles) declared.add(String(role));
        this.roles.set(item.id, declared);
      }
      if (list === 'claims') this.claim(item);
    });
  }

  private claim(item: Record<string, unknown>): void {
    if (typeof item.leaker === 'string' && typeof item.publishedOn === 'string') {
      const known = this.earliestClaimBy.get(item.leaker);
      if (!known || item.publishedOn < known) this.earliestClaimBy.set(item.leaker, item.publishedOn);
    }
    if (!Array.isArray(item.resolutions)) return;
    for (const resolution of item.resolutions) {
      if (typeof resolution !== 'object' || resolution === null) continue;
      this.counts.resolutions++;
      this.reference((resolution as Record<string, unknown>).sources);
    }
  }

  private reference(value: unknown): void {
    if (typeof value === 'string') this.referenced.add(value);
    else if (Array.isArray(value)) for (const v of value) if (typeof v === 'string') this.referenced.add(v);
  }

  /** Referenced ids that no list of the bundle defines: only the graph can hold them. */
  referencedElsewhere(): string[] {
    return [...this.referenced].filter((id) => !BUNDLE_LISTS.some((list) => this.ids[list].has(id)));
  }
}
