/**
 * The rows the create statements (cypher/statements/import-new-*.cypher) take, and what the writer
 * needs to know about a relationship's target: the bundle list or graph label it names, and whether
 * it is written yet. Targets are matched by label, so a claim's subjects go apart as companies and
 * devices.
 */
import { evidenceEntries, type EvidenceEntry, type EvidenceSource } from '../domain/evidence-entries.ts';
import type { ListName } from './bundle-pieces.ts';
import type { ExistingIds } from './existing-ids.ts';
import type { EntityRows, LinkRow, NodeRow } from './normalise.ts';
import type { BundleSurvey } from './survey.ts';

/** The list a relationship type points into; ABOUT points at a company or a device. */
const TARGET_LIST: Record<string, Exclude<ListName, 'claims' | 'ownerships' | 'exclusivities'> | 'subjects' | 'own'> = {
  REPORTED_IN: 'sources',
  MADE_BY: 'companies',
  BUILT_BY: 'companies',
  CO_ENGINEERED_WITH: 'companies',
  MANUFACTURER: 'companies',
  OPTICS_PARTNER: 'companies',
  OWNED_COMPANY: 'companies',
  OWNER: 'companies',
  UNDER: 'partnerships',
  CLAUSE_OF: 'partnerships',
  BECAME: 'devices',
  ENDS_WITH_LAUNCH_OF: 'devices',
  BY: 'leakers',
  ABOUT: 'subjects',
  // A claim's own resolutions are written with it.
  RESOLVED_AS: 'own',
};

/** The graph label of each bundle list's nodes. */
export const LABEL_OF_LIST: Record<ListName, string> = {
  sources: 'Source',
  companies: 'Company',
  leakers: 'Leaker',
  devices: 'Device',
  partnerships: 'Partnership',
  ownerships: 'Ownership',
  exclusivities: 'Exclusivity',
  claims: 'Claim',
};
/** The same, looked up by any target list name (`subjects` and `own` have no single label). */
const LABEL: Record<string, string> = LABEL_OF_LIST;

/** Graph label of every target of a relationship type; ABOUT has two (a company or a device) and is refused. */
export function targetLabelOf(type: string): string {
  const list = TARGET_LIST[type];
  if (list === undefined || list === 'subjects') throw new Error(`relationships of type ${type} have no single target label`);
  return LABEL[list] ?? 'Resolution';
}

type TargetList = 'sources' | 'companies' | 'devices' | 'partnerships' | 'leakers';

export interface CreateRow {
  props: NodeRow['props'];
  manufacturer?: boolean;
  opticsPartner?: boolean;
  /** Targets under their real labels: stored, or written by this transaction. */
  to: Record<string, string[]>;
  /** Targets this import staged (a staged write only: src/import/staging.ts). */
  staged?: Record<string, string[]>;
  /** Claims: its evidence entries (src/domain/evidence-entries.ts), from the companies it is about. */
  evidence?: EvidenceEntry[];
  resolutions?: { props: NodeRow['props']; to: { REPORTED_IN: string[] }; staged?: { REPORTED_IN: string[] } }[];
}

/** Where a target is: in the graph already, or in the bundle (which list), or nowhere known. */
export class Targets {
  private readonly survey: BundleSurvey;
  private readonly existing: ExistingIds;

  constructor(survey: BundleSurvey, existing: ExistingIds) {
    this.survey = survey;
    this.existing = existing;
  }

  /** The list (and index) of the bundle entry that defines `id` for a relationship of `type`, or null when the graph holds it (or nobody does). */
  targetOf(type: string, id: string): { list: TargetList; index: number } | null {
    const list = TARGET_LIST[type];
    if (list === undefined || list === 'own') return null;
    if (list === 'subjects') {
      if (this.existing.companies.has(id) || this.existing.devices.has(id)) return null;
      return this.inBundle('companies', id) ?? this.inBundle('devices', id);
    }
    return this.existing[list].has(id) ? null : this.inBundle(list, id);
  }

