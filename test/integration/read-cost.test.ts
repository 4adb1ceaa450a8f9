/**
 * What a read costs must follow what the query asks for, not the size of the graph: the four nested
 * reads of the benchmark take a fixed number of Cypher round trips, and a company or leaker with
 * 10,000 claims costs no more round trips and no more rows than one with a dozen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBundle } from '../../src/import/import-bundle.ts';
import { createHarness, uniquePrefix } from '../support/harness.ts';

// What executing a read costs: without the response cache, which adds one read of the graph's version
// to every query and answers a repeated one with that read alone (response-cache.test.ts).
const harness = createHarness({ RESPONSE_CACHE_ENTRIES: '0' });
const p = uniquePrefix('cost');
const makers = Array.from({ length: 30 }, (_, i) => `${p}-maker-${i}`);
const day = (n: number) => new Date(Date.UTC(2016, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  const claims = (leaker: string, maker: string, count: number, kind: 'WILL_PARTNER' | 'WILL_NOT_PARTNER') =>
    Array.from({ length: count }, (_, i) => ({
      id: `${leaker}-claim-${i}`,
      leaker,
      statement: `Claim ${i} of ${leaker}`,
      kind,
      subjects: [`${p}-lens`, maker, `${maker}-phone-0`],
      publishedOn: day(i % 2000),
      resolutions: i % 2 === 0 ? [{ outcome: 'CONFIRMED' as const, decidedOn: day((i % 2000) + 30) }] : [],
    }));
  await importBundle(harness.graph, {
    format: 'optics-graph-bundle/1',
    companies: [
      { id: `${p}-lens`, name: `${p} Lens`, roles: ['OPTICS_PARTNER'], knownSince: '2015-01-01' },
      ...makers.map((id, i) => ({ id, name: `${p} Maker ${String(i).padStart(2, '0')}`, roles: ['MANUFACTURER' as const], knownSince: '2015-01-01' })),
    ],
    devices: makers.flatMap((id) =>
      [0, 1].map((n) => ({ id: `${id}-phone-${n}`, name: `${id} Phone ${n}`, manufacturer: id, opticsPartner: `${p}-lens`, announced: day(100 + n) })),
    ),
    leakers: [
      { id: `${p}-busy`, name: `${p} Busy`, knownSince: '2015-01-01' },
      { id: `${p}-quiet`, name: `${p} Quiet`, knownSince: '2015-01-01' },
    ],
    // The quiet ones have 12: a page of 10 then reads one more to know there is a next page, as the busy one does.
    claims: [...claims(`${p}-busy`, makers[0]!, 10_000, 'WILL_PARTNER'), ...claims(`${p}-quiet`, makers[1]!, 12, 'WILL_NOT_PARTNER')],
  });
}, 240_000);

afterAll(async () => {
  await harness.graph.runScript('MATCH (n) WHERE n.id STARTS WITH $prefix OR n.claim STARTS WITH $prefix OR n.leaker STARTS WITH $prefix DETACH DELETE n', { prefix: p });
  await harness.close();
});

async function cost(query: string, variables: Record<string, unknown>) {
  const result = await harness.graphql(query, variables);
  expect(result.errors).toBeUndefined();
  return { data: result.data, roundTrips: result.extensions?.cypherRoundTrips as number, rows: result.extensions?.entityRowsRead as number };
}

describe('the cost of a read', () => {
  it('reads one device with its manufacturer and optics partner in 1 round trip (its companies come with it)', async () => {
    const { roundTrips, data } = await cost('query ($id: ID!) { device(id: $id) { name manufacturer { name } opticsPartner { name } } }', { id: `${makers[3]}-phone-0` });
    expect(data.device.manufacturer.name).toBe(`${p} Maker 03`);
    expect(roundTrips).toBe(1);
  });

  it("reads a partner's devices with their manufacturers in 1 round trip", async () => {
    const { roundTrips, data } = await cost('query ($p: ID!) { devices(opticsPartner: $p, first: 50) { edges { node { name manufacturer { name } } } } }', { p: `${p}-lens` });
    expect(data.devices.edges).toHaveLength(50);
    expect(roundTrips).toBe(1);
  });

  it('reads manufacturers > devices > optics partner in 1 round trip (the page of makers reads their devices)', async () => {
    const { roundTrips, data } = await cost(
      'query ($q: String) { manufacturers(nameContains: $q, first: 50) { edges { node { name devices(first: 50) { edges { node { name opticsPartner { name } } } } } } } }',
      { q: p },
    );
    expect(data.manufacturers.edges).toHaveLength(30);
    for (const { node } of data.manufacturers.edges) {
      expect(node.devices.edges.map((e: any) => e.node.opticsPartner.name)).toEqual([`${p} Lens`, `${p} Lens`]);
    }
    expect(roundTrips).toBe(1);
  });

  it('reads the devices of manufacturers in a second round trip when one document asks for two pages of them', async () => {
    const { roundTrips, data } = await cost(
      'query ($q: String) { manufacturers(nameContains: $q, first: 5) { edges { node { one: devices(first: 1) { edges { node { name } } } two: devices(first: 2) { totalCount } } } } }',
      { q: p },
    );
    expect(data.manufacturers.edges[0].node.one.edges).toHaveLength(1);
    expect(data.manufacturers.edges[0].node.two.totalCount).toBe(2);
    // list-companies, then company-devices once per page asked for (two batches).
    expect(roundTrips).toBe(3);
  });

  it('reads a leaker with 10,000 claims for the price of one with 12: same round trips, same rows', async () => {
    const query = 'query ($id: ID!) { leaker(id: $id) { name claims(first: 10) { edges { node { statement subjects { ... on Company { name } ... on Device { name } } } } } } }';
    const busy = await cost(query, { id: `${p}-busy` });
    const quiet = await cost(query, { id: `${p}-quiet` });
    expect(busy.data.leaker.claims.edges).toHaveLength(10);
    expect(quiet.data.leaker.claims.edges).toHaveLength(10);
    // leaker-with-claims: the leaker and its page in one statement (the claims bring the companies
    // and devices they name).
    expect(busy.roundTrips).toBe(1);
    expect(busy.roundTrips).toBe(quiet.roundTrips);
    expect(busy.rows).toBe(quiet.rows);
  });

  it('reads the claims about a company with 10,000 of them for the price of one with 12', async () => {
    const query = 'query ($id: ID!) { company(id: $id) { claimsAbout(first: 10) { edges { node { statement leaker { name } } } } } }';
    const busy = await cost(query, { id: makers[0] });
    const quiet = await cost(query, { id: makers[1] });
    expect(busy.roundTrips).toBe(quiet.roundTrips);
    expect(busy.rows).toBe(quiet.rows);
  });

  it('ranks the outlook over 10,000 claims in a bounded number of round trips, with the evidence of the page only', async () => {
    const { roundTrips, data } = await cost(
      `query ($p: ID!) { partnershipOutlook(opticsPartner: $p) {
        candidates(first: 5) { totalCount edges { node { manufacturer { name } score evidenceClaims explanation evidence { claim { statement } leaker { name } weight } } } }
        excluded { totalCount }
      } }`,
      { p: `${p}-lens` },
    );
    const candidates = data.partnershipOutlook.candidates;
    expect(candidates.edges).toHaveLength(5);
    const busiest = candidates.edges[0].node;
    expect(busiest.manufacturer.name).toBe(`${p} Maker 00`);
    expect(busiest.evidenceClaims).toBe(10_000);
    expect(busiest.evidence).toHaveLength(50);
    expect(busiest.explanation).toMatch(/^10000 claims/);
    // The leakers came with the claims (primed), and are the ones the leaker loader would read.
    expect(new Set(busiest.evidence.map((e: { leaker: { name: string } }) => e.leaker.name))).toEqual(new Set([`${p} Busy`]));
    // graph-version (is a kept outlook still valid?), outlook-facts and outlook-evidence-digest (at
    // the same time), companies-by-ids, outlook-evidence (once: the explanation reads the claims the
    // evidence field reads; the leakers shown come with them).
    expect(roundTrips).toBeLessThanOrEqual(5);
  });
});
