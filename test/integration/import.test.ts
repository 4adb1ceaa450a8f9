import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Bundle } from '../../src/import/bundle.ts';
import { BundleRejectedError, ImportWriteError, importBundle, type ImportProgress } from '../../src/import/import-bundle.ts';
import { writeBundle } from '../../src/import/write.ts';
import { createHarness, uniquePrefix } from '../support/harness.ts';
import { testRead, testWrite } from '../support/test-statements.ts';

const harness = createHarness();
const prefix = uniquePrefix('import');
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'import-test-'));

afterAll(async () => {
  await testWrite(harness.graph, 'delete', { prefix });
  await harness.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** One of everything, under its own ids, pointing at demo entities (leica, the seed article) too. */
function bundleOf(p: string): Bundle {
  const id = (name: string) => `${p}-${name}`;
  return {
    format: 'optics-graph-bundle/1',
    sources: [{ id: id('article'), url: 'https://example.test/article', title: 'Test article', publisher: 'Test', publishedOn: '2023-Q2' }],
    companies: [
      { id: id('maker'), name: 'Test Maker', roles: ['MANUFACTURER'], country: 'FI', founded: '2016-H2', markets: ['FI', 'DE'], sources: [id('article')] },
      { id: id('parent'), name: 'Test Parent', roles: ['MANUFACTURER'] },
    ],
    ownerships: [{ id: id('parent-owns-maker'), company: id('maker'), owner: id('parent'), start: '2017', end: '2023-06' }],
    partnerships: [
      {
        id: id('maker-leica'),
        manufacturer: id('maker'),
        opticsPartner: 'leica',
        start: '2023-04',
        summary: 'A test partnership.',
        sources: [id('article'), 'seed-article-2021-11-16'],
      },
    ],
    exclusivities: [
      {
        id: id('maker-leica-exclusivity'),
        partnership: id('maker-leica'),
        binds: 'MANUFACTURER',
        start: '2023-04',
        endsWithLaunchOf: id('phone'),
        certainty: 'REPORTED',
        exceptRegions: ['JP'],
      },
    ],
    devices: [
      { id: id('phone'), name: 'Test Phone', manufacturer: id('maker'), opticsPartner: 'leica', partnership: id('maker-leica'), announced: '2024-02-25', released: '2024-03' },
    ],
    leakers: [{ id: id('leaker'), name: 'Test Leaker', platform: 'Weibo' }],
    claims: [
      {
        id: id('claim'),
        leaker: id('leaker'),
        statement: 'Test Maker and Leica will partner.',
        kind: 'WILL_PARTNER',
        subjects: [id('maker'), 'leica', id('phone')],
        publishedOn: '2023-03-01',
        evidence: [{ kind: 'IMAGE', description: 'a logo' }],
        resolutions: [
          { outcome: 'REFUTED', decidedOn: '2023-03-02' },
          { outcome: 'CONFIRMED', decidedOn: '2023-04-03', knownSince: '2023-04-05', sources: [id('article')] },
        ],
        sources: [id('article')],
      },
    ],
  };
}

async function countWithPrefix(p: string): Promise<{ nodes: number; relationships: number }> {
  const [row] = await testRead(harness.graph, 'count', { prefix: p });
  return { nodes: Number(row!.nodes), relationships: Number(row!.relationships) };
}

async function stored(id: string): Promise<{ labels: string[]; properties: Record<string, unknown>; out: string[] }> {
  const [row] = await testRead(harness.graph, 'entity', { id });
  return { labels: (row!.labels as string[]).sort(), properties: row!.properties as Record<string, unknown>, out: (row!.out as string[]).sort() };
}

function runImportScript(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const neo4j = inject('neo4j');
  const env = {
    ...process.env,
    NEO4J_MODE: 'uri',
    NEO4J_URI: neo4j.uri,
    NEO4J_USERNAME: neo4j.username,
    NEO4J_PASSWORD: neo4j.password,
    NEO4J_DATABASE: neo4j.database,
    LOG_LEVEL: 'warn',
  };
  return new Promise((done) => {
    execFile(process.execPath, ['scripts/import.ts', file], { cwd: repoRoot, env, timeout: 60_000 }, (error, stdout, stderr) => {
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('importing a bundle', () => {
  it('rejects a bad bundle with every problem listed, and writes nothing', async () => {
    const p = `${prefix}-bad`;
    const bundle = bundleOf(p) as any;
    delete bundle.companies[1].name;
    bundle.devices[0].announced = '2024-02-30';
    bundle.claims[0].subjects[2] = `${p}-no-such-phone`;
    bundle.partnerships[0].manufacturer = 'leica-not-there';

    const error = await importBundle(harness.graph, bundle).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BundleRejectedError);
    expect((error as BundleRejectedError).problems.map((problem) => problem.path)).toEqual(
      expect.arrayContaining(['$.companies[1].name', '$.devices[0].announced', '$.claims[0].subjects[2]', '$.partnerships[0].manufacturer']),
    );
    expect(await countWithPrefix(p)).toEqual({ nodes: 0, relationships: 0 });
  });

  it('imports a good bundle, reports what it created, and stores it as the model says', async () => {
    const p = `${prefix}-good`;
    const report = await importBundle(harness.graph, bundleOf(p));

    expect(Object.fromEntries(Object.entries(report.kinds).map(([kind, counts]) => [kind, counts.created]))).toEqual({
      sources: 1,
      companies: 2,
      leakers: 1,
      devices: 1,
      partnerships: 1,
      ownerships: 1,
      exclusivities: 1,
      claims: 1,
      resolutions: 2,
    });
    expect(report.totals).toEqual({ created: 11, changed: 0, unchanged: 0, deleted: 0 });
    expect(await countWithPrefix(p)).toEqual({ nodes: 11, relationships: 20 });

    const maker = await stored(`${p}-maker`);
    expect(maker.labels).toEqual(['Company', 'Manufacturer']);
    expect(maker.properties).toMatchObject({ founded: '2016-H2', foundedFirstDay: '2016-07-01', foundedLastDay: '2016-12-31', knownSince: '2016-07-01', markets: ['FI', 'DE'] });
    const phone = await stored(`${p}-phone`);
    expect(phone.properties).toEqual({
      id: `${p}-phone`,
      name: 'Test Phone',
      announced: '2024-02-25',
      announcedFirstDay: '2024-02-25',
      announcedLastDay: '2024-02-25',
      announcedKnownSince: '2024-02-25',
      released: '2024-03',
      releasedFirstDay: '2024-03-01',
      releasedLastDay: '2024-03-31',
      releasedKnownSince: '2024-03-01',
      knownSince: '2024-02-25',
    });
    expect(phone.out).toEqual(['CO_ENGINEERED_WITH leica', `MADE_BY ${p}-maker`, `UNDER ${p}-maker-leica`]);
    const claim = await stored(`${p}-claim`);
    expect(claim.properties).toMatchObject({ knownSince: '2023-03-01', evidence: '[{"kind":"IMAGE","description":"a logo","url":null}]' });
    expect(claim.out).toEqual([
      'ABOUT leica',
      `ABOUT ${p}-maker`,
      `ABOUT ${p}-phone`,
      `BY ${p}-leaker`,
      `REPORTED_IN ${p}-article`,
      `RESOLVED_AS ${p}-claim#1`,
      `RESOLVED_AS ${p}-claim#2`,
    ]);
    expect((await stored(`${p}-claim#2`)).properties).toMatchObject({ position: 2, outcome: 'CONFIRMED', decidedOn: '2023-04-03', knownSince: '2023-04-05' });
    expect((await stored(`${p}-leaker`)).properties).toMatchObject({ knownSince: '2023-03-01' });

    // And the public API reads it back.
    const result = await harness.graphql(`{ device(id: "${p}-phone") { name manufacturer { slug roles } opticsPartner { slug } partnership { slug } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.device).toEqual({
      name: 'Test Phone',
      manufacturer: { slug: `${p}-maker`, roles: ['MANUFACTURER'] },
      opticsPartner: { slug: 'leica' },
      partnership: { slug: `${p}-maker-leica` },
    });
  });

  it('changes nothing when the same bundle is imported twice', async () => {
    const p = `${prefix}-twice`;
    await importBundle(harness.graph, bundleOf(p));
    const before = await countWithPrefix(p);

    const again = await importBundle(harness.graph, bundleOf(p));

    expect(again.totals).toEqual({ created: 0, changed: 0, unchanged: 11, deleted: 0 });
    expect(await countWithPrefix(p)).toEqual(before);
  });

  it('reports exactly one change when one property changes', async () => {
    const p = `${prefix}-one-change`;
    await importBundle(harness.graph, bundleOf(p));
    const bundle = bundleOf(p);
    bundle.devices![0]!.name = 'Test Phone Pro';

    const report = await importBundle(harness.graph, bundle);

    expect(report.totals).toEqual({ created: 0, changed: 1, unchanged: 10, deleted: 0 });
    expect(report.kinds.devices).toEqual({ created: 0, changed: 1, unchanged: 0, deleted: 0 });
    expect((await stored(`${p}-phone`)).properties.name).toBe('Test Phone Pro');
  });

  it("replaces an entity's relationships with the bundle's, and drops resolutions a claim no longer lists", async () => {
    const p = `${prefix}-relink`;
    await importBundle(harness.graph, bundleOf(p));
    const bundle = bundleOf(p);
    bundle.devices![0]!.opticsPartner = null;
    bundle.claims![0]!.resolutions = bundle.claims![0]!.resolutions!.slice(1);

    const report = await importBundle(harness.graph, bundle);

    expect(report.kinds.devices.changed).toBe(1);
    expect(report.kinds.claims.changed).toBe(1);
    // The remaining resolution is renumbered #1, so it changed too; #2 is gone.
    expect(report.kinds.resolutions).toEqual({ created: 0, changed: 1, unchanged: 0, deleted: 1 });
    expect((await stored(`${p}-phone`)).out).toEqual([`MADE_BY ${p}-maker`, `UNDER ${p}-maker-leica`]);
    expect((await stored(`${p}-claim`)).out.filter((link) => link.startsWith('RESOLVED_AS'))).toEqual([`RESOLVED_AS ${p}-claim#1`]);
    expect(await testRead(harness.graph, 'entity', { id: `${p}-claim#2` })).toEqual([]);
  });

  it('adds role labels and never takes one away', async () => {
    const p = `${prefix}-roles`;
    await importBundle(harness.graph, bundleOf(p));
    const bundle = bundleOf(p);
    bundle.companies![1]!.roles = ['OPTICS_PARTNER'];

    const report = await importBundle(harness.graph, bundle);

    expect(report.kinds.companies.changed).toBe(1);
    expect((await stored(`${p}-parent`)).labels).toEqual(['Company', 'Manufacturer', 'OpticsPartner']);
  });

  it('writes nothing when a statement fails half-way, not even the kinds written before it', async () => {
    const p = `${prefix}-rollback`;
    const bundle = bundleOf(p);
    // Skipping validation, a resolution cites a source that does not exist: the last statement
    // (resolution relationships) fails after every node and most relationships were written.
    bundle.claims![0]!.resolutions![1]!.sources = ['no-such-source'];

    const error = await writeBundle(harness.graph, bundle).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ImportWriteError);
    expect((error as Error).message).toMatch(new RegExp(`import aborted: ${p}-claim#2 links to ids that are not in the graph: REPORTED_IN no-such-source`));
    expect(await countWithPrefix(p)).toEqual({ nodes: 0, relationships: 0 });
  });

  it('reports progress once per batch, in order', async () => {
    const p = `${prefix}-progress`;
    const progress: ImportProgress[] = [];

    await importBundle(harness.graph, bundleOf(p), { batchSize: 1, onProgress: (step) => progress.push(step) });

    // batchSize 1: one batch per node (11) and per entity with relationships (10).
    expect(progress.map((step) => step.batch)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(progress.at(-1)).toMatchObject({ batches: 21, rowsWritten: 21, rowsTotal: 21, kind: 'resolutions', phase: 'relationships' });
    expect(progress[0]).toMatchObject({ kind: 'sources', phase: 'nodes', rows: 1 });
  });
});

describe('npm run import', () => {
  it('prints every problem of a bad file with its path, exits 1 and writes nothing', async () => {
    const p = `${prefix}-cli-bad`;
    const bundle = bundleOf(p) as any;
    delete bundle.companies[0].name;
    bundle.claims[0].subjects[1] = 'nobody-at-all';
    const file = join(scratch, 'bad.json');
    writeFileSync(file, JSON.stringify(bundle));

    const { code, stdout } = await runImportScript(file);

    expect(code).toBe(1);
    expect(stdout).toMatch(/2 problems; nothing was written/);
    expect(stdout).toContain('  $.companies[0].name: is required but missing');
    expect(stdout).toContain('  $.claims[0].subjects[1]: no company or device "nobody-at-all"');
    expect(await countWithPrefix(p)).toEqual({ nodes: 0, relationships: 0 });
  });

  it('imports a good file and prints a table of what it created', async () => {
    const p = `${prefix}-cli-good`;
    const file = join(scratch, 'good.json');
    writeFileSync(file, JSON.stringify(bundleOf(p)));

    const { code, stdout } = await runImportScript(file);

    expect(code).toBe(0);
    expect(stdout).toMatch(/companies\s+2\s+0\s+0/);
    expect(stdout).toMatch(/total\s+11\s+0\s+0/);
    expect((await countWithPrefix(p)).nodes).toBe(11);
  });

  it('says where a file stops being JSON', async () => {
    const file = join(scratch, 'broken.json');
    writeFileSync(file, '{\n  "format": "optics-graph-bundle/1",\n  "companies": [,]\n}');

    const { code, stderr } = await runImportScript(file);

    expect(code).toBe(1);
    expect(stderr).toMatch(/broken\.json is not valid JSON: line 3 column 17 \(position \d+\)/);
  });
});
