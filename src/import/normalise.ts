/**
 * Turns a valid bundle into the rows the import statements store, exactly as cypher/MODEL.md
 * describes: effective known-since days (defaults applied, so reads never recompute them), every
 * imprecise date as its text plus FirstDay and LastDay, roles as labels, resolutions as nodes
 * `<claim>#<n>`, evidence as JSON text. Pure: the same bundle always gives the same rows.
 */
import type { ClaimFact } from '../domain/facts.ts';
import { parseFuzzyDate } from '../domain/fuzzy-date.ts';
import { derivedClaimProperties } from '../domain/outcome-history.ts';
import {
  BUNDLE_LISTS,
  ENTITY_KINDS,
  type Bundle,
  type BundleClaim,
  type BundleCompany,
  type BundleDevice,
  type BundleExclusivity,
  type BundleLeaker,
  type BundleOwnership,
  type BundlePartnership,
  type BundleSource,
  type EntityKind,
} from './bundle.ts';

type BundleList = (typeof BUNDLE_LISTS)[number];

/** The known-since of a company with no founding date: known as long as anything is. */
export const LONG_AGO = '1900-01-01';

type Value = string | number | boolean | string[] | number[] | null;

/** One node to upsert: its natural id and every property it should have afterwards. */
export interface NodeRow {
  id: string;
  props: Record<string, Value>;
  /** Companies only: role labels to add. */
  manufacturer?: boolean;
  opticsPartner?: boolean;
}

/** The outgoing relationships one node should have afterwards: target ids per type. */
export interface LinkRow {
  id: string;
  /** `TYPE targetId` for every wanted relationship, to compare with what is stored. */
  links: string[];
  to: Record<string, string[]>;
}

export interface StoredRows {
  nodes: Record<EntityKind, NodeRow[]>;
  links: Record<EntityKind, LinkRow[]>;
}

/** What one bundle entry is stored as: its node, its outgoing relationships, and (claims) its resolutions. */
export interface EntityRows {
  node: NodeRow;
  /** Absent for sources, which have no outgoing relationships. */
  links?: LinkRow;
  resolutions?: { node: NodeRow; links: LinkRow }[];
}

/** What normalising one entry needs from the rest of the bundle: each leaker's earliest claim in it. */
export interface NormaliseContext {
  earliestClaimBy: ReadonlyMap<string, string>;
}

export function normaliseBundle(bundle: Bundle): StoredRows {
  const nodes = Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, [] as NodeRow[]])) as Record<EntityKind, NodeRow[]>;
  const links = Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, [] as LinkRow[]])) as Record<EntityKind, LinkRow[]>;
  const context: NormaliseContext = { earliestClaimBy: earliestClaimPerLeaker(bundle.claims ?? []) };
  for (const kind of BUNDLE_LISTS) {
    for (const item of (bundle[kind] ?? []) as object[]) {
      const rows = normaliseEntry(kind, item, context);
      nodes[kind].push(rows.node);
      if (rows.links) links[kind].push(rows.links);
      for (const resolution of rows.resolutions ?? []) {
        nodes.resolutions.push(resolution.node);
        links.resolutions.push(resolution.links);
      }
    }
  }
  return { nodes, links };
}

/** The rows of one entry of a valid bundle list. */
export function normaliseEntry(list: BundleList, item: object, context: NormaliseContext): EntityRows {
  switch (list) {
    case 'sources': {
      const s = item as BundleSource;
      const published = dated('publishedOn', s.publishedOn);
      return { node: node(s.id, { url: s.url, title: s.title, publisher: s.publisher, ...published, knownSince: published.publishedOnFirstDay }) };
    }
    case 'companies': {
      const c = item as BundleCompany;
      const founded = dated('founded', c.founded);
      const dissolved = dated('dissolved', c.dissolved);
      const row = node(c.id, {
        name: c.name,
        country: c.country,
        headquarters: c.headquarters,
        ...founded,
        ...dissolved,
        dissolvedKnownSince: c.dissolvedKnownSince ?? dissolved.dissolvedFirstDay,
        markets: c.markets ?? null,
        knownSince: c.knownSince ?? founded.foundedFirstDay ?? LONG_AGO,
      });
      return {
        node: { ...row, manufacturer: c.roles.includes('MANUFACTURER'), opticsPartner: c.roles.includes('OPTICS_PARTNER') },
        links: link(c.id, { REPORTED_IN: c.sources }),
      };
    }
    case 'leakers': {
      const l = item as BundleLeaker;
      return {
        node: node(l.id, { name: l.name, platform: l.platform, handle: l.handle, url: l.url, knownSince: l.knownSince ?? context.earliestClaimBy.get(l.id) ?? LONG_AGO }),
        links: link(l.id, { REPORTED_IN: l.sources }),
      };
    }
    case 'devices': {
      const d = item as BundleDevice;
      const announced = dated('announced', d.announced);
      const released = dated('released', d.released);
      const cancelled = dated('cancelled', d.cancelled);
      return {
        node: node(d.id, {
          name: d.name,
          ...announced,
          announcedKnownSince: d.announcedKnownSince ?? announced.announcedFirstDay,
          ...released,
          releasedKnownSince: d.releasedKnownSince ?? released.releasedFirstDay,
          ...cancelled,
          cancelledKnownSince: d.cancelledKnownSince ?? cancelled.cancelledFirstDay,
          // Validation requires knownSince when there is no announcement.
          knownSince: d.knownSince ?? announced.announcedFirstDay,
        }),
        links: link(d.id, {
          MADE_BY: [d.manufacturer],
          BUILT_BY: [d.builtBy],
          CO_ENGINEERED_WITH: [d.opticsPartner],
          UNDER: [d.partnership],
          BECAME: [d.becameDevice],
          REPORTED_IN: d.sources,
        }),
      };
    }
    case 'partnerships': {
      const p = item as BundlePartnership;
      return {
        node: node(p.id, { summary: p.summary, ...period(p) }),
        links: link(p.id, { MANUFACTURER: [p.manufacturer], OPTICS_PARTNER: [p.opticsPartner], REPORTED_IN: p.sources }),
      };
    }
    case 'ownerships': {
      const o = item as BundleOwnership;
      return { node: node(o.id, period(o)), links: link(o.id, { OWNED_COMPANY: [o.company], OWNER: [o.owner], REPORTED_IN: o.sources }) };
    }
    case 'exclusivities': {
      const e = item as BundleExclusivity;
      return {
        node: node(e.id, {
          binds: e.binds,
          certainty: e.certainty,
          // An end by launch has no endKnownSince: it becomes known with the launch (the device's).
          ...period(e),
          endCondition: e.endCondition,
          // Stored only when true, so clauses written before the field existed compare equal.
          endsWithPartnership: e.endsWithPartnership === true ? true : null,
          regions: e.regions ?? null,
          exceptRegions: e.exceptRegions ?? [],
        }),
        links: link(e.id, { CLAUSE_OF: [e.partnership], ENDS_WITH_LAUNCH_OF: [e.endsWithLaunchOf], REPORTED_IN: e.sources }),
      };
    }
    case 'claims':
      return claimRows(item as BundleClaim);
  }
}

