/**
 * A kept outlook (src/graph/answer-cache.ts) is never served after a write, whoever wrote: here an
 * import through another connection to the graph, as `npm run import` in another process or a
 * mutation on another replica would. Without a write, asking again costs one round trip.
 */
import { afterAll, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { createLogger } from '../../src/log.ts';
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

it('keeps nothing in an app with OUTLOOK_CACHE_ENTRIES=0, nor reads the version for it, while an app on the same connection keeps its own', async () => {
  // A connection of its own, on which the app that keeps nothing asks first.
  const connection = createHarness({ RESPONSE_CACHE_ENTRIES: '0' });
  try {
    const none = createApp({ config: { ...connection.config, outlookCacheEntries: 0 }, graph: connection.graph, logger: createLogger('silent') });
    const ask = async () => {
      const response = await none.fetch('http://test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: question }) });
      const result = (await response.json()) as { errors?: unknown; extensions?: { cypherRoundTrips?: number } };
      expect(result.errors).toBeUndefined();
      return result.extensions?.cypherRoundTrips;
    };
    const first = await ask();
    // outlook-facts and outlook-evidence-digest (no version read: nothing kept to check); the page's
    // companies, shown by slug, are the facts' own manufacturer rows.
    expect(first).toBe(2);
    expect(await ask()).toBe(first);
    // It left no cache of no entries behind for the app that keeps outlooks.
    const kept = await connection.graphql(question);
    const again = await connection.graphql(question);
    expect(again.data).toEqual(kept.data);
    expect(again.extensions?.cypherRoundTrips).toBeLessThan(kept.extensions?.cypherRoundTrips as number);
  } finally {
    await connection.close();
  }
});
