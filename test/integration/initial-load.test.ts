/**
 * The initial load (tools/neo4j/initial-load.ts) fills an empty local data folder through Neo4j's
 * offline bulk importer. It must store exactly the graph the online importer stores from the same
 * bundle (every node, property, property type and relationship, the derived evidence entries and
 * credibility steps included), and keep the importer's promises: a rejected bundle, or a failure
 * after the bulk import, leaves the folder without a database.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { importBundleFile } from '../../src/import/import-bundle.ts';
import { BundleRejectedError } from '../../src/import/problems.ts';
import { demoBundlePath } from '../../src/import/demo.ts';
import { createLogger } from '../../src/log.ts';
import { startRuntime } from '../../src/runtime.ts';
import { InitialLoadError, initialLoad } from '../../tools/neo4j/initial-load.ts';
import { freeLocalPort, startLocalNeo4j } from '../../tools/neo4j/local-neo4j.ts';
import { graphDump } from '../support/graph-dump.ts';

const scratch = mkdtempSync(join(tmpdir(), 'optics-graph-initial-load-'));
const logger = createLogger('silent');

function configFor(dataDir: string) {
  const { NEO4J_URI: _server, ...env } = process.env;
  return loadConfig({ ...env, NEO4J_MODE: 'local', NEO4J_LOCAL_DATA: dataDir, NEO4J_LOCAL_HEAP: '768m', NEO4J_LOCAL_PAGECACHE: '128m', LOG_LEVEL: 'silent' });
}

/** The demo bundle, and what CSV makes hard: quotes, commas and line breaks in text, empty lists, a claim resolved twice, a leaker with no claims. */
interface TestBundle {
  [list: string]: unknown;
  companies: unknown[];
  leakers: unknown[];
  claims: unknown[];
}

function bundle(): TestBundle {
  const demo = JSON.parse(readFileSync(demoBundlePath, 'utf8')) as TestBundle;
  return {
    ...demo,
    companies: [...demo.companies, { id: 'il-maker', name: 'The "Quoted", Maker', roles: ['MANUFACTURER'], markets: [], sources: [] }],
    leakers: [...demo.leakers, { id: 'il-silent', name: 'Silent, "never posts"' }],
    claims: [
      ...demo.claims,
      {
        id: 'il-claim',
        leaker: 'il-silent',
        statement: 'Line one, with "quotes";\nline two\r\nand a tab\tto end.',
        kind: 'WILL_PARTNER',
        subjects: ['il-maker', 'leica'],
        publishedOn: '2021-03-04',
        resolutions: [
          { outcome: 'REFUTED', decidedOn: '2021-05-01', note: 'first call, "wrong"' },
          { outcome: 'CONFIRMED', decidedOn: '2021-09-01', knownSince: '2021-09-05' },
        ],
        sources: [],
      },
    ],
  };
}

function writeBundle(name: string, value: unknown): string {
  const file = join(scratch, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

function holdsDatabase(dataDir: string): boolean {
  const store = join(dataDir, 'data', 'databases', 'neo4j');
  return existsSync(store) && readdirSync(store).length > 0;
}

async function dumpFolder(dataDir: string): Promise<string[]> {
  const db = await startLocalNeo4j({ port: await freeLocalPort(), dataDir, heap: '768m', pageCache: '128m' });
  // Numbers as the service's own driver gives them (GraphExecutor.connect), so both dumps read alike.
  const driver = neo4j.driver(db.uri, neo4j.auth.basic('neo4j', 'unused'), { disableLosslessIntegers: true });
  try {
    return await graphDump(driver);
  } finally {
    await driver.close();
    await db.stop();
  }
}

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('an initial load', () => {
  const loaded = join(scratch, 'loaded');
  const file = writeBundle('bundle.json', bundle());
  let report: Awaited<ReturnType<typeof initialLoad>>;

  beforeAll(async () => {
    report = await initialLoad(file, { dataDir: loaded, config: configFor(loaded), logger, importerHeap: '512m' });
  }, 300_000);

  it('reports what it loaded', () => {
    expect(report.counts).toMatchObject({ companies: 21, leakers: 15, claims: 37 });
    expect(report.counts.resolutions).toBeGreaterThan(2);
    expect(report.counts.evidence).toBeGreaterThan(0);
  });

  it('stores the same graph as the online importer, evidence entries and credibility steps included', async () => {
    const online = join(scratch, 'online');
    const runtime = await startRuntime(configFor(online), logger, { localDataDir: online, localPort: await freeLocalPort() });
    let expected: string[];
    try {
      await importBundleFile(runtime.graph.forImports(), file);
      expected = await graphDump(runtime.graph.driver);
    } finally {
      await runtime.shutdown();
    }
    const actual = await dumpFolder(loaded);
    expect(actual.filter((line) => line.startsWith('Evidence ')).length).toBeGreaterThan(0);
    expect(actual.filter((line) => line.startsWith('CredibilityStep ')).length).toBeGreaterThan(0);
    expect(actual.find((line) => line.includes('"il-claim"') && line.startsWith('Claim '))).toContain('line two\\r\\nand a tab');
    expect(actual).toEqual(expected);
  }, 300_000);

  it('refuses a folder that already holds a database, and leaves it as it was', async () => {
    await expect(initialLoad(file, { dataDir: loaded, config: configFor(loaded), logger })).rejects.toThrow(InitialLoadError);
    await expect(initialLoad(file, { dataDir: loaded, config: configFor(loaded), logger })).rejects.toThrow(/already holds a database .*npm run import/);
    expect(holdsDatabase(loaded)).toBe(true);
  });
});

describe('an initial load that cannot finish', () => {
  it('rejects a bundle with problems, naming them, and creates no database', async () => {
    const broken = bundle();
    broken.claims = [...broken.claims, { id: 'il-orphan', leaker: 'nobody-of-that-name', statement: 'x', kind: 'WILL_PARTNER', subjects: ['leica'], publishedOn: '2021-01-01' }];
    const dataDir = join(scratch, 'rejected');
    const error = await initialLoad(writeBundle('broken.json', broken), { dataDir, config: configFor(dataDir), logger }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BundleRejectedError);
    expect((error as BundleRejectedError).problems.map((p) => `${p.path}: ${p.message}`).join('\n')).toContain('nobody-of-that-name');
    expect(holdsDatabase(dataDir)).toBe(false);
    expect(readdirSync(scratch).filter((name) => name.startsWith('.initial-load'))).toEqual([]);
  });

  it('deletes the database it made when a step after the bulk import fails', async () => {
    const dataDir = join(scratch, 'failed');
    const failing = (phase: string) => {
      if (phase.startsWith('starting Neo4j')) throw new Error('stopped on purpose after the bulk import');
    };
    await expect(initialLoad(file(), { dataDir, config: configFor(dataDir), logger, importerHeap: '512m', onPhase: failing })).rejects.toThrow('stopped on purpose');
    expect(existsSync(join(dataDir, 'data', 'databases', 'neo4j'))).toBe(false);
    expect(existsSync(join(dataDir, 'data', 'transactions', 'neo4j'))).toBe(false);
    expect(readdirSync(scratch).filter((name) => name.startsWith('.initial-load'))).toEqual([]);
  }, 300_000);
});

function file(): string {
  return writeBundle('again.json', bundle());
}
