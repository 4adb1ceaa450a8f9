/**
 * A bundle larger than one transaction is staged in committed batches and published in one last
 * transaction (src/import/staging.ts). These tests run it with a few entities per transaction, so a
 * small bundle takes that path, and hold it to what one transaction promised: the same graph, nothing
 * visible before the end, nothing left after a failure or after the importer died half-way.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Bundle, BundleClaim } from '../../src/import/bundle.ts';
import { ImportWriteError, importBundle } from '../../src/import/import-bundle.ts';
import { discardAbandonedImport } from '../../src/import/staging.ts';
import { writeBundle } from '../../src/import/write.ts';
import { createHarness, uniquePrefix } from '../support/harness.ts';
import { testRead, testWrite } from '../support/test-statements.ts';

const harness = createHarness();
const prefix = uniquePrefix('staged');
/** Small batches: the bundles below take several committed transactions before the publish. */
const staged = { entitiesPerTransaction: 6, batchSize: 4 };

afterAll(async () => {
  await testWrite(harness.graph, 'delete', { prefix });
  await harness.close();
});

/**
 * Sources, makers, two leakers and claims about them and about leica (stored by the demo), some
 * resolved; a device listed before its partnership, so its UNDER relationship waits for the publish.
 */
function bundleOf(p: string, claims = 24): Bundle {
  const id = (name: string) => `${p}-${name}`;
  const claim = (i: number): BundleClaim => ({
    id: id(`claim-${String(i).padStart(3, '0')}`),
    leaker: id(i % 3 === 0 ? 'other' : 'teller'),
    statement: `Claim ${i}.`,
    kind: i % 4 === 3 ? 'WILL_NOT_PARTNER' : 'WILL_PARTNER',
    subjects: [id(i % 2 === 0 ? 'maker' : 'second'), 'leica', ...(i % 5 === 0 ? [id('phone')] : [])],
    publishedOn: `2021-0${1 + (i % 6)}-1${i % 10}`,
    resolutions:
      i % 3 === 1
        ? [{ outcome: 'CONFIRMED', decidedOn: '2021-08-01', sources: [id('article')] }]
        : i % 3 === 2
          ? [
              { outcome: 'REFUTED', decidedOn: '2021-07-01' },
              { outcome: 'CONFIRMED', decidedOn: '2021-09-01', knownSince: '2021-09-05' },
            ]
          : [],
    sources: [id('article')],
  });
  return {
    format: 'optics-graph-bundle/1',
    sources: [{ id: id('article'), url: 'https://example.test/staged', title: 'Staged article', publisher: 'Test', publishedOn: '2021-01-01' }],
    companies: [
      { id: id('maker'), name: 'Staged Maker', roles: ['MANUFACTURER'], sources: [id('article')] },
      { id: id('second'), name: 'Second Maker', roles: ['MANUFACTURER'] },
    ],
    leakers: [
      { id: id('teller'), name: 'Teller', sources: [id('article')] },
      { id: id('other'), name: 'Other' },
    ],
    devices: [{ id: id('phone'), name: 'Staged Phone', manufacturer: id('maker'), opticsPartner: 'leica', partnership: id('maker-leica'), announced: '2021-05-01' }],
    partnerships: [{ id: id('maker-leica'), manufacturer: id('maker'), opticsPartner: 'leica', start: '2021-04', sources: [id('article')] }],
    claims: Array.from({ length: claims }, (_, i) => claim(i)),
  };
}

/** What is stored for one prefix, with the prefix taken out, so two imports under two prefixes compare. */
async function dump(p: string): Promise<string> {
  const [row] = await testRead(harness.graph, 'dump', { prefix: p });
  const nodes = (row!.nodes as { labels: string[]; properties: unknown }[]).map((node) => ({ ...node, labels: [...node.labels].sort() }));
  return JSON.stringify(sortedKeys({ ...row, nodes })).replaceAll(p, 'P');
}

/** Neo4j returns a node's properties in no fixed order. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, inner]) => [key, sortedKeys(inner)]),
  );
}

/** Every node and relationship, but the version counter's nodes: each committed batch and clean-up adds one. */
async function graphSize(): Promise<{ nodes: number; relationships: number }> {
  const [row] = await testRead(harness.graph, 'graph-size', {});
  const [versions] = await testRead(harness.graph, 'graph-changes', {});
  return { nodes: Number(row!.nodes) - Number(versions!.changes), relationships: Number(row!.relationships) };
}

async function stagedNodes(): Promise<number> {
  const [row] = await testRead(harness.graph, 'staged-count', {});
  return Number(row!.staged);
}

/** What a reader sees of a bundle's entities through the API. */
async function visible(p: string): Promise<unknown> {
  const { data, errors } = await harness.graphql(
    `query($claim: ID!, $maker: ID!, $leaker: ID!) {
      claim(id: $claim) { statement }
      company(id: $maker) { name }
      leaker(id: $leaker) { name }
      claims(first: 1) { totalCount }
    }`,
    { claim: `${p}-claim-000`, maker: `${p}-maker`, leaker: `${p}-teller` },
  );
  expect(errors).toBeUndefined();
  return data;
}

