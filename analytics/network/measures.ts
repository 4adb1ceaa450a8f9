/**
 * Measures of the partner network (graphology-metrics, graphology-communities-louvain), and how they
 * changed between two days.
 *
 * - degree: how many companies a company is tied to; weighted degree: the sum of those ties' weights.
 * - betweenness: the share of shortest paths between other companies that pass through it (normalised,
 *   by hops: a weight is a strength, not a distance).
 * - community: Louvain on the weights, nodes visited in id order (no random walk), so a run repeats.
 *   Community numbers are per day; a change is read from who shares a community, not from the numbers.
 */
import { createRequire } from 'node:module';
import type { PartnerNetwork } from './partner-network.ts';

// Both are CommonJS modules whose typings declare an ES default export; required, they are the functions the typings describe.
const require = createRequire(import.meta.url);
const betweennessCentrality: typeof import('graphology-metrics/centrality/betweenness.js').default = require('graphology-metrics/centrality/betweenness');
const louvain: typeof import('graphology-communities-louvain').default = require('graphology-communities-louvain');

export interface CompanyMeasures {
  id: string;
  name: string;
  roles: string;
  degree: number;
  weightedDegree: number;
  betweenness: number;
  community: number;
  /** The other members of its community, by id. */
  communityMembers: string[];
}

export interface NetworkMeasures {
  companies: CompanyMeasures[];
  communities: number;
  modularity: number;
}

export function networkMeasures(network: PartnerNetwork): NetworkMeasures {
  if (network.order === 0) return { companies: [], communities: 0, modularity: 0 };
  const betweenness = betweennessCentrality(network, { normalized: true, getEdgeWeight: null });
  const detailed = network.size === 0 ? null : louvain.detailed(network, { getEdgeWeight: 'weight', randomWalk: false });
  const community = (id: string) => detailed?.communities[id] ?? 0;
  const members = new Map<number, string[]>();
  network.forEachNode((id) => members.set(community(id), [...(members.get(community(id)) ?? []), id]));
  const companies = network.mapNodes((id, attributes) => ({
    id,
    name: attributes.name,
    roles: attributes.roles,
    degree: network.degree(id),
    weightedDegree: network.reduceEdges(id, (sum, _edge, tie) => sum + tie.weight, 0),
    betweenness: betweenness[id] ?? 0,
    community: community(id),
    communityMembers: members.get(community(id))!.filter((other) => other !== id),
  }));
  return { companies, communities: members.size, modularity: detailed?.modularity ?? 0 };
}

export interface CompanyChange {
  id: string;
  name: string;
  before: CompanyMeasures | null;
  after: CompanyMeasures | null;
  degreeChange: number;
  weightedDegreeChange: number;
  betweennessChange: number;
  /** Companies that joined its community between the days (present on both). */
  joined: string[];
  /** Companies that left its community between the days (present on both). */
  left: string[];
}

export interface TieChange {
  manufacturer: string;
  partner: string;
  before: number;
  after: number;
}

/** What changed from one day's network to another's: every company's measures, and the ties that appeared, went or changed weight. */
export function networkChanges(before: { network: PartnerNetwork; measures: NetworkMeasures }, after: { network: PartnerNetwork; measures: NetworkMeasures }) {
  const byIdBefore = new Map(before.measures.companies.map((c) => [c.id, c]));
  const byIdAfter = new Map(after.measures.companies.map((c) => [c.id, c]));
  const ids = [...new Set([...byIdBefore.keys(), ...byIdAfter.keys()])].sort();
  const companies: CompanyChange[] = ids.map((id) => {
    const b = byIdBefore.get(id) ?? null;
    const a = byIdAfter.get(id) ?? null;
    const onBoth = (others: string[]) => others.filter((other) => byIdBefore.has(other) && byIdAfter.has(other));
    const membersBefore = new Set(onBoth(b?.communityMembers ?? []));
    const membersAfter = new Set(onBoth(a?.communityMembers ?? []));
    return {
      id,
      name: (a ?? b)!.name,
      before: b,
      after: a,
      degreeChange: (a?.degree ?? 0) - (b?.degree ?? 0),
      weightedDegreeChange: (a?.weightedDegree ?? 0) - (b?.weightedDegree ?? 0),
      betweennessChange: (a?.betweenness ?? 0) - (b?.betweenness ?? 0),
      joined: b === null || a === null ? [] : [...membersAfter].filter((other) => !membersBefore.has(other)),
      left: b === null || a === null ? [] : [...membersBefore].filter((other) => !membersAfter.has(other)),
    };
  });
  const weights = (network: PartnerNetwork) => new Map(network.mapEdges((key, tie) => [key, tie.weight] as const));
  const tiesBefore = weights(before.network);
  const tiesAfter = weights(after.network);
  const ties: TieChange[] = [...new Set([...tiesBefore.keys(), ...tiesAfter.keys()])]
    .sort()
    .filter((key) => tiesBefore.get(key) !== tiesAfter.get(key))
    .map((key) => {
      const [manufacturer, partner] = key.split('--') as [string, string];
      return { manufacturer, partner, before: tiesBefore.get(key) ?? 0, after: tiesAfter.get(key) ?? 0 };
    });
  return { companies, ties };
}
