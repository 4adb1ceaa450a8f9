/**
 * Turns a valid bundle into the rows the import statements store, exactly as cypher/MODEL.md
 * describes: effective known-since days (defaults applied, so reads never recompute them), every
 * imprecise date as its text plus FirstDay and LastDay, roles as labels, resolutions as nodes
 * `<claim>#<n>`, evidence as JSON text. Pure: the same bundle always gives the same rows.
 */
import { parseFuzzyDate } from '../domain/fuzzy-date.ts';
import type { Bundle, BundleClaim, EntityKind } from './bundle.ts';

/** The known-since of a company with no founding date: known as long as anything is. */
export const LONG_AGO = '1900-01-01';

type Value = string | number | boolean | string[] | null;

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

export function normaliseBundle(bundle: Bundle): StoredRows {
  const nodes = {} as Record<EntityKind, NodeRow[]>;
  const links = {} as Record<EntityKind, LinkRow[]>;

  nodes.sources = (bundle.sources ?? []).map((s) => {
    const published = dated('publishedOn', s.publishedOn);
    return node(s.id, { url: s.url, title: s.title, publisher: s.publisher, ...published, knownSince: published.publishedOnFirstDay });
  });
  links.sources = [];

  nodes.companies = (bundle.companies ?? []).map((c) => {
    const founded = dated('founded', c.founded);
    return {
      ...node(c.id, {
        name: c.name,
        country: c.country,
        headquarters: c.headquarters,
        ...founded,
        ...dated('dissolved', c.dissolved),
        markets: c.markets ?? null,
        knownSince: c.knownSince ?? founded.foundedFirstDay ?? LONG_AGO,
      }),
      manufacturer: c.roles.includes('MANUFACTURER'),
      opticsPartner: c.roles.includes('OPTICS_PARTNER'),
    };
  });
  links.companies = (bundle.companies ?? []).map((c) => link(c.id, { REPORTED_IN: c.sources }));

  const firstClaimBy = earliestClaimPerLeaker(bundle.claims ?? []);
  nodes.leakers = (bundle.leakers ?? []).map((l) =>
    node(l.id, { name: l.name, platform: l.platform, handle: l.handle, url: l.url, knownSince: l.knownSince ?? firstClaimBy.get(l.id) ?? LONG_AGO }),
  );
  links.leakers = (bundle.leakers ?? []).map((l) => link(l.id, { REPORTED_IN: l.sources }));

  nodes.devices = (bundle.devices ?? []).map((d) => {
    const announced = dated('announced', d.announced);
    const released = dated('released', d.released);
    const cancelled = dated('cancelled', d.cancelled);
    return node(d.id, {
      name: d.name,
      ...announced,
      announcedKnownSince: d.announcedKnownSince ?? announced.announcedFirstDay,
      ...released,
      releasedKnownSince: d.releasedKnownSince ?? released.releasedFirstDay,
      ...cancelled,
      cancelledKnownSince: d.cancelledKnownSince ?? cancelled.cancelledFirstDay,
      // Validation requires knownSince when there is no announcement.
      knownSince: d.knownSince ?? announced.announcedFirstDay,
    });
  });
  links.devices = (bundle.devices ?? []).map((d) =>
    link(d.id, {
      MADE_BY: [d.manufacturer],
      BUILT_BY: [d.builtBy],
      CO_ENGINEERED_WITH: [d.opticsPartner],
      UNDER: [d.partnership],
      BECAME: [d.becameDevice],
      REPORTED_IN: d.sources,
    }),
  );

  nodes.partnerships = (bundle.partnerships ?? []).map((p) => node(p.id, { summary: p.summary, ...period(p) }));
  links.partnerships = (bundle.partnerships ?? []).map((p) =>
    link(p.id, { MANUFACTURER: [p.manufacturer], OPTICS_PARTNER: [p.opticsPartner], REPORTED_IN: p.sources }),
  );

  nodes.ownerships = (bundle.ownerships ?? []).map((o) => node(o.id, period(o)));
  links.ownerships = (bundle.ownerships ?? []).map((o) => link(o.id, { OWNED_COMPANY: [o.company], OWNER: [o.owner], REPORTED_IN: o.sources }));

  nodes.exclusivities = (bundle.exclusivities ?? []).map((e) =>
    node(e.id, {
      binds: e.binds,
      certainty: e.certainty,
      // An end by launch has no endKnownSince: it becomes known with the launch (the device's).
      ...period(e),
      endCondition: e.endCondition,
      regions: e.regions ?? null,
      exceptRegions: e.exceptRegions ?? [],
    }),
  );
  links.exclusivities = (bundle.exclusivities ?? []).map((e) =>
    link(e.id, { CLAUSE_OF: [e.partnership], ENDS_WITH_LAUNCH_OF: [e.endsWithLaunchOf], REPORTED_IN: e.sources }),
  );

  const claims = bundle.claims ?? [];
  nodes.claims = claims.map((c) =>
    node(c.id, { statement: c.statement, kind: c.kind, publishedOn: c.publishedOn, knownSince: c.publishedOn, evidence: evidenceText(c) }),
  );
  links.claims = claims.map((c) =>
    link(c.id, { BY: [c.leaker], ABOUT: c.subjects, RESOLVED_AS: (c.resolutions ?? []).map((_, i) => resolutionId(c.id, i)), REPORTED_IN: c.sources }),
  );
  nodes.resolutions = claims.flatMap((c) =>
    (c.resolutions ?? []).map((r, i) =>
      node(resolutionId(c.id, i), { position: i + 1, outcome: r.outcome, decidedOn: r.decidedOn, knownSince: r.knownSince ?? r.decidedOn, note: r.note }),
    ),
  );
  links.resolutions = claims.flatMap((c) => (c.resolutions ?? []).map((r, i) => link(resolutionId(c.id, i), { REPORTED_IN: r.sources })));

  return { nodes, links };
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
    to[type] = [...new Set((ids ?? []).filter((target): target is string => typeof target === 'string'))];
    links.push(...to[type]!.map((target) => `${type} ${target}`));
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

function earliestClaimPerLeaker(claims: BundleClaim[]): Map<string, string> {
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