  /** Where the bundle defines `id` in `list` (its first definition), or null when it does not. */
  private inBundle(list: TargetList, id: string): { list: TargetList; index: number } | null {
    const index = this.survey.ids[list].get(id);
    return index === undefined ? null : { list, index };
  }

  /** Graph label of the node a relationship of `type` to `id` ends at. */
  labelOf(type: string, id: string): string {
    const list = TARGET_LIST[type];
    if (list === 'subjects') return this.survey.ids.devices.has(id) || this.existing.devices.has(id) ? 'Device' : 'Company';
    return LABEL[list ?? ''] ?? 'Resolution';
  }

  /**
   * The create row of a new entity; `withLinks` false leaves its relationships for later (targets not
   * written yet). `staged`: targets the bundle defines are staged nodes (a staged write), so they go
   * apart from the stored ones.
   */
  createRow(rows: EntityRows, withLinks: boolean, staged = false): CreateRow {
    const stagedTo: Record<string, string[]> = {};
    const row: CreateRow = { props: rows.node.props, to: {}, ...(staged ? { staged: stagedTo } : {}) };
    if (rows.node.manufacturer !== undefined) {
      row.manufacturer = rows.node.manufacturer;
      row.opticsPartner = rows.node.opticsPartner;
    }
    const add = (type: string, id: string) => {
      const into = staged && this.isNew(type, id) ? stagedTo : row.to;
      const ids = into[type] ?? [];
      ids.push(id);
      into[type] = ids;
    };
    for (const [type, ids] of Object.entries(rows.links?.to ?? {})) {
      if (type === 'RESOLVED_AS') continue;
      if (type !== 'ABOUT') {
        row.to[type] = [];
        if (withLinks) for (const id of ids) add(type, id);
        continue;
      }
      row.to.ABOUT_COMPANY = [];
      row.to.ABOUT_DEVICE = [];
      const companies: string[] = [];
      if (withLinks) {
        for (const id of ids) {
          const device = this.labelOf('ABOUT', id) === 'Device';
          add(device ? 'ABOUT_DEVICE' : 'ABOUT_COMPANY', id);
          if (!device) companies.push(id);
        }
      }
      // Without its links yet, the claim gets its entries when they are made (the writer refreshes them).
      row.evidence = evidenceEntries(rows.node.props as unknown as EvidenceSource, companies);
    }
    if (rows.resolutions) {
      row.resolutions = rows.resolutions.map((r) => {
        const to: string[] = [];
        const stagedSources: string[] = [];
        for (const id of withLinks ? (r.links.to.REPORTED_IN ?? []) : []) (staged && this.isNew('REPORTED_IN', id) ? stagedSources : to).push(id);
        return { props: r.node.props, to: { REPORTED_IN: to }, ...(staged ? { staged: { REPORTED_IN: stagedSources } } : {}) };
      });
    }
    return row;
  }

  /** Whether the target of a relationship is one this bundle creates (not stored before it). */
  private isNew(type: string, id: string): boolean {
    const list = TARGET_LIST[type.startsWith('ABOUT') ? 'ABOUT' : type];
    if (list === 'subjects') return !this.existing.companies.has(id) && !this.existing.devices.has(id);
    return list !== undefined && list !== 'own' && !this.existing[list].has(id);
  }

  /** Every relationship target of some link rows, labelled, to find the missing ones after a failed create. */
  targetsOf(links: LinkRow[]): { id: string; targets: { type: string; label: string; id: string }[] }[] {
    return links.map((link) => ({
      id: link.id,
      targets: Object.entries(link.to).flatMap(([type, ids]) => (type === 'RESOLVED_AS' ? [] : ids.map((id) => ({ type, label: this.labelOf(type, id), id })))),
    }));
  }
}

/** Relationships a create row makes: its own, its resolutions (RESOLVED_AS) and theirs. */
export function relationshipsOf(row: CreateRow): number {
  let count = 0;
  for (const ids of [...Object.values(row.to), ...Object.values(row.staged ?? {})]) count += ids.length;
  for (const resolution of row.resolutions ?? []) count += 1 + resolution.to.REPORTED_IN.length + (resolution.staged?.REPORTED_IN.length ?? 0);
  return count;
}
