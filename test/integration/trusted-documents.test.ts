/**
 * With TRUSTED_DOCUMENTS the service runs only the documents of its manifest (the format the page's
 * client tooling writes: id -> document), sent by id; anything else is refused with a coded error.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTrustedDocuments } from '../../src/http/trusted-documents.ts';
import { schema } from '../../src/schema/index.ts';
import { createHarness, writerKey } from '../support/harness.ts';
import { openEventStream } from '../support/sse.ts';

const folder = mkdtempSync(join(tmpdir(), 'trusted-documents-'));
const outlook =
  'query PageOutlook($partner: ID!, $asOf: Date) { partnershipOutlook(opticsPartner: $partner, asOf: $asOf) { evaluatedOn candidates(first: 1) { edges { node { manufacturer { name } } } } } }';
const hash = createHash('sha256').update(outlook).digest('hex');
const manifest = join(folder, 'persisted-documents.json');
// One id with gql.tada's "sha256:" prefix, one bare as GraphQL Code Generator writes them.
const service = 'query Service { serviceInfo { companies } }';
const serviceHash = createHash('sha256').update(service).digest('hex');
const live = 'subscription PageLive($partner: ID!) { claimResolved(leaker: $partner) { slug } }';
const liveHash = createHash('sha256').update(live).digest('hex');
writeFileSync(manifest, JSON.stringify({ [hash]: outlook, [`sha256:${serviceHash}`]: service, [liveHash]: live }));

const harness = createHarness({ TRUSTED_DOCUMENTS: manifest });
afterAll(async () => {
  await harness.close();
  rmSync(folder, { recursive: true, force: true });
});

async function send(body: unknown, headers: Record<string, string> = {}) {
  const response = await harness.app.fetch('http://test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as any };
}

describe('trusted documents', () => {
  it('runs a manifest document sent by documentId', async () => {
    const { status, body } = await send({ documentId: hash, variables: { partner: 'leica', asOf: '2021-11-16' } });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.partnershipOutlook.candidates.edges[0].node.manufacturer.name).toBe('Xiaomi');
  });

  it('finds a document by its hash with or without the sha256: prefix, and by Apollo persistedQuery', async () => {
    expect((await send({ documentId: `sha256:${hash}`, variables: { partner: 'leica', asOf: '2021-11-16' } })).body.errors).toBeUndefined();
    expect((await send({ documentId: serviceHash })).body.data.serviceInfo.companies).toBeGreaterThan(0);
    const apollo = await send({ extensions: { persistedQuery: { version: 1, sha256Hash: serviceHash } } });
    expect(apollo.body.data.serviceInfo.companies).toBeGreaterThan(0);
  });

  it('opens a subscription by documentId, and refuses one sent as text', async () => {
    const fetch = (url: string, init: RequestInit) => Promise.resolve(harness.app.fetch(url, init));
    const stream = await openEventStream(fetch, 'http://test/graphql', { documentId: liveHash, variables: { partner: 'digital-chat-station' } });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      // An event as resolveClaim publishes it (without changing the demo data other files read).
      harness.events.changed({ kinds: ['claims'], resolvedClaims: [{ id: 'dcs-xiaomi-leica-2021-11-16' }] });
      const event = await stream.next();
      expect(event.errors).toBeUndefined();
      expect((event.data as any).claimResolved.slug).toBe('dcs-xiaomi-leica-2021-11-16');
    } finally {
      await stream.close();
    }
    const refused = await harness.app.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: live, variables: { partner: 'digital-chat-station' } }),
    });
    expect(await refused.text()).toContain('TRUSTED_DOCUMENT_REQUIRED');
  });

  it('refuses a document sent as text, with a coded error that says what to send', async () => {
    const { status, body } = await send({ query: service });
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
    expect(body.errors[0].message).toMatch(/documentId/);
  });

  it('keeps the answer to a document sent by id (src/http/response-cache.ts), and still refuses its text', async () => {
    const byId = await send({ documentId: serviceHash });
    expect(byId.body.errors).toBeUndefined();
    // Kept by the document the id names: asked again by the other spelling of the id, it is found.
    const again = await send({ documentId: `sha256:${serviceHash}` });
    expect(again.body.data).toEqual(byId.body.data);
    expect(again.body.extensions).toMatchObject({ cached: true, cypherRoundTrips: 1 });
    const asText = await send({ query: service });
    expect(asText.body.errors[0].extensions.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
  });

  it('refuses an id the manifest does not list', async () => {
    const { status, body } = await send({ documentId: 'f'.repeat(64) });
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('TRUSTED_DOCUMENT_NOT_FOUND');
    expect(body.errors[0].message).toContain('f'.repeat(64));
  });

  it('lets a caller with a write key send any document (GraphiQL for the people who run it)', async () => {
    const { body } = await send({ query: '{ serviceInfo { claims } }' }, { 'x-api-key': writerKey });
    expect(body.errors).toBeUndefined();
    expect(body.data.serviceInfo.claims).toBeGreaterThan(0);
  });

  it('stops at start on a manifest document that does not fit the schema, naming its id', () => {
    const stale = join(folder, 'stale.json');
    writeFileSync(stale, JSON.stringify({ abc123: '{ noSuchField }' }));
    expect(() => loadTrustedDocuments(stale, schema)).toThrow(/TRUSTED_DOCUMENTS=.*"abc123": Cannot query field "noSuchField"/s);
    expect(() => loadTrustedDocuments(join(folder, 'missing.json'), schema)).toThrow(/no such file/);
  });

  it('is off by default: any document runs', async () => {
    const plain = createHarness();
    try {
      expect((await plain.graphql('{ serviceInfo { companies } }')).errors).toBeUndefined();
    } finally {
      await plain.close();
    }
  });
});
