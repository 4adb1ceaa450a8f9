/**
 * Live answers over SSE, as a browser's fetch reads them: a subscriber hears a mutation or an
 * import that changes its outlook, with the new outlook; hears nothing from writes that do not; and
 * hears each resolved claim.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle } from '../../src/import/bundle.ts';
import { importBundle } from '../../src/import/import-bundle.ts';
import { createHarness, uniquePrefix, writerKey } from '../support/harness.ts';
import { openEventStream, type EventStream } from '../support/sse.ts';
import { testWrite } from '../support/test-statements.ts';

const harness = createHarness();
const p = uniquePrefix('live');
const id = (name: string) => `${p}-${name}`;
const asWriter = { 'x-api-key': writerKey };

/** A partner of its own, so the demo data and other files' outlooks are not touched. */
const fixture: Bundle = {
  format: 'optics-graph-bundle/1',
  companies: [
    { id: id('optics'), name: 'Live Optics', roles: ['OPTICS_PARTNER'] },
    { id: id('maker'), name: 'Live Maker', roles: ['MANUFACTURER'] },
  ],
  leakers: [{ id: id('teller'), name: 'Live Teller' }],
  claims: [
    {
      id: id('for'),
      leaker: id('teller'),
      statement: 'Live Maker will use Live Optics.',
      kind: 'WILL_PARTNER',
      subjects: [id('maker'), id('optics')],
      publishedOn: '2021-01-10',
      resolutions: [],
    },
    { id: id('other'), leaker: id('teller'), statement: 'Live Maker launches a phone.', kind: 'OTHER', subjects: [id('maker')], publishedOn: '2021-01-20', resolutions: [] },
  ],
};

beforeAll(async () => {
  await importBundle(harness.graph, fixture);
});

afterAll(async () => {
  await testWrite(harness.graph, 'delete', { prefix: p });
  await harness.close();
});

const outlookSelection = `evaluatedOn candidates(first: 3) { totalCount edges { node { manufacturer { slug } score evidence { claim { slug } } } } }`;
const subscription = `subscription ($partner: ID!, $asOf: Date) { outlookChanged(opticsPartner: $partner, asOf: $asOf) { ${outlookSelection} } }`;
const query = `query ($partner: ID!, $asOf: Date) { partnershipOutlook(opticsPartner: $partner, asOf: $asOf) { ${outlookSelection} } }`;
const variables = { partner: id('optics'), asOf: '2024-01-01' };

const fetch = (url: string, init: RequestInit) => Promise.resolve(harness.app.fetch(url, init));

function makerScore(outlook: any): number {
  return outlook.candidates.edges.find((e: any) => e.node.manufacturer.slug === id('maker')).node.score;
}

/** SSE has no "subscribed" acknowledgement: give the stream a moment to start listening before writing. */
async function listening<T>(stream: Promise<EventStream<T>>): Promise<EventStream<T>> {
  const open = await stream;
  await new Promise((resolve) => setTimeout(resolve, 300));
  return open;
}

