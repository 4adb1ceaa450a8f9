/**
 * The simple rankings the outlook has to beat, each computed from the same cut-off data and over the
 * same candidates as the outlook (so the comparison is about the order, not about who is excluded):
 *
 * - RANDOM: every candidate ties; the metrics read that as a random order (the expected value, no seed).
 * - POPULARITY: the manufacturers with the most partnerships (with any optics partner) known so far.
 * - REPEAT_PARTNER: the manufacturers that partnered with this optics partner before.
 * - COMMON_NEIGHBOURS: in the manufacturer–optics partner network, which is bipartite, a manufacturer M
 *   and the partner P share no neighbour by construction; the usual bipartite form counts the paths
 *   M – P' – M' – P: how many times an optics partner of M also worked with a manufacturer of P.
 *
 * A baseline's scores are counts; read as probabilities they are divided by their sum over the
 * candidates. A baseline with nothing to go on (every count 0) is the random order: 1/n each.
 */
import type { CompanyFact, Day, PartnershipFact } from './facts.ts';
import type { Scored } from './backtest-metrics.ts';
import { byName, scoreRank } from './outlook.ts';

export const BASELINES = ['RANDOM', 'POPULARITY', 'REPEAT_PARTNER', 'COMMON_NEIGHBOURS'] as const;
export type Baseline = (typeof BASELINES)[number];

/** One partnership as an edge of the network, from the day it was public. */
export interface NetworkEdge {
  manufacturerId: string;
  opticsPartnerId: string;
  knownSince: Day;
}

/** What the backtest reads of a partnership: who, with whom, and when it became public. */
export type PartnershipLink = Pick<PartnershipFact, 'id' | 'manufacturerId' | 'opticsPartnerId' | 'knownSince'>;

export function networkEdges(partnerships: readonly PartnershipLink[]): NetworkEdge[] {
  return partnerships.map(({ manufacturerId, opticsPartnerId, knownSince }) => ({ manufacturerId, opticsPartnerId, knownSince }));
}

/**
 * The network as known on the cut-off: every partnership public by then, ended or not (a past
 * partnership is still part of who has worked with whom). Ends do not matter here, so no end is read.
 */
export function networkAsOf(edges: readonly NetworkEdge[], cutOff: Day): NetworkEdge[] {
  return edges.filter((edge) => edge.knownSince <= cutOff);
}

/**
 * Companies' places in name order (the outlook's byName), kept across events: ranking 2,000 candidates
 * four times per event then compares integers, and the collator sorts the names once, not per event.
 */
export class NameOrder {
  private readonly companies = new Map<string, CompanyFact>();
  private place = new Map<string, number>();

  /** The candidates in name order; learns the names of companies it has not seen yet. */
  sort(candidates: readonly CompanyFact[]): CompanyFact[] {
    if (candidates.some((company) => !this.place.has(company.id))) {
      for (const company of candidates) this.companies.set(company.id, company);
      this.place = new Map([...this.companies.values()].sort(byName).map((company, index) => [company.id, index]));
    }
    return candidates.toSorted((a, b) => this.placeOf(a) - this.placeOf(b));
  }

  private placeOf(company: CompanyFact): number {
    const place = this.place.get(company.id);
    if (place === undefined) throw new Error(`NameOrder has no place for company "${company.id}": sort() learns every candidate's name first`);
    return place;
  }
}

/** Every baseline's ranking of the candidates, best first, equal scores by name as the outlook orders them. */
export function baselineRankings(
  candidates: readonly CompanyFact[],
  opticsPartnerId: string,
  network: readonly NetworkEdge[],
  names: NameOrder = new NameOrder(),
): Record<Baseline, Scored[]> {
  const partnershipsOf = countBy(network, (edge) => edge.manufacturerId);
  const withPartner = countBy(
    network.filter((edge) => edge.opticsPartnerId === opticsPartnerId),
    (edge) => edge.manufacturerId,
  );
  const commonNeighbours = commonNeighbourCounts(network, opticsPartnerId);
  // Sorted by name once; each ranking's stable sort by score keeps that order among equal scores.
  const byNames = names.sort(candidates);
  return {
    RANDOM: ranking(byNames, () => 0),
    POPULARITY: ranking(byNames, (id) => partnershipsOf.get(id) ?? 0),
    REPEAT_PARTNER: ranking(byNames, (id) => withPartner.get(id) ?? 0),
    COMMON_NEIGHBOURS: ranking(byNames, (id) => commonNeighbours(id)),
  };
}

/**
 * Paths M – P' – M' – P with P' ≠ P and M' ≠ M, per manufacturer M. Counted per optics partner P'
 * once (how many of P's manufacturers P' worked with), so one event costs one pass over the network.
 */
function commonNeighbourCounts(network: readonly NetworkEdge[], opticsPartnerId: string): (manufacturerId: string) => number {
  const manufacturersOfPartner = new Set(network.filter((edge) => edge.opticsPartnerId === opticsPartnerId).map((edge) => edge.manufacturerId));
  const sharedWithPartner = new Map<string, number>();
  const othersOf = new Map<string, Set<string>>();
  for (const edge of network) {
    if (edge.opticsPartnerId === opticsPartnerId) continue;
    let partners = othersOf.get(edge.manufacturerId);
    if (!partners) {
      partners = new Set();
      othersOf.set(edge.manufacturerId, partners);
    }
    if (partners.has(edge.opticsPartnerId)) continue;
    partners.add(edge.opticsPartnerId);
    if (manufacturersOfPartner.has(edge.manufacturerId)) {
      sharedWithPartner.set(edge.opticsPartnerId, (sharedWithPartner.get(edge.opticsPartnerId) ?? 0) + 1);
    }
  }
  return (manufacturerId) => {
    let paths = 0;
    const self = manufacturersOfPartner.has(manufacturerId) ? 1 : 0;
    for (const other of othersOf.get(manufacturerId) ?? []) paths += (sharedWithPartner.get(other) ?? 0) - self;
    return paths;
  };
}

/** `candidates` in name order: the sort is stable, so equal scores stay by name. */
function ranking(candidates: readonly CompanyFact[], scoreOf: (id: string) => number): Scored[] {
  const scored = candidates.map((company) => ({ company, score: scoreOf(company.id) }));
  scored.sort((a, b) => scoreRank(b.score) - scoreRank(a.score));
  const total = scored.reduce((sum, { score }) => sum + score, 0);
  return scored.map(({ company, score }) => ({
    id: company.id,
    score,
    probability: total > 0 ? score / total : 1 / scored.length,
  }));
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
