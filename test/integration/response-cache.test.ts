/**
 * Whole answers kept until the graph changes (src/http/response-cache.ts): a query asked again costs
 * one round trip, the graph's version, and says `cached: true`; after any write (a mutation, an
 * import through another connection) the same query is worked out anew and shows the write. Callers
 * with other scopes never share an answer; answers with errors, and mutations, are never kept.
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import type { Bundle } from '../../src/import/bundle.ts';
import { importBundle } from '../../src/import/import-bundle.ts';
import { testWrite } from '../support/test-statements.ts';
import { createHarness, uniquePrefix, writerKey } from '../support/harness.ts';

const harness = createHarness();
// Another connection to the same graph, as `npm run import` in another process or another replica.
const importer = createHarness();
const p = uniquePrefix('kept');
const asWriter = { 'x-api-key': writerKey };

function bundle(claims: Bundle['claims']): Bundle {
  return {
    format: 'optics-graph-bundle/1',
    companies: [
      { id: `${p}-maker`, name: 'Kept Phones', roles: ['MANUFACTURER'], knownSince: '2019-01-01' },
      { id: `${p}-lens`, name: 'Kept Optics', roles: ['OPTICS_PARTNER'], knownSince: '2019-01-01' },
    ],
    partnerships: [{ id: `${p}-deal`, manufacturer: `${p}-maker`, opticsPartner: `${p}-lens`, start: '2020-02-01', knownSince: '2020-02-01' }],
    leakers: [{ id: `${p}-leaker`, name: 'Kept Leaker' }],
    claims,
  };
}
const claim = (n: number, publishedOn: string) => ({
  id: `${p}-claim-${n}`,
  leaker: `${p}-leaker`,
  statement: `They will partner (${n}).`,
  kind: 'WILL_PARTNER' as const,
  subjects: [`${p}-maker`, `${p}-lens`],
  publishedOn,
});

const question = `query Kept($deal: ID!, $leaker: ID!) {
  partnership(id: $deal) { status end { text } manufacturer { name } }
  leaker(id: $leaker) { credibility { hits resolved } claims(first: 10) { totalCount edges { node { slug outcome } } } }
}`;
const ask = (headers: Record<string, string> = {}) => harness.graphql(question, { deal: `${p}-deal`, leaker: `${p}-leaker` }, headers);

beforeAll(async () => {
  await importBundle(importer.graph, bundle([claim(1, '2021-01-10')]));
});
afterAll(async () => {
  await testWrite(harness.graph, 'delete', { prefix: p });
  await harness.close();
  await importer.close();
});

describe('the response cache', () => {
  it('answers a repeated query from memory, for one round trip (the graph version), and logs it as cached', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const app = createApp({ config: harness.config, graph: harness.graph, logger: pino({ level: 'info' }, sink) });
    const post = async (requestId: string) => {
      const response = await app.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': requestId },
        body: JSON.stringify({ query: question, variables: { deal: `${p}-deal`, leaker: `${p}-leaker` }, operationName: 'Kept' }),
      });
      return (await response.json()) as { data: unknown; errors?: unknown; extensions: Record<string, unknown> };
    };
    const first = await post('kept-first');
    const again = await post('kept-again');
    expect(first.errors).toBeUndefined();
    expect(again.data).toEqual(first.data);
    // The version, then the partnership, the leaker and its claims.
    expect(first.extensions.cypherRoundTrips).toBeGreaterThanOrEqual(3);
    expect(first.extensions.cached).toBeUndefined();
    expect(again.extensions).toEqual({ cypherRoundTrips: 1, entityRowsRead: 0, cached: true });
    const line = (id: string) => lines.filter((l) => l.requestId === id && l.msg === 'graphql');
    expect(line('kept-first')).toEqual([expect.objectContaining({ operation: 'Kept', cypherRoundTrips: first.extensions.cypherRoundTrips })]);
    expect(line('kept-first')[0]!.cached).toBeUndefined();
    expect(line('kept-again')).toEqual([expect.objectContaining({ operation: 'Kept', cypherRoundTrips: 1, cached: true, caller: 'anonymous' })]);
  });

  it("reads the graph's version once for an outlook worked out anew: the outlook's own cache uses the one read on arrival", async () => {
    const outlook = await harness.graphql(`query { partnershipOutlook(opticsPartner: "${p}-lens", asOf: "2021-06-01") { candidates { totalCount } } }`);
    expect(outlook.errors).toBeUndefined();
    expect(outlook.extensions?.cached).toBeUndefined();
    // graph-version, then outlook-facts and outlook-evidence-digest; not a second graph-version.
    expect(outlook.extensions?.cypherRoundTrips).toBe(3);
  });

  it('answers anew after endPartnership, with the end', async () => {
    const before = await ask();
    expect(before.data.partnership.status).toBe('ACTIVE');
    expect((await ask()).extensions?.cached).toBe(true);
    const ended = await harness.graphql(`mutation { endPartnership(id: "${p}-deal", end: "2022-03-31", endKnownSince: "2022-05-23") { __typename } }`, {}, asWriter);
    expect(ended.data.endPartnership.__typename).toBe('MutationEndPartnershipSuccess');
    const after = await ask();
    expect(after.extensions?.cached).toBeUndefined();
    expect(after.data.partnership).toEqual({ status: 'ENDED', end: { text: '2022-03-31' }, manufacturer: { name: 'Kept Phones' } });
  });

  it('answers anew after resolveClaim, with the outcome and the credibility it moved', async () => {
    expect((await ask()).data.leaker.credibility).toEqual({ hits: 0, resolved: 0 });
    expect((await ask()).extensions?.cached).toBe(true);
    const resolved = await harness.graphql(`mutation { resolveClaim(claim: "${p}-claim-1", outcome: CONFIRMED, decidedOn: "2021-06-01") { __typename } }`, {}, asWriter);
    expect(resolved.data.resolveClaim.__typename).toBe('MutationResolveClaimSuccess');
    const after = await ask();
    expect(after.extensions?.cached).toBeUndefined();
    expect(after.data.leaker.credibility).toEqual({ hits: 1, resolved: 1 });
    expect(after.data.leaker.claims.edges).toEqual([{ node: { slug: `${p}-claim-1`, outcome: 'CONFIRMED' } }]);
  });

  it('answers anew after an import through another connection to the graph', async () => {
    expect((await ask()).data.leaker.claims.totalCount).toBe(1);
    expect((await ask()).extensions?.cached).toBe(true);
    await importBundle(importer.graph, { format: 'optics-graph-bundle/1', claims: [claim(2, '2021-02-10')] });
    const after = await ask();
    expect(after.extensions?.cached).toBeUndefined();
    expect(after.data.leaker.claims.totalCount).toBe(2);
  });

  it('never gives one caller an answer kept for a caller with other scopes', async () => {
    const anonymous = await ask();
    expect((await ask()).extensions?.cached).toBe(true);
    // A writer sees what a reader sees here, but its scopes differ: its first answer is its own.
    const writer = await ask(asWriter);
    expect(writer.extensions?.cached).toBeUndefined();
    expect(writer.data).toEqual(anonymous.data);
    expect((await ask(asWriter)).extensions?.cached).toBe(true);

    // Where reads need a key, an anonymous caller is refused however often a writer asked before it.
    const closed = createHarness({ REQUIRE_AUTH_FOR_READS: 'true' });
    try {
      const vars = { deal: `${p}-deal`, leaker: `${p}-leaker` };
      expect((await closed.graphql(question, vars, asWriter)).errors).toBeUndefined();
      expect((await closed.graphql(question, vars, asWriter)).extensions?.cached).toBe(true);
      const refused = await closed.graphql(question, vars);
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(refused.data?.partnership ?? null).toBeNull();
      // Two keys of the same scopes share an answer: what a caller sees depends on its scopes only.
      const other = await closed.graphql(question, vars, { authorization: `ApiKey ${writerKey}` });
      expect(other.extensions?.cached).toBe(true);
    } finally {
      await closed.close();
    }
  });

  it('does not keep an answer with an error', async () => {
    // A global id that is not one is refused by its field (null); the partnership beside it is read.
    const partly = `{ partnership(id: "${p}-deal") { status } node(id: "%%%") { id } }`;
    const first = await harness.graphql(partly);
    expect(first.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(first.data.partnership).not.toBeNull();
    expect(first.data.node).toBeNull();
    const again = await harness.graphql(partly);
    expect(again.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(again.extensions?.cached).toBeUndefined();
    expect(again.extensions?.cypherRoundTrips).toBe(first.extensions?.cypherRoundTrips);
  });

  it('never answers a mutation from memory, even one that changed nothing', async () => {
    const refused = `mutation { endPartnership(id: "${p}-nothing", end: "2023") { __typename } }`;
    const first = await harness.graphql(refused, {}, asWriter);
    const again = await harness.graphql(refused, {}, asWriter);
    expect(again.data).toEqual(first.data);
    expect(again.data.endPartnership.__typename).toBe('NotFoundError');
    expect(again.extensions?.cached).toBeUndefined();
    expect(again.extensions?.cypherRoundTrips).toBeGreaterThanOrEqual(1);
  });

  it('does not keep an answer larger than 256 KB of JSON, so memory stays bounded by the entries', async () => {
    const name = (i: number) => `Kept Phone ${i} ${'x'.repeat(280)}`;
    const devices = Array.from({ length: 200 }, (_, i) => ({
      id: `${p}-phone-${i}`,
      name: name(i),
      manufacturer: `${p}-maker`,
      opticsPartner: `${p}-lens`,
      announced: '2021-03-01',
    }));
    await importBundle(importer.graph, { format: 'optics-graph-bundle/1', devices });
    const page = (alias: string) => `${alias}: devices(opticsPartner: "${p}-lens", first: 200) { edges { node { name manufacturer { name } } } }`;
    const small = `{ ${page('a')} }`;
    const large = `{ ${['a', 'b', 'c', 'd', 'e'].map(page).join(' ')} }`;
    const first = await harness.graphql(large);
    expect(first.errors).toBeUndefined();
    expect(JSON.stringify(first.data).length).toBeGreaterThan(256 * 1024);
    expect((await harness.graphql(large)).extensions?.cached).toBeUndefined();
    // One page of the same devices, about 65 KB, is kept.
    await harness.graphql(small);
    expect((await harness.graphql(small)).extensions?.cached).toBe(true);
  });

  it('keeps nothing with RESPONSE_CACHE_ENTRIES=0, and reads no version', async () => {
    const off = createHarness({ RESPONSE_CACHE_ENTRIES: '0' });
    try {
      const vars = { deal: `${p}-deal`, leaker: `${p}-leaker` };
      const first = await off.graphql(question, vars);
      const again = await off.graphql(question, vars);
      expect(again.data).toEqual(first.data);
      expect(again.extensions?.cached).toBeUndefined();
      expect(again.extensions?.cypherRoundTrips).toBe(first.extensions?.cypherRoundTrips);
      // The same query on the cached service costs one more when worked out: the version.
      await testWrite(harness.graph, 'delete', { prefix: `${p}-none` });
      expect((await ask()).extensions?.cypherRoundTrips).toBe((first.extensions?.cypherRoundTrips as number) + 1);
    } finally {
      await off.close();
    }
  });
});
