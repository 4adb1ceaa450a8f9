/**
 * A fresh local Neo4j for one benchmark phase: a new temporary data folder, a free port, and the
 * memory given (passed through the service's own config, NEO4J_LOCAL_HEAP / NEO4J_LOCAL_PAGECACHE,
 * so the launcher starts exactly as the service would). `stop()` shuts the driver, stops the Neo4j
 * process (by its pid, in local-neo4j.ts) and deletes the folder; it is safe to call twice.
 * Local on purpose: the bench imports a large world and must never write into a NEO4J_URI server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../src/config.ts';
import { createLogger, type Logger } from '../src/log.ts';
import { startRuntime, type Runtime } from '../src/runtime.ts';
import { freeLocalPort, sizeInBytes } from '../tools/neo4j/local-neo4j.ts';

export interface Memory {
  heap: string;
  pageCache: string;
}

export interface FreshNeo4j {
  runtime: Runtime;
  config: Config;
  logger: Logger;
  /** The data folder it runs on (tools/neo4j/running-neo4j.ts notes its process there). */
  dataDir: string;
  stop(): Promise<void>;
}

/** A new temporary data folder for startFreshNeo4j (or for an initial load before it). */
export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'optics-graph-bench-'));
}

/** Starts Neo4j on `dataDir` (default: a new folder); stop() deletes the folder unless `keep`. */
export async function startFreshNeo4j(memory: Memory, log: (line: string) => void, dataDir = freshDataDir(), keep = false): Promise<FreshNeo4j> {
  const { NEO4J_URI: _ignored, ...env } = process.env;
  const config = loadConfig({
    ...env,
    NEO4J_MODE: 'local',
    NEO4J_LOCAL_HEAP: memory.heap,
    NEO4J_LOCAL_PAGECACHE: memory.pageCache,
    // The bench imports bundles of 100,000 claims, whose last transaction holds about 1.3 GB: one
    // transaction may use all the transaction memory (70% of the heap) here, where nothing else runs.
    NEO4J_LOCAL_TX_MEMORY: `${Math.floor((sizeInBytes(memory.heap) * 0.7) / 2 ** 20)}m`,
    LOG_LEVEL: 'warn',
    LOAD_DEMO_WHEN_EMPTY: 'false',
  });
  const logger = createLogger('warn');
  let runtime: Runtime;
  try {
    runtime = await startRuntime(config, logger, { localPort: await freeLocalPort(), localDataDir: dataDir, onProgress: (line) => log(`neo4j: ${line}`) });
  } catch (error) {
    if (!keep) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  let stopping: Promise<void> | null = null;
  return {
    runtime,
    config,
    logger,
    dataDir,
    stop: () => (stopping ??= runtime.shutdown().finally(() => keep || rmSync(dataDir, { recursive: true, force: true }))),
  };
}

const importScript = fileURLToPath(new URL('../scripts/import.ts', import.meta.url));
let importer: ChildProcess | null = null;

/**
 * Imports a bundle file with the project's own CLI (`npm run import`), in a child process pointed at
 * this Neo4j: whatever the importer becomes, the bench measures the one users run. Returns seconds.
 */
export function importBundleFile(uri: string, file: string, log: (line: string) => void): Promise<number> {
  return runImporter([file], { NEO4J_MODE: 'uri', NEO4J_URI: uri }, log);
}

/**
 * The same CLI's initial load (`npm run import -- --initial-load`) into an empty data folder, with no
 * Neo4j running on it yet; startFreshNeo4j starts one on the folder afterwards. Returns seconds.
 */
export function loadInitially(dataDir: string, file: string, memory: Memory, log: (line: string) => void): Promise<number> {
  const { NEO4J_URI: _server, ...env } = process.env;
  return runImporter(
    [file, '--initial-load'],
    { ...env, NEO4J_MODE: 'local', NEO4J_LOCAL_DATA: dataDir, NEO4J_LOCAL_HEAP: memory.heap, NEO4J_LOCAL_PAGECACHE: memory.pageCache },
    log,
    false,
  );
}

function runImporter(args: string[], env: NodeJS.ProcessEnv, log: (line: string) => void, inherit = true): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [importScript, ...args], {
      env: { ...(inherit ? process.env : {}), ...env, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    importer = child;
    let output = '';
    const collect = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('exit', (code) => {
      importer = null;
      if (code === 0) {
        log(
          output
            .trim()
            .split('\n')
            .filter((line) => /imported in|loaded into|^total|^seconds per phase/.test(line))
            .map((line) => `import: ${line}`)
            .join('\n'),
        );
        resolve((performance.now() - started) / 1000);
      } else reject(new Error(`import of ${args[0]} failed (exit ${code}):\n${output.slice(-3000)}`));
    });
  });
}

/** Stops an import still running (Ctrl-C, or an error elsewhere), by its process id. */
export function stopImport(): void {
  if (importer?.pid && importer.exitCode === null) process.kill(importer.pid, 'SIGTERM');
}
