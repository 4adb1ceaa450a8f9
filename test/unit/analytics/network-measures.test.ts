import { describe, expect, it } from 'vitest';
import { networkChanges, networkMeasures } from '../../../analytics/network/measures.ts';
import { partnerNetwork, type PartnerLinks, type TieKind } from '../../../analytics/network/partner-network.ts';

/** Pages of links from [partner, manufacturer, kind, n] rows. */
function pages(...rows: [string, string, TieKind, number][]): PartnerLinks[] {
  const byPartner = new Map<string, PartnerLinks>();
  for (const [partner, manufacturer, kind, n] of rows) {
    const page = byPartner.get(partner) ?? { partnerId: partner, partnerName: partner.toUpperCase(), links: [] };
    page.links.push({ manufacturerId: manufacturer, manufacturerName: manufacturer.toUpperCase(), kind, n });
    byPartner.set(partner, page);
  }
  return [...byPartner.values()];
}

describe('the partner network', () => {
  it('adds partnerships, devices and claims of a pair into one weighted tie; a company in both roles is one node', () => {
    const network = partnerNetwork(
      pages(['leica', 'xiaomi', 'partnerships', 1], ['leica', 'xiaomi', 'devices', 8], ['leica', 'xiaomi', 'claims', 2], ['zeiss', 'leica', 'devices', 1]),
    );
    expect(network.getEdgeAttributes('xiaomi--leica')).toEqual({ partnerships: 1, devices: 8, claims: 2, weight: 11 });
    expect(network.getNodeAttributes('leica').roles).toBe('manufacturer + optics partner');
    expect(network.order).toBe(3);
  });

  it('degree and betweenness on a chain A – P1 – B – P2, worked by hand', () => {
    // Normalised by the (n - 1)(n - 2) / 2 = 3 pairs of other nodes: P1 lies on A–B and A–P2, B on A–P2 and P1–P2.
    const measures = networkMeasures(partnerNetwork(pages(['p1', 'a', 'partnerships', 1], ['p1', 'b', 'partnerships', 1], ['p2', 'b', 'claims', 3])));
    const byId = Object.fromEntries(measures.companies.map((c) => [c.id, c]));
    expect(byId.p1).toMatchObject({ degree: 2, weightedDegree: 2, betweenness: 2 / 3 });
    expect(byId.b).toMatchObject({ degree: 2, weightedDegree: 4, betweenness: 2 / 3 });
    expect(byId.a!.betweenness).toBe(0);
    expect(byId.p2!.betweenness).toBe(0);
  });

  it('finds two communities joined by a weak tie, the same way every run', () => {
    const links = pages(
      ['p1', 'm1', 'devices', 5],
      ['p1', 'm2', 'devices', 5],
      ['p2', 'm3', 'devices', 5],
      ['p2', 'm4', 'devices', 5],
      ['p2', 'm2', 'claims', 1],
      ['p1', 'm3', 'claims', 1],
    );
    const measures = networkMeasures(partnerNetwork(links));
    const communityOf = Object.fromEntries(measures.companies.map((c) => [c.id, c.community]));
    expect(measures.communities).toBe(2);
    expect(new Set([communityOf.p1, communityOf.m1, communityOf.m2]).size).toBe(1);
    expect(new Set([communityOf.p2, communityOf.m3, communityOf.m4]).size).toBe(1);
    expect(communityOf.p1).not.toBe(communityOf.p2);
    expect(networkMeasures(partnerNetwork(links))).toEqual(measures);
  });

  it('reports what changed between two days: ties that came and went, a new company, who joined and left a community', () => {
    const before = partnerNetwork(pages(['p1', 'm1', 'partnerships', 1], ['p2', 'm2', 'partnerships', 1]));
    const after = partnerNetwork(pages(['p1', 'm1', 'partnerships', 1], ['p1', 'm2', 'partnerships', 1], ['p1', 'm2', 'devices', 4], ['p2', 'm3', 'partnerships', 1]));
    const changes = networkChanges({ network: before, measures: networkMeasures(before) }, { network: after, measures: networkMeasures(after) });
    expect(changes.ties).toEqual([
      { manufacturer: 'm2', partner: 'p1', before: 0, after: 5 },
      { manufacturer: 'm2', partner: 'p2', before: 1, after: 0 },
      { manufacturer: 'm3', partner: 'p2', before: 0, after: 1 },
    ]);
    const m2 = changes.companies.find((c) => c.id === 'm2')!;
    expect(m2).toMatchObject({ degreeChange: 0, weightedDegreeChange: 4, joined: ['m1', 'p1'], left: ['p2'] });
    expect(changes.companies.find((c) => c.id === 'm3')).toMatchObject({ before: null, degreeChange: 1 });
  });
});
