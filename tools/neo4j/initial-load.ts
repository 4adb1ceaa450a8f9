/**
 * An initial load: a bundle into a local Neo4j data folder that holds no database yet, at the speed
 * of Neo4j's offline bulk importer (`neo4j-admin database import full`, shipped in the launcher's
 * jars) instead of transactions. For the first fill of a large graph (the benchmark's million
 * claims); a live graph takes bundles through `npm run import`.
 *
 * 1. One streamed pass validates the bundle as the importer does and writes CSV files of everything
 *    the graph will store (src/import/initial-load/load-files.ts). A rejected bundle stops here.
 * 2. The bulk importer builds the store from them in the data folder (Neo4j is not running on it).
 * 3. Neo4j starts on the store the way the service starts it (migrations: constraints, indexes),
 *    and what CSV cannot carry is written (finish-load.ts: empty lists).
 * All or nothing: if anything fails after step 1, the database the load created is deleted, so the
 * folder holds no database, as before. The CSV files are deleted in every case.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../../src/config.ts';
import type { Logger } from '../../src/log.ts';
import { bundleFilePieces } from '../../src/import/bundle-file.ts';
import { finishLoad } from '../../src/import/initial-load/finish-load.ts';
import { writeLoadFiles, type LoadFiles } from '../../src/import/initial-load/load-files.ts';
import { BundleRejectedError } from '../../src/import/problems.ts';
import { startRuntime } from '../../src/runtime.ts';
import { ensureLauncherBuilt, freeLocalPort, launcherClasspath } from './local-neo4j.ts';

/** Neo4j's default database, the one the service uses. */
const DATABASE = 'neo4j';

export class InitialLoadError extends Error {
  override name = 'InitialLoadError';
}

export interface InitialLoadOptions {
  /** The local Neo4j data folder (NEO4J_LOCAL_DATA); it must hold no database. */
  dataDir: string;
  /** The service's configuration (heap and page cache of the local Neo4j started in step 3). */
  config: Config;
  logger: Logger;
  /** Heap of the bulk importer's JVM. @default '2g' */
  importerHeap?: string;
  /** Memory the bulk importer may use besides its heap (its --max-off-heap-memory). @default Neo4j's: 90% of free memory */
  importerOffHeap?: string;
  onPhase?: (phase: string) => void;
}

export interface InitialLoadReport {
  counts: Record<string, number>;
  relationships: number;
  /** Seconds per phase, in order. */
  seconds: Record<string, number>;
}

