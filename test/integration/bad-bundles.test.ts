/**
 * Bundles the importer must refuse, each with a problem at its JSON path (or, for a file that is not
 * JSON, its line and column), and with nothing written: the whole graph has as many nodes and
 * relationships afterwards as before.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Bundle } from '../../src/import/bundle.ts';
import { BundleRejectedError, checkBundleFile, importBundle, importBundleFile, type Problem } from '../../src/import/import-bundle.ts';
import { BundleFileError } from '../../src/import/read-bundle-file.ts';
import { createHarness, uniquePrefix } from '../support/harness.ts';
import { testRead, testWrite } from '../support/test-statements.ts';

const harness = createHarness();
const prefix = uniquePrefix('bad');
const id = (name: string) => `${prefix}-${name}`;
const scratch = mkdtempSync(join(tmpdir(), 'bad-bundles-'));

afterAll(async () => {
  await testWrite(harness.graph, 'delete', { prefix });
  await harness.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function graphSize(): Promise<{ nodes: number; relationships: number }> {
  const [row] = await testRead(harness.graph, 'graph-size', {});
  return { nodes: Number(row!.nodes), relationships: Number(row!.relationships) };
}

/** Imports and expects a refusal; returns its problems after checking that the graph did not change. */
async function refused(bundle: unknown): Promise<Problem[]> {
  const before = await graphSize();
  const error = await importBundle(harness.graph, bundle).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BundleRejectedError);
  expect(await graphSize()).toEqual(before);
  return (error as BundleRejectedError).problems;
}

async function refusedFile(name: string, bytes: Buffer | string): Promise<unknown> {
  const file = join(scratch, name);
  writeFileSync(file, bytes);
  const before = await graphSize();
  const error = await importBundleFile(harness.graph, file).catch((e: unknown) => e);
  expect(await graphSize()).toEqual(before);
  return error;
}

const company = (name: string) => ({ id: id(name), name: `Test ${name}`, roles: ['MANUFACTURER'] });
const ownership = (owner: string, owned: string, start = '2015', end?: string) => ({ id: id(`${owner}-owns-${owned}`), company: owned, owner, start, ...(end ? { end } : {}) });
const device = (name: string, became?: string) => ({ id: id(name), name: `Test ${name}`, manufacturer: 'xiaomi', announced: '2022', ...(became ? { becameDevice: became } : {}) });
const bundle = (parts: Partial<Bundle>) => ({ format: 'optics-graph-bundle/1', ...parts });

describe('cycles', () => {
  it('refuses an ownership cycle with the graph: honor owning huawei while huawei owned honor', async () => {
    const problems = await refused(bundle({ ownerships: [{ ...ownership('honor', 'huawei', '2015'), id: id('honor-owns-huawei') }] }));
    expect(problems).toEqual([
      {
        path: '$.ownerships[0].owner',
        message: expect.stringMatching(/closes an ownership cycle from 2015-01-01: honor owns huawei .*huawei owns honor \(huawei-owns-honor, in the graph\)/),
      },
    ]);
  });

  it('refuses a two-cycle and a three-cycle inside one bundle', async () => {
    const [a, b, c] = ['a', 'b', 'c'].map(id) as [string, string, string];
    const problems = await refused(
      bundle({
        companies: ['a', 'b', 'c', 'x', 'y'].map(company) as Bundle['companies'],
        ownerships: [ownership(a, b), ownership(b, c), ownership(c, a), ownership(id('x'), id('y'), '2020'), ownership(id('y'), id('x'), '2019-06')],
      }),
    );
    expect(problems.map((p) => p.path).sort()).toEqual(['$.ownerships[2].owner', '$.ownerships[4].owner']);
    expect(problems.find((p) => p.path === '$.ownerships[2].owner')!.message).toMatch(new RegExp(`${a} owns ${b}.*${b} owns ${c}.*${c} owns ${a}`));
  });

  it('accepts owners that swap places in periods that do not overlap', async () => {
    const [p, q] = [id('p'), id('q')];
    const report = await importBundle(
      harness.graph,
      bundle({ companies: [company('p'), company('q')] as Bundle['companies'], ownerships: [ownership(p, q, '2001', '2005'), ownership(q, p, '2010')] }),
    );
    expect(report.kinds.ownerships.created).toBe(2);
  });

  it('refuses devices that became each other, in the bundle and through the graph', async () => {
    const [a, b] = [id('phone-a'), id('phone-b')];
    expect(await refused(bundle({ devices: [device('phone-a', b), device('phone-b', a)] as Bundle['devices'] }))).toEqual([
      { path: '$.devices[1].becameDevice', message: expect.stringMatching(new RegExp(`closes a cycle of devices that became each other: .*${a} became ${b}`)) },
    ]);
    await importBundle(harness.graph, bundle({ devices: [device('phone-c', id('phone-d')), device('phone-d')] as Bundle['devices'] }));
    expect(await refused(bundle({ devices: [device('phone-d', id('phone-c'))] as Bundle['devices'] }))).toEqual([
      { path: '$.devices[0].becameDevice', message: expect.stringMatching(/became each other: .*\(in the graph\)/) },
    ]);
  });
});

