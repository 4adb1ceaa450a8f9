/**
 * The timeline picture of Leica from the demo data: the seed article's picture as known on 2021-11-16,
 * and how it changes by 2022-06-01, with the claims the API lists about Leica on each day.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readTimeline, UnknownPartnerError } from '../../analytics/timeline/read-timeline.ts';
import { timelineSpec } from '../../analytics/timeline/timeline-chart.ts';
import { chartSvg, pngFromSvg } from '../../analytics/charts/render.ts';
import { createHarness } from '../support/harness.ts';

const harness = createHarness();
afterAll(() => harness.close());

async function claimsAboutLeica(asOf: string): Promise<string[]> {
  const { data } = await harness.graphql('query ($asOf: Date) { company(id: "leica", asOf: $asOf) { claimsAbout(first: 200) { edges { node { slug } } } } }', { asOf });
  return data.company.claimsAbout.edges.map((edge: { node: { slug: string } }) => edge.node.slug).sort();
}

describe("Leica's timeline picture", () => {
  it('as of 2021-11-16: Huawei and Sharp open, the inferred clause ending with the P50 launch, every claim about Leica', async () => {
    const picture = await readTimeline(harness.graph, 'leica', '2021-11-16', { pageSize: 3 });
    const partnerships = picture.bars.filter((bar) => bar.layer === 'partnership');
    expect(partnerships.map(({ id, open }) => [id, open])).toEqual([
      ['huawei-leica', true],
      ['sharp-leica', true],
    ]);
    expect(picture.bars.find((bar) => bar.id === 'huawei-leica-exclusivity')).toMatchObject({ until: '2021-07-29', open: false });
    expect(picture.eventEnds).toEqual([expect.objectContaining({ row: 'Huawei', day: '2021-07-29', awaited: false })]);
    expect([...new Set(picture.claims.map((claim) => claim.id))].sort()).toEqual(await claimsAboutLeica('2021-11-16'));
    const svg = await chartSvg(timelineSpec(picture));
    expect(svg).toContain('as of 2021-11-16');
    expect(svg).toContain('ends with the Huawei P50 series launch');
    expect(pngFromSvg(svg).subarray(1, 4).toString()).toBe('PNG');
  });

  it('as of 2022-06-01: Huawei–Leica ended 2022-03-31, Xiaomi–Leica has begun', async () => {
    const picture = await readTimeline(harness.graph, 'leica', '2022-06-01');
    const byId = new Map(picture.bars.map((bar) => [bar.id, bar]));
    expect(byId.get('huawei-leica')).toMatchObject({ until: '2022-03-31', open: false });
    expect(byId.get('xiaomi-leica')).toMatchObject({ from: '2022-05-23', open: true });
    expect([...new Set(picture.claims.map((claim) => claim.id))].sort()).toEqual(await claimsAboutLeica('2022-06-01'));
  });

  it('names the partner and the day when the partner was not known', async () => {
    await expect(readTimeline(harness.graph, 'no-such-partner', '2021-11-16')).rejects.toThrow(UnknownPartnerError);
    await expect(readTimeline(harness.graph, 'no-such-partner', '2021-11-16')).rejects.toThrow('no optics partner "no-such-partner" was known on 2021-11-16');
  });
});
