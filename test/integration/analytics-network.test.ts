/**
 * The partner network of the demo data, checked against the API: its partnership and device ties are
 * the partnerships started by the day and the co-engineered devices each optics partner lists, and its
 * claim ties are the outlook's evidence (README, "a worked outlook": Xiaomi two claims, Honor one, and
 * OnePlus none for Leica, whose only claim says it will not partner).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { networkChanges, networkMeasures } from '../../analytics/network/measures.ts';
import { readPartnerNetwork } from '../../analytics/network/partner-network.ts';
import { createHarness } from '../support/harness.ts';

const harness = createHarness();
afterAll(() => harness.close());
const asOf = '2021-11-16';

describe('the manufacturer–optics partner network of the demo data', () => {
  it('ties each optics partner to the partnerships started by the day and the devices co-engineered with it, as the API lists them', async () => {
    const network = await readPartnerNetwork(harness.graph, asOf, 2);
    const { data } = await harness.graphql('query ($asOf: Date) { opticsPartners(asOf: $asOf, first: 100) { edges { node { slug } } } }', { asOf });
    for (const {
      node: { slug },
    } of data.opticsPartners.edges as { node: { slug: string } }[]) {
      const answer = await harness.graphql(
        `query ($p: ID!, $asOf: Date) {
          partnerships(opticsPartner: $p, asOf: $asOf, first: 100) { edges { node { slug start { firstDay } manufacturer { slug } } } }
          devices(opticsPartner: $p, asOf: $asOf, first: 200) { edges { node { manufacturer { slug } } } }
        }`,
        { p: slug, asOf },
      );
      const started = answer.data.partnerships.edges.filter((e: any) => e.node.start.firstDay <= asOf);
      const ties = network.hasNode(slug) ? network.mapEdges(slug, (_key, tie) => tie) : [];
      expect(
        ties.reduce((sum, tie) => sum + tie.partnerships, 0),
        slug,
      ).toBe(started.length);
      const ownDevices = answer.data.devices.edges.filter((e: any) => e.node.manufacturer.slug !== slug);
      expect(
        ties.reduce((sum, tie) => sum + tie.devices, 0),
        slug,
      ).toBe(ownDevices.length);
    }
  });

  it("counts the outlook's evidence for Leica: Xiaomi two claims, Honor one, OnePlus none (its claim says they will not)", async () => {
    const network = await readPartnerNetwork(harness.graph, asOf);
    expect(network.getEdgeAttributes('xiaomi--leica').claims).toBe(2);
    expect(network.getEdgeAttributes('honor--leica').claims).toBe(1);
    expect(network.hasEdge('oneplus--leica')).toBe(false);
  });

  it('puts Leica at the centre of its star, and sees Xiaomi–Leica grow by 2024', async () => {
    const before = await readPartnerNetwork(harness.graph, asOf);
    const after = await readPartnerNetwork(harness.graph, '2024-01-01');
    const measuresBefore = networkMeasures(before);
    const leica = measuresBefore.companies.find((c) => c.id === 'leica')!;
    expect(leica.degree).toBe(before.degree('leica'));
    expect(leica.betweenness).toBe(Math.max(...measuresBefore.companies.map((c) => c.betweenness)));
    expect(leica.communityMembers).toEqual(expect.arrayContaining(['huawei', 'sharp', 'xiaomi']));
    const changes = networkChanges({ network: before, measures: measuresBefore }, { network: after, measures: networkMeasures(after) });
    const xiaomiLeica = changes.ties.find((tie) => tie.manufacturer === 'xiaomi' && tie.partner === 'leica')!;
    expect(xiaomiLeica.after).toBeGreaterThan(xiaomiLeica.before);
    expect(after.getEdgeAttributes('xiaomi--leica').partnerships).toBe(1);
  });
});
