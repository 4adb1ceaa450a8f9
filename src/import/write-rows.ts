/**
 * The rows the create statements (cypher/statements/import-new-*.cypher) take, and what the writer
 * needs to know about a relationship's target: the bundle list or graph label it names, and whether
 * it is written yet. Targets are matched by label, so a claim's subjects go apart as companies and
 * devices.
 */
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

const LABEL: Record<string, string> = { sources: 'Source', companies: 'Company', devices: 'Device', partnerships: 'Partnership', leakers: 'Leaker' };

type TargetList = 'sources' | 'companies' | 'devices' | 'partnerships' | 'leakers';

export interface CreateRow {
  props: NodeRow['props'];
  manufacturer?: boolean;
  opticsPartner?: boolean;
  to: Record<string, string[]>;
  resolutions?: { props: NodeRow['props']; to: { REPORTED_IN: string[] } }[];
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

  /** The create row of a new entity; `withLinks` false leaves its relationships for later (targets not written yet). */
  createRow(rows: EntityRows, withLinks: boolean): CreateRow {
    const row: CreateRow = { props: rows.node.props, to: {} };
    if (rows.node.manufacturer !== undefined) {
      row.manufacturer = rows.node.manufacturer;
      row.opticsPartner = rows.node.opticsPartner;
    }
    for (const [type, ids] of Object.entries(rows.links?.to ?? {})) {
      if (type === 'RESOLVED_AS') continue;
      if (type !== 'ABOUT') {
        row.to[type] = withLinks ? ids : [];
        continue;
      }
      const about: { ABOUT_COMPANY: string[]; ABOUT_DEVICE: string[] } = { ABOUT_COMPANY: [], ABOUT_DEVICE: [] };
      if (withLinks) for (const id of ids) about[this.labelOf('ABOUT', id) === 'Device' ? 'ABOUT_DEVICE' : 'ABOUT_COMPANY'].push(id);
      Object.assign(row.to, about);
    }
    if (rows.resolutions) {
      row.resolutions = rows.resolutions.map((r) => ({ props: r.node.props, to: { REPORTED_IN: withLinks ? (r.links.to.REPORTED_IN ?? []) : [] } }));
    }
    return row;
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
  for (const ids of Object.values(row.to)) count += ids.length;
  for (const resolution of row.resolutions ?? []) count += 1 + resolution.to.REPORTED_IN.length;
  return count;
}