/** Loads `file` into the empty data folder, all or nothing; throws BundleRejectedError with every problem of a bad bundle. */
export async function initialLoad(file: string, options: InitialLoadOptions): Promise<InitialLoadReport> {
  if (options.config.neo4j.uri) {
    throw new InitialLoadError(
      'an initial load fills a local Neo4j data folder, but NEO4J_URI names a server: unset it (the folder is NEO4J_LOCAL_DATA), or import into that server with npm run import',
    );
  }
  const dataDir = resolve(options.dataDir);
  const storeDirs = [join(dataDir, 'data', 'databases', DATABASE), join(dataDir, 'data', 'transactions', DATABASE)];
  const held = storeDirs.find((dir) => existsSync(dir) && readdirSync(dir).length > 0);
  if (held) {
    throw new InitialLoadError(
      `${dataDir} already holds a database (${held}): an initial load only fills a folder without one. Import into a running graph with npm run import, or point NEO4J_LOCAL_DATA at a new folder`,
    );
  }
  const seconds: Record<string, number> = {};
  let phaseStarted = performance.now();
  let phase = 'validating and writing load files';
  const enter = (next: string) => {
    seconds[phase] = Math.round((performance.now() - phaseStarted) / 100) / 10;
    phase = next;
    phaseStarted = performance.now();
    options.onPhase?.(next);
  };
  options.onPhase?.(phase);
  mkdirSync(dataDir, { recursive: true });
  const scratch = mkdtempSync(join(dataDir, '..', `.initial-load-${process.pid}-`));
  let created = false;
  try {
    const files = await writeLoadFiles(await bundleFilePieces(file), scratch);
    if (files.problems.length > 0) throw new BundleRejectedError(files.problems);
    enter('bulk-importing');
    created = true;
    await runBulkImporter(dataDir, files, { heap: options.importerHeap ?? '2g', offHeap: options.importerOffHeap }, options.logger);
    rmSync(scratch, { recursive: true, force: true });
    enter('starting Neo4j, migrations and indexes');
    const config: Config = { ...options.config, neo4j: { ...options.config.neo4j, mode: 'local', localDataDir: dataDir } };
    const runtime = await startRuntime(config, options.logger, { localDataDir: dataDir, localPort: await freeLocalPort() });
    try {
      const graph = runtime.graph.forImports();
      await graph.runScript('CALL db.awaitIndexes(3600)');
      await finishLoad(graph, files.emptyLists, (next) => enter(next));
      enter('done');
      return { counts: files.counts, relationships: files.relationships.reduce((sum, f) => sum + f.rows, 0), seconds };
    } finally {
      await runtime.shutdown();
    }
  } catch (error) {
    if (created) for (const dir of storeDirs) rmSync(dir, { recursive: true, force: true });
    throw error;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Runs the offline bulk importer on the data folder; fails with its own words when it refuses the files. */
async function runBulkImporter(dataDir: string, files: LoadFiles, memory: { heap: string; offHeap?: string | undefined }, logger: Logger): Promise<void> {
  ensureLauncherBuilt();
  const conf = mkdtempSync(join(dataDir, '..', `.initial-load-conf-${process.pid}-`));
  const multiline = files.nodes.filter((f) => f.multiline).map((f) => f.path);
  const args = [
    `-Xmx${memory.heap}`,
    '-cp',
    launcherClasspath(),
    'org.neo4j.cli.AdminTool',
    'database',
    'import',
    'full',
    DATABASE,
    '--array-delimiter=U+001F',
    // A field must fit its read buffer (4 MB by default): the busiest partner's evidence digest is 1 MB at 1M claims.
    `--read-buffer-size=${Math.max(4, Math.ceil((files.longestField * 2) / 2 ** 20))}m`,
    // Its default is import.report in the working directory: keep it with the scratch files.
    `--report-file=${join(conf, 'import.report')}`,
    // Validation already refused anything the store could not take: one bad row is a bug here.
    '--bad-tolerance=0',
    '--skip-bad-relationships=false',
    '--skip-duplicate-nodes=false',
    ...(memory.offHeap ? [`--max-off-heap-memory=${memory.offHeap}`] : []),
    ...(multiline.length > 0 ? ['--multiline-fields-format=v2', `--multiline-fields=${multiline.join(',')}`] : []),
    ...files.nodes.filter((f) => f.rows > 0).map((f) => `--nodes=${f.label}=${f.path}`),
    ...files.relationships.filter((f) => f.rows > 0).map((f) => `--relationships=${f.type}=${f.path}`),
  ];
  try {
    const output = await new Promise<string>((resolveRun, reject) => {
      const child = spawn('java', args, { env: { ...process.env, NEO4J_HOME: dataDir, NEO4J_CONF: conf }, stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      const keep = (chunk: Buffer) => {
        text = (text + chunk.toString()).slice(-20_000);
      };
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      child.once('error', (error) => reject(new InitialLoadError(`could not run java for the bulk importer: ${error.message}`)));
      child.once('exit', (code) => (code === 0 ? resolveRun(text) : reject(new InitialLoadError(`the bulk importer failed (exit ${code}):\n${lastLines(text)}`))));
    });
    logger.info({ summary: lastLines(output, 8) }, 'bulk importer done');
  } finally {
    rmSync(conf, { recursive: true, force: true });
  }
}

function lastLines(text: string, count = 15): string {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^[. ]+\d+%/.test(line.trim()) && !/^\s+at /.test(line))
    .slice(-count)
    .join('\n');
}