describe('outlookChanged', { timeout: 120_000 }, () => {
  it('sends the new outlook when a mutation changes it, and nothing for a write that does not', async () => {
    const before = await harness.graphql(query, variables);
    expect(makerScore(before.data.partnershipOutlook)).toBeCloseTo(0.5, 3);
    const stream = await listening(openEventStream(fetch, 'http://test/graphql', subscription, variables));
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);

      // A new source changes no outlook: nothing is sent for it.
      const unrelated = await harness.graphql(
        `mutation { upsertSource(input: { id: "${id('src')}", url: "https://example.com/live", title: "Live", publishedOn: "2021-02-01" }) { __typename } }`,
        {},
        asWriter,
      );
      expect(unrelated.data.upsertSource.__typename).toBe('MutationUpsertSourceSuccess');

      // The teller's other claim comes true: credibility (1 + 1) / (1 + 2), so the maker's score rises.
      const resolved = await harness.graphql(`mutation { resolveClaim(claim: "${id('other')}", outcome: CONFIRMED, decidedOn: "2021-06-01") { __typename } }`, {}, asWriter);
      expect(resolved.data.resolveClaim.__typename).toBe('MutationResolveClaimSuccess');

      const event = await stream.next();
      expect(event.errors).toBeUndefined();
      const outlook = (event.data as any).outlookChanged;
      expect(makerScore(outlook)).toBeCloseTo(2 / 3, 3);
      expect(outlook.candidates.edges[0].node.manufacturer.slug).toBe(id('maker'));
      // The same answer the query gives now, in the same shape.
      const after = await harness.graphql(query, variables);
      expect(outlook).toEqual(after.data.partnershipOutlook);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(stream.pending()).toBe(0);
    } finally {
      await stream.close();
    }
  });

  it('sends the new outlook when an import changes it', async () => {
    const stream = await listening(openEventStream(fetch, 'http://test/graphql', subscription, variables));
    try {
      const report = await importBundle(
        harness.graph,
        {
          format: 'optics-graph-bundle/1',
          leakers: [{ id: id('doubter'), name: 'Live Doubter' }],
          claims: [
            {
              id: id('against'),
              leaker: id('doubter'),
              statement: 'Live Maker will not use Live Optics.',
              kind: 'WILL_NOT_PARTNER',
              subjects: [id('maker'), id('optics')],
              publishedOn: '2021-03-01',
              resolutions: [],
            },
          ],
        },
        { events: harness.events },
      );
      expect(report.kinds.claims.created).toBe(1);
      const event = await stream.next();
      const outlook = (event.data as any).outlookChanged;
      // (1 - (1 - 2/3)) x (1 - 0.5): the doubter's claim against halves the score.
      expect(makerScore(outlook)).toBeCloseTo((2 / 3) * 0.5, 3);
      expect(outlook).toEqual((await harness.graphql(query, variables)).data.partnershipOutlook);
    } finally {
      await stream.close();
    }
  });

  it('refuses an unknown optics partner at once, with a coded error', async () => {
    const stream = await openEventStream(fetch, 'http://test/graphql', subscription, { partner: id('nobody') });
    try {
      const event = await stream.next();
      expect(event.errors?.[0]?.message).toMatch(/No optics partner/);
      expect(event.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    } finally {
      await stream.close();
    }
  });
});

describe('claimResolved', { timeout: 120_000 }, () => {
  it("sends a leaker's claim as it is after a mutation resolves it, and one an import resolves", async () => {
    const stream = await listening(
      openEventStream(fetch, 'http://test/graphql', `subscription ($leaker: ID) { claimResolved(leaker: $leaker) { slug outcome resolutions { outcome decidedOn } } }`, {
        leaker: id('doubter'),
      }),
    );
    try {
      // The teller's claims are not this subscriber's.
      await importBundle(
        harness.graph,
        {
          format: 'optics-graph-bundle/1',
          claims: [{ ...fixture.claims![0]!, resolutions: [{ outcome: 'REFUTED', decidedOn: '2021-09-01' }] }],
        },
        { events: harness.events },
      );
      await harness.graphql(`mutation { resolveClaim(claim: "${id('against')}", outcome: REFUTED, decidedOn: "2021-07-01") { __typename } }`, {}, asWriter);
      const event = await stream.next();
      expect((event.data as any).claimResolved).toEqual({ slug: id('against'), outcome: 'REFUTED', resolutions: [{ outcome: 'REFUTED', decidedOn: '2021-07-01' }] });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(stream.pending()).toBe(0);
    } finally {
      await stream.close();
    }
  });

  it('hears claims an import resolves', async () => {
    const stream = await listening(openEventStream(fetch, 'http://test/graphql', `subscription { claimResolved(claim: "${id('other')}") { slug outcome } }`));
    try {
      await importBundle(
        harness.graph,
        {
          format: 'optics-graph-bundle/1',
          claims: [
            {
              ...fixture.claims![1]!,
              resolutions: [
                { outcome: 'CONFIRMED', decidedOn: '2021-06-01' },
                { outcome: 'REFUTED', decidedOn: '2022-01-01' },
              ],
            },
          ],
        },
        { events: harness.events },
      );
      const event = await stream.next();
      expect((event.data as any).claimResolved).toEqual({ slug: id('other'), outcome: 'REFUTED' });
    } finally {
      await stream.close();
    }
  });
});
