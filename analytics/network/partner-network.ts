/**
 * The manufacturer–optics partner network as known on a day, as a weighted undirected graphology
 * graph: a node per company with at least one tie, an edge per (manufacturer, partner) pair carrying
 * how many partnerships (started by the day, ended ones too), co-engineered devices and claims that
 * they will partner (counting on the day) tie them; weight = their sum. Read a page of partners at a
 * time; the network itself is at most partners × manufacturers, however many claims lie behind it.
 */
import { UndirectedGraph } from 'graphology';
import type { GraphExecutor, Row } from '../../src/graph/executor.ts';
import type { Day } from '../../src/domain/facts.ts';
import type { GraphSource } from '../cli.ts';
import { readPartnerLinksFromApi } from './partner-network-api.ts';

export type TieKind = 'partnerships' | 'devices' | 'claims';

export interface CompanyNode {
  name: string;
  /** A partner, a manufacturer, or both (Leica makes Leitz phones). */
  roles: string;
}

export interface Tie {
  partnerships: number;
  devices: number;
  claims: number;
  weight: number;
}

export type PartnerNetwork = UndirectedGraph<CompanyNode, Tie>;

export interface PartnerLinks {
  partnerId: string;
  partnerName: string;
  links: { manufacturerId: string; manufacturerName: string; kind: TieKind; n: number }[];
}

/** Builds the network from pages of links; nodes and edges in id order, so every measure comes out the same each run. */
export function partnerNetwork(pages: PartnerLinks[]): PartnerNetwork {
  const graph: PartnerNetwork = new UndirectedGraph<CompanyNode, Tie>();
  const roles = new Map<string, { name: string; partner: boolean; manufacturer: boolean }>();
  const ties = new Map<string, Tie & { partnerId: string; manufacturerId: string }>();
  for (const { partnerId, partnerName, links } of pages) {
    for (const link of links) {
      const partner = roles.get(partnerId) ?? { name: partnerName, partner: false, manufacturer: false };
      roles.set(partnerId, { ...partner, partner: true });
      const maker = roles.get(link.manufacturerId) ?? { name: link.manufacturerName, partner: false, manufacturer: false };
      roles.set(link.manufacturerId, { ...maker, manufacturer: true });
      const key = `${link.manufacturerId}--${partnerId}`;
      const tie = ties.get(key) ?? { partnerId, manufacturerId: link.manufacturerId, partnerships: 0, devices: 0, claims: 0, weight: 0 };
      tie[link.kind] += link.n;
      tie.weight += link.n;
      ties.set(key, tie);
    }
  }
  for (const [id, { name, partner, manufacturer }] of [...roles].sort(([a], [b]) => a.localeCompare(b))) {
    graph.addNode(id, { name, roles: [manufacturer ? 'manufacturer' : '', partner ? 'optics partner' : ''].filter(Boolean).join(' + ') });
  }
  for (const [key, { partnerId, manufacturerId, ...tie }] of [...ties].sort(([a], [b]) => a.localeCompare(b))) {
    graph.addUndirectedEdgeWithKey(key, manufacturerId, partnerId, tie);
  }
  return graph;
}

/** The network as known on the day, from Neo4j or through the service's API: the same network either way. */
export async function readPartnerNetwork(source: GraphSource | GraphExecutor, asOf: Day, pageSize = 200): Promise<PartnerNetwork> {
  if ('api' in source) return partnerNetwork(await readPartnerLinksFromApi(source.api, asOf));
  const graph = 'neo4j' in source ? source.neo4j : source;
  const pages: PartnerLinks[] = [];
  let after = '';
  for (;;) {
    const rows: Row[] = await graph.read('network-partner-links', { asOf, after, limit: pageSize });
    pages.push(...(rows as unknown as PartnerLinks[]));
    if (rows.length < pageSize) break;
    after = String(rows.at(-1)!.partnerId);
  }
  return partnerNetwork(pages);
}