/**
 * A claim, with what the read path needs on the node itself (its leaker's and subjects' ids, and
 * its outcome history and credibility changes, see src/domain/outcome-history.ts), and its resolutions.
 */
function claimRows(c: BundleClaim): EntityRows {
  const resolutions = c.resolutions ?? [];
  const fact = claimFact(c);
  return {
    node: node(c.id, {
      statement: c.statement,
      kind: c.kind,
      publishedOn: c.publishedOn,
      knownSince: c.publishedOn,
      evidence: evidenceText(c),
      ...derivedClaimProperties(fact),
    }),
    links: link(c.id, { BY: [c.leaker], ABOUT: c.subjects, RESOLVED_AS: resolutions.map((_, i) => resolutionId(c.id, i)), REPORTED_IN: c.sources }),
    resolutions: resolutions.map((r, i) => ({
      node: node(resolutionId(c.id, i), { position: i + 1, outcome: r.outcome, decidedOn: r.decidedOn, knownSince: r.knownSince ?? r.decidedOn, note: r.note }),
      links: link(resolutionId(c.id, i), { REPORTED_IN: r.sources }),
    })),
  };
}

/** The claim as the domain rules see it: resolutions in bundle order, each known from its decision unless it says otherwise. */
export function claimFact(c: BundleClaim): ClaimFact {
  return {
    id: c.id,
    leakerId: c.leaker ?? null,
    statement: c.statement,
    kind: c.kind,
    subjectIds: c.subjects,
    publishedOn: c.publishedOn,
    resolutions: (c.resolutions ?? []).map((r) => ({ outcome: r.outcome, decidedOn: r.decidedOn, knownSince: r.knownSince ?? r.decidedOn, note: r.note ?? null })),
    sources: c.sources ?? [],
  };
}

/** Resolutions are numbered from 1, oldest first. */
export function resolutionId(claimId: string, index: number): string {
  return `${claimId}#${index + 1}`;
}

function node(id: string, props: Record<string, Value | undefined>): NodeRow {
  const clean: Record<string, Value> = { id };
  for (const [key, value] of Object.entries(props)) clean[key] = value ?? null;
  return { id, props: clean };
}

function link(id: string, targets: Record<string, (string | null | undefined)[] | undefined>): LinkRow {
  const to: Record<string, string[]> = {};
  const links: string[] = [];
  for (const [type, ids] of Object.entries(targets)) {
    const named = [...new Set((ids ?? []).filter((target): target is string => typeof target === 'string'))];
    to[type] = named;
    links.push(...named.map((target) => `${type} ${target}`));
  }
  return { id, links, to };
}

/** `x`, `xFirstDay`, `xLastDay` for an imprecise date (all null when it is absent). */
function dated<K extends string>(name: K, value: string | null | undefined): Record<K | `${K}FirstDay` | `${K}LastDay`, string | null> {
  const spanned = value ? parseFuzzyDate(value) : null;
  return { [name]: value ?? null, [`${name}FirstDay`]: spanned?.firstDay ?? null, [`${name}LastDay`]: spanned?.lastDay ?? null } as Record<
    K | `${K}FirstDay` | `${K}LastDay`,
    string | null
  >;
}

/** start/end with their effective known-since days: the start's and the end's first day by default. */
function period(fact: { start: string; end?: string | null; knownSince?: string | null; endKnownSince?: string | null }) {
  const start = dated('start', fact.start);
  const end = dated('end', fact.end);
  return { ...start, ...end, knownSince: fact.knownSince ?? start.startFirstDay, endKnownSince: fact.endKnownSince ?? end.endFirstDay };
}

export function earliestClaimPerLeaker(claims: BundleClaim[]): Map<string, string> {
  const earliest = new Map<string, string>();
  for (const claim of claims) {
    if (!claim.leaker) continue;
    const known = earliest.get(claim.leaker);
    if (!known || claim.publishedOn < known) earliest.set(claim.leaker, claim.publishedOn);
  }
  return earliest;
}

/** Evidence as JSON text with a fixed key order, so equal evidence is stored as equal text. */
function evidenceText(claim: BundleClaim): string {
  return JSON.stringify((claim.evidence ?? []).map((e) => ({ kind: e.kind, description: e.description ?? null, url: e.url ?? null })));
}