describe('a bundle staged in batches', () => {
  it('stores exactly what the same bundle stores in one transaction', async () => {
    const whole = `${prefix}-whole`;
    const batched = `${prefix}-batched`;
    const batches: number[] = [];

    const one = await importBundle(harness.graph, bundleOf(whole));
    const many = await importBundle(harness.graph, bundleOf(batched), { ...staged, onBatchCommitted: (batch) => void batches.push(batch) });

    expect(batches.length).toBeGreaterThan(3);
    expect(many.totals).toEqual(one.totals);
    expect(many.kinds.claims.created).toBe(24);
    expect(await dump(batched)).toEqual(await dump(whole));
    expect(await stagedNodes()).toBe(0);
  });

  it('updates stored entities and adds claims to a stored leaker like one transaction does', async () => {
    const whole = `${prefix}-more-whole`;
    const batched = `${prefix}-more-batched`;
    await importBundle(harness.graph, bundleOf(whole, 6));
    await importBundle(harness.graph, bundleOf(batched, 6));
    const grown = (p: string) => {
      const bundle = bundleOf(p, 30);
      bundle.companies![0]!.name = 'Renamed Maker';
      return bundle;
    };

    const one = await importBundle(harness.graph, grown(whole));
    const many = await importBundle(harness.graph, grown(batched), staged);

    expect(many.kinds.companies).toMatchObject({ created: 0, changed: 1 });
    expect(many.kinds.claims).toMatchObject({ created: 24, unchanged: 6 });
    expect(many.totals).toEqual(one.totals);
    expect(await dump(batched)).toEqual(await dump(whole));
  });

  it('shows readers nothing of the import until it is published', async () => {
    const p = `${prefix}-unseen`;
    const before = await visible(p);
    const during: unknown[] = [];

    await importBundle(harness.graph, bundleOf(p), { ...staged, onBatchCommitted: async () => void during.push(await visible(p)) });

    expect(before).toMatchObject({ claim: null, company: null, leaker: null });
    expect(during.length).toBeGreaterThan(3);
    for (const seen of during) expect(seen).toEqual(before);
    expect(await visible(p)).toMatchObject({ claim: { statement: 'Claim 0.' }, company: { name: 'Staged Maker' }, leaker: { name: 'Teller' } });
  });

  it('leaves the graph exactly as before when the import fails after a batch was committed', async () => {
    const p = `${prefix}-fails`;
    await importBundle(harness.graph, bundleOf(p, 3));
    const before = { size: await graphSize(), stored: await dump(p) };

    const error = await importBundle(harness.graph, bundleOf(p, 30), {
      ...staged,
      onBatchCommitted: (batch) => {
        if (batch === 2) throw new Error('injected failure after the second batch');
      },
    }).catch((e: unknown) => e);

    expect((error as Error).message).toBe('injected failure after the second batch');
    expect(await graphSize()).toEqual(before.size);
    expect(await dump(p)).toEqual(before.stored);
    expect(await stagedNodes()).toBe(0);
  });

  it('leaves the graph exactly as before when the last transaction fails, stored entities it had updated included', async () => {
    const p = `${prefix}-publish-fails`;
    await importBundle(harness.graph, bundleOf(p, 3));
    const before = { size: await graphSize(), stored: await dump(p) };
    const bundle = bundleOf(p, 30);
    bundle.companies![0]!.name = 'Renamed Maker';
    // Unvalidated (writeBundle): a stored leaker now cites a source nobody has, which the last
    // transaction finds after it published the staged nodes and renamed the stored company.
    bundle.leakers![0]!.sources = ['no-such-source'];

    const error = await writeBundle(harness.graph, bundle, staged).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ImportWriteError);
    expect((error as Error).message).toMatch(`import aborted: ${p}-teller links to ids that are not in the graph: REPORTED_IN no-such-source`);
    expect(await graphSize()).toEqual(before.size);
    expect(await dump(p)).toEqual(before.stored);
    expect(await stagedNodes()).toBe(0);
  });

  it('is cleaned up at the next start when the importer died half-way', async () => {
    const p = `${prefix}-killed`;
    const before = await graphSize();
    // A second connection stands for the importer's process: closing it mid-import is what Neo4j sees when that process is killed.
    const importer = createHarness();
    let committed!: () => void;
    const firstBatch = new Promise<void>((resolve) => (committed = resolve));
    void importBundle(importer.graph, bundleOf(p), {
      ...staged,
      onBatchCommitted: () => {
        committed();
        return new Promise<void>(() => {});
      },
    }).catch(() => {});
    await firstBatch;
    await importer.close();
    expect(await stagedNodes()).toBeGreaterThan(0);

    // What the service and the importer run at start; Neo4j ends the dead importer's guard transaction as it notices the closed connection.
    let discarded = 0;
    for (let attempt = 0; attempt < 40 && discarded === 0; attempt++) {
      discarded = await discardAbandonedImport(harness.graph);
      if (discarded === 0) await new Promise((resolve) => setTimeout(resolve, 250));
    }

    expect(discarded).toBeGreaterThan(0);
    expect(await stagedNodes()).toBe(0);
    expect(await graphSize()).toEqual(before);
  });
});
