/**
 * Per-request batching: a nested list query costs one Cypher round trip per level, not one per item.
 * Fifty manufacturers, each with two devices co-engineered with one of two optics partners.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBundle } from '../../src/import/import-bundle.ts';
import { createHarness, uniquePrefix } from '../support/harness.ts';

// Without the response cache, whose read of the graph's version is not a level (response-cache.test.ts).
const harness = createHarness({ RESPONSE_CACHE_ENTRIES: '0' });
const prefix = uniquePrefix('batching');
const manufacturerIds = Array.from({ length: 50 }, (_, i) => `${prefix}-maker-${i}`);

beforeAll(async () => {
  await importBundle(harness.graph, {
    format: 'optics-graph-bundle/1',
    companies: [
      { id: `${prefix}-lens-a`, name: `${prefix} Lens A`, roles: ['OPTICS_PARTNER'], knownSince: '2020-01-01' },
      { id: `${prefix}-lens-b`, name: `${prefix} Lens B`, roles: ['OPTICS_PARTNER'], knownSince: '2020-01-01' },
      ...manufacturerIds.map((id, i) => ({ id, name: `${prefix} Maker ${String(i).padStart(2, '0')}`, roles: ['MANUFACTURER' as const], knownSince: '2020-01-01' })),
    ],
    devices: manufacturerIds.flatMap((id, i) => [
      { id: `${id}-phone-1`, name: `Phone ${i}.1`, manufacturer: id, opticsPartner: `${prefix}-lens-a`, announced: '2021-03-01' },
      { id: `${id}-phone-2`, name: `Phone ${i}.2`, manufacturer: id, opticsPartner: `${prefix}-lens-b`, announced: '2021-09-01' },
    ]),
  });
});

afterAll(async () => {
  await harness.graph.runScript('MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix });
  await harness.close();
});

describe('batched loading', () => {
  it('answers a three-level query over 50 manufacturers in a number of round trips bounded by its depth', async () => {
    const result = await harness.graphql(
      `query ($name: String) {
        manufacturers(nameContains: $name, first: 50) {
          totalCount
          edges { node { name devices(first: 10) { edges { node { name opticsPartner { name } } } } } }
        }
      }`,
      { name: prefix },
    );
    expect(result.errors).toBeUndefined();
    const makers = result.data.manufacturers.edges.map((e: any) => e.node);
    expect(makers).toHaveLength(50);
    expect(makers.every((m: any) => m.devices.edges.length === 2)).toBe(true);
    expect(makers[0].devices.edges.map((e: any) => e.node.opticsPartner.name).sort()).toEqual([`${prefix} Lens A`, `${prefix} Lens B`]);
    // list-companies alone: its rows fill the company loader and carry each manufacturer's page of
    // devices (cypher/parts/company-device-page.cypher), whose rows bring their optics partners along.
    expect(result.extensions?.cypherRoundTrips).toBe(1);
  });
});