describe('sizes', () => {
  const huge = 'x'.repeat(10 * 1024 * 1024);

  it('refuses a 10 MB statement, url and summary by their length limits', async () => {
    const problems = await refused(
      bundle({
        sources: [{ id: id('src'), url: `https://example.test/${huge}`, title: 'T', publishedOn: '2021' }],
        partnerships: [{ id: id('p'), manufacturer: 'xiaomi', opticsPartner: 'leica', start: '2022', summary: huge }],
        claims: [{ id: id('claim'), statement: huge, kind: 'OTHER', subjects: ['leica'], publishedOn: '2022-01-01' }],
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: '$.sources[0].url', message: expect.stringMatching(/is 10,485,781 characters long; the limit is 2,048/) },
        { path: '$.partnerships[0].summary', message: expect.stringMatching(/is 10,485,760 characters long; the limit is 5,000/) },
        { path: '$.claims[0].statement', message: expect.stringMatching(/is 10,485,760 characters long; the limit is 5,000/) },
      ]),
    );
  });

  it('refuses a 10 MB name and a 9,000-character id in validation, at their paths, before Neo4j sees them', async () => {
    const problems = await refused(bundle({ companies: [{ id: 'a'.repeat(9000), name: huge, roles: ['MANUFACTURER'] }] }));
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: '$.companies[0].id', message: expect.stringMatching(/is 9,000 characters long; the limit is 100/) },
        { path: '$.companies[0].name', message: expect.stringMatching(/the limit is 300/) },
      ]),
    );
  });
});

describe('files', () => {
  it('refuses bytes that are not UTF-8 instead of storing U+FFFD, saying which field and where', async () => {
    const text = JSON.stringify(bundle({ claims: [{ id: id('utf8'), statement: 'Leica @@', kind: 'OTHER', subjects: ['leica'], publishedOn: '2022-01-01' }] }), null, 2);
    const bytes = Buffer.from(text, 'utf8');
    const at = bytes.indexOf('@@');
    bytes[at] = 0xff;
    bytes[at + 1] = 0xfe;
    const error = await refusedFile('not-utf8.json', bytes);
    expect(error).toBeInstanceOf(BundleRejectedError);
    const line = text.slice(0, at).split('\n').length;
    expect((error as BundleRejectedError).problems).toEqual([
      { path: '$.claims[0].statement', message: expect.stringMatching(new RegExp(`not valid UTF-8: byte 0xFF at byte ${at} \\(line ${line}, column \\d+\\)`)) },
    ]);
    expect(await checkBundleFile(harness.graph, join(scratch, 'not-utf8.json'))).toHaveLength(1);
  });

  it('says at which line and column an unterminated array nested 100,000 deep ends', async () => {
    const text = `{"format": "optics-graph-bundle/1", "claims": ${'['.repeat(100_000)}`;
    const error = await refusedFile('deep.json', text);
    expect(error).toBeInstanceOf(BundleFileError);
    expect((error as Error).message).toMatch(new RegExp(`not valid JSON: unexpected end at line 1 column ${text.length + 1}`));
  });

  it('refuses a closed array nested 100,000 deep where a claim belongs, at its path', async () => {
    const text = `{"format": "optics-graph-bundle/1", "claims": [${'['.repeat(100_000)}${']'.repeat(100_000)}]}`;
    const error = await refusedFile('deep-closed.json', text);
    expect(error).toBeInstanceOf(BundleRejectedError);
    expect((error as BundleRejectedError).problems).toEqual([{ path: '$.claims[0]', message: 'must be an object; got an array' }]);
  });
});
