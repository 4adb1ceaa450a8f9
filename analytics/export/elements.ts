/**
 * The knowledge graph as it was known on a day A, as export elements: every node and edge with its
 * valid time (validFrom/validUntil, the period the fact held, with the imprecise text the source gave)
 * and its known-since day, whatever the output format.
 *
 * A node is in the export when it was public on A; the parts of it learned later (an end, a launch, an
 * outcome) are hidden as the service hides them, by the same rules (src/domain). An edge is in the
 * export when both its ends are; it holds while the fact that owns it (its start node) holds, and is
 * known from the later of its two ends' known-since days. Pure: rows in, elements out.
 */
import { isDateKnownOn, isKnownOn, partnershipAsOf } from '../../src/domain/as-of.ts';
import { deviceStatusAsOf, deviceStepAsOf, type DeviceSteps } from '../../src/domain/device-status.ts';
import { clauseEnd } from '../../src/domain/exclusivity.ts';
import type { Day, FuzzyDate, Outcome } from '../../src/domain/facts.ts';
import { firstDay, lastDay } from '../../src/domain/fuzzy-date.ts';
import { outcomeFromHistory } from '../../src/domain/outcome-history.ts';
import { exclusivityFact, partnershipFact } from '../../src/graph/rows.ts';

/** The kinds of node exported, by their Neo4j label; derived nodes (credibility steps, the evidence index) are not facts. */
export const NODE_KINDS = ['Company', 'Ownership', 'Partnership', 'Exclusivity', 'Device', 'Leaker', 'Claim', 'Resolution', 'Source'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** Every node attribute, in column order; each is text (lists joined with ";"), absent where it does not apply. */
export const NODE_ATTRIBUTES = [
  'kind', 'slug', 'label', 'validFrom', 'validUntil', 'validFromText', 'validUntilText', 'knownSince', 'endKnownSince',
  'roles', 'country', 'status', 'summary', 'binds', 'certainty', 'regions', 'exceptRegions', 'endBasis', 'endCondition',
  'endsWithLaunchOf', 'announced', 'released', 'cancelled', 'platform', 'handle', 'url', 'publisher', 'claimKind',
  'outcome', 'decidedOn', 'note',
] as const;
export type NodeAttribute = (typeof NODE_ATTRIBUTES)[number];

export const EDGE_ATTRIBUTES = ['type', 'validFrom', 'validUntil', 'knownSince'] as const;
export type EdgeAttribute = (typeof EDGE_ATTRIBUTES)[number];

export interface ExportNode {
  /** `<Kind>:<natural id>`: natural ids are unique per label only. */
  key: string;
  attributes: Partial<Record<NodeAttribute, string>> & { kind: NodeKind; slug: string; label: string; validFrom: string; knownSince: Day };
}

export interface ExportEdge {
  key: string;
  source: string;
  target: string;
  attributes: Record<EdgeAttribute, string>;
}

/** A node as stored (every property) plus the few linked ids a kind needs, as the export statements return it. */
export type StoredNode = Record<string, unknown>;

/** An out-relationship of a stored node, to a node public on A. */
export interface StoredEdge {
  type: string;
  targetKind: NodeKind;
  targetId: string;
  targetKnownSince: Day;
}

export function nodeKey(kind: NodeKind, id: string): string {
  return `${kind}:${id}`;
}

const text = (value: unknown): string | null => (value === null || value === undefined || value === '' ? null : String(value));
const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** The period a fuzzy start and end span, as known on A (an end not yet public reads as open). */
function period(start: FuzzyDate | null, end: FuzzyDate | null) {
  return {
    validFrom: start === null ? '' : firstDay(start),
    validFromText: start ?? '',
    ...(end === null ? {} : { validUntil: lastDay(end), validUntilText: end }),
  };
}

/** The node as known on A, or null when it was not public on A. */
export function nodeAsOf(kind: NodeKind, stored: StoredNode, asOf: Day): ExportNode | null {
  const knownSince = String(stored.knownSince);
  if (!isKnownOn(knownSince, asOf)) return null;
  const slug = String(stored.id);
  const base = { kind, slug, knownSince };
  // An empty value is an attribute that does not apply: left out, as every format leaves it out.
  const attributes = Object.fromEntries(Object.entries({ ...ATTRIBUTES_OF[kind](stored, asOf), ...base }).filter(([, value]) => value !== ''));
  return { key: nodeKey(kind, slug), attributes: attributes as ExportNode['attributes'] };
}

type KindAttributes = Partial<Record<NodeAttribute, string>> & { label: string; validFrom: string };

const ATTRIBUTES_OF: Record<NodeKind, (stored: StoredNode, asOf: Day) => KindAttributes> = {
  Company(stored, asOf) {
    const dissolved = text(stored.dissolved);
    const founded = text(stored.founded);
    return {
      label: String(stored.name),
      ...period(founded, isDateKnownOn(dissolved, text(stored.dissolvedKnownSince), asOf) ? dissolved : null),
      ...(founded === null ? { validFrom: String(stored.knownSince) } : {}),
      roles: list(stored.roles).filter((role) => role !== 'Company').join(';'),
      ...(text(stored.country) === null ? {} : { country: String(stored.country) }),
    };
  },
  Ownership(stored, asOf) {
    const end = text(stored.end);
    const endKnown = isDateKnownOn(end, text(stored.endKnownSince), asOf);
    return {
      label: String(stored.id),
      ...period(String(stored.start), endKnown ? end : null),
      ...(endKnown && end !== null ? { endKnownSince: text(stored.endKnownSince) ?? firstDay(end) } : {}),
    };
  },
  Partnership(stored, asOf) {
    const known = partnershipAsOf(partnershipFact(stored), asOf)!;
    const validFrom = firstDay(known.start);
    const status = validFrom > asOf ? 'PLANNED' : known.end !== null && lastDay(known.end) < asOf ? 'ENDED' : 'ACTIVE';
    return {
      label: String(stored.id),
      ...period(known.start, known.end),
      ...(known.end === null ? {} : { endKnownSince: known.endKnownSince ?? firstDay(known.end) }),
      status,
      ...(text(stored.summary) === null ? {} : { summary: String(stored.summary) }),
    };
  },
  Exclusivity(stored, asOf) {
    const fact = exclusivityFact(stored);
    const end = clauseEnd(fact, asOf);
    const regions = fact.regions === null ? 'worldwide' : fact.regions.join(';');
    return {
      label: String(stored.id),
      validFrom: firstDay(fact.start),
      validFromText: fact.start,
      // An end that comes with a launch is a day once the launch is public; before, it is open.
      ...(end.lastDay === null ? {} : { validUntil: end.lastDay, validUntilText: endText(fact, end) }),
      ...(end.basis === 'DATE' ? { endKnownSince: fact.endKnownSince ?? firstDay(fact.end!) } : {}),
      ...(end.basis === 'LAUNCH' ? { endKnownSince: end.launch!.announcedKnownSince ?? firstDay(end.launch!.announced!) } : {}),
      ...(end.basis === 'PARTNERSHIP_END' ? { endKnownSince: fact.endsWithPartnership!.endKnownSince ?? firstDay(fact.endsWithPartnership!.end!) } : {}),
      binds: fact.binds,
      certainty: fact.certainty,
      regions,
      exceptRegions: fact.exceptRegions.join(';'),
      endBasis: end.basis,
      ...(end.endCondition === null ? {} : { endCondition: end.endCondition }),
      ...(fact.endsWithLaunchOf === null ? {} : { endsWithLaunchOf: fact.endsWithLaunchOf.deviceId }),
    };
  },
  Device(stored, asOf) {
    const steps = stored as DeviceSteps;
    const announced = deviceStepAsOf(steps, 'announced', asOf);
    const released = deviceStepAsOf(steps, 'released', asOf);
    const cancelled = deviceStepAsOf(steps, 'cancelled', asOf);
    return {
      label: String(stored.name),
      // A device exists from its announcement; a rumoured one from its first rumour.
      ...period(announced, cancelled),
      ...(announced === null ? { validFrom: String(stored.knownSince), validFromText: '' } : {}),
      ...(cancelled === null ? {} : { endKnownSince: text(stored.cancelledKnownSince) ?? firstDay(cancelled) }),
      status: deviceStatusAsOf(steps, asOf),
      ...(announced === null ? {} : { announced }),
      ...(released === null ? {} : { released }),
      ...(cancelled === null ? {} : { cancelled }),
    };
  },
  Leaker(stored) {
    return {
      label: String(stored.name),
      validFrom: String(stored.knownSince),
      ...(text(stored.platform) === null ? {} : { platform: String(stored.platform) }),
      ...(text(stored.handle) === null ? {} : { handle: String(stored.handle) }),
      ...(text(stored.url) === null ? {} : { url: String(stored.url) }),
    };
  },
  Claim(stored, asOf) {
    const days = list(stored.outcomeDays);
    const values = list(stored.outcomeValues) as Outcome[];
    const outcome = outcomeFromHistory(days.map((from, i) => ({ from, outcome: values[i]! })), asOf);
    const publishedOn = String(stored.publishedOn);
    return {
      label: String(stored.statement),
      validFrom: publishedOn,
      validUntil: publishedOn,
      claimKind: String(stored.kind),
      outcome,
    };
  },
  Resolution(stored) {
    const decidedOn = String(stored.decidedOn);
    return {
      label: `${String(stored.outcome)} ${decidedOn}`,
      validFrom: decidedOn,
      validUntil: decidedOn,
      outcome: String(stored.outcome),
      decidedOn,
      ...(text(stored.note) === null ? {} : { note: String(stored.note) }),
    };
  },
  Source(stored) {
    return {
      label: String(stored.title),
      ...period(String(stored.publishedOn), String(stored.publishedOn)),
      url: String(stored.url),
      ...(text(stored.publisher) === null ? {} : { publisher: String(stored.publisher) }),
    };
  },
};

/**
 * The node's out-edges as known on A: each to a node public on A (the statements return only those),
 * holding while the node's fact holds, known from the later of the two ends' known-since days.
 */
export function edgesAsOf(node: ExportNode, edges: StoredEdge[], asOf: Day): ExportEdge[] {
  return edges
    .filter((edge) => isKnownOn(edge.targetKnownSince, asOf))
    .map((edge) => {
      const target = nodeKey(edge.targetKind, edge.targetId);
      return {
        key: `${node.key}-${edge.type}->${target}`,
        source: node.key,
        target,
        attributes: {
          type: edge.type,
          validFrom: node.attributes.validFrom,
          validUntil: node.attributes.validUntil ?? '',
          knownSince: edge.targetKnownSince > node.attributes.knownSince ? edge.targetKnownSince : node.attributes.knownSince,
        },
      };
    });
}

/** How the source gave a clause's known end: its date, the launch, or its partnership's end. */
function endText(fact: ReturnType<typeof exclusivityFact>, end: ReturnType<typeof clauseEnd>): string {
  if (end.basis === 'LAUNCH') return `launch of ${end.launch!.deviceName}`;
  if (end.basis === 'PARTNERSHIP_END') return `end of partnership ${fact.partnershipId} (${fact.endsWithPartnership!.end})`;
  return fact.end!;
}
