/**
 * A kept outlook (src/graph/answer-cache.ts) is never served after a write, whoever wrote: here an
 * import through another connection to the graph, as `npm run import` in another process or a
 * mutation on another replica would. Without a write, asking again costs one round trip.
 */
import { afterAll, expect, it } from 'vitest';
import type { Bundle } from '../../src/import/bundle.ts';
import { importBundle } from '../../src/import/import-bundle.ts';
import { createHarness } from '../support/harness.ts';
import { testWrite } from '../support/test-statements.ts';

// The outlook's own cache, without the response cache, which would keep the whole answer.
const replica = createHarness({ RESPONSE_CACHE_ENTRIES: '0' });
const importer = createHarness();
afterAll(async () => {
  // Its maker is known since always: left behind, it would be one more candidate in every later file's outlooks.
  await testWrite(importer.graph, 'delete', { prefix: p });
  await replica.close();
  await importer.close();
});

const p = `kept-${Date.now().toString(36)}`;
const question = `{ partnershipOutlook(opticsPartner: "${p}-optics", asOf: "2024-06-01") {
  candidates(first: 10) { totalCount edges { node { manufacturer { slug } score evidenceClaims } } }
} }`;

function world(claims: Bundle['claims']): Bundle {
  return {
    format: 'optics-graph-bundle/1',
    companies: [
      { id: `${p}-optics`, name: 'Kept Optics', roles: ['OPTICS_PARTNER'] },
      { id: `${p}-maker`, name: 'Kept Maker', roles: ['MANUFACTURER'] },
    ],
    leakers: [{ id: `${p}-leaker`, name: 'Kept Leaker' }],
    claims,
  };
}

async function candidate() {
  const result = await replica.graphql(question);
  expect(result.errors).toBeUndefined();
  const node = result.data.partnershipOutlook.candidates.edges.map((e: any) => e.node).find((n: any) => n.manufacturer.slug === `${p}-maker`);
  return { node, roundTrips: result.extensions?.cypherRoundTrips as number };
}

it('answers again from memory until another connection imports a claim, then from the graph', async () => {
  await importBundle(importer.graph, world([]));
  const before = await candidate();
  expect(before.node).toEqual({ manufacturer: { slug: `${p}-maker` }, score: 0, evidenceClaims: 0 });

  const again = await candidate();
  expect(again.node).toEqual(before.node);
  // The version read, and the page's companies: the facts and the ranking were not read again.
  expect(again.roundTrips).toBeLessThan(before.roundTrips);

  await importBundle(
    importer.graph,
    world([{ id: `${p}-claim`, leaker: `${p}-leaker`, statement: 'They will partner.', kind: 'WILL_PARTNER', subjects: [`${p}-maker`, `${p}-optics`], publishedOn: '2024-05-01' }]),
  );
  const after = await candidate();
  expect(after.node.evidenceClaims).toBe(1);
  expect(after.node.score).toBeGreaterThan(0);
});
