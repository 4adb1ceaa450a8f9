/**
 * Imports a bundle into the graph: `npm run import -- <file> [--dry-run]`.
 *
 * Gets Neo4j the way the service does (NEO4J_URI, else Docker, else the local Neo4j: the one the
 * running service or `npm run neo4j` uses, found through the note in its data folder, else its own),
 * checks the bundle against the schema and the graph, and either prints every problem and exits 1
 * having written nothing, or writes it all or nothing (one transaction, or staged batches published
 * by one transaction: src/import/staging.ts) and prints what was created, changed and left unchanged
 * per kind. Whatever it started, it stops again: on success, on errors and on Ctrl-C.
 */
import { loadConfig, type Config } from '../src/config.ts';
import { createLogger, type Logger } from '../src/log.ts';
import { startRuntime, type Runtime } from '../src/runtime.ts';
import { GraphMemoryLimitError } from '../src/graph/executor.ts';
import { ENTITY_KINDS } from '../src/import/bundle.ts';
import { BundleFileError } from '../src/import/read-bundle-file.ts';
import { bundleFilePieces } from '../src/import/bundle-file.ts';
import type { GraphEvents } from '../src/events/graph-events.ts';
import { BundleRejectedError, checkBundleFile, importBundleFile, type ImportProgress, type ImportReport, type KindCounts, type Problem } from '../src/import/import-bundle.ts';

/**
 * Neo4j transaction memory per claim, measured on Neo4j 5.26 with bench/generate.ts bundles. In one
 * transaction (a bundle of at most --entities-per-transaction entities): 2.1 GB at 50,000 claims and
 * 3.8 GB at 100,000, the commit included. A larger bundle is staged in batches of that many, and
 * its last transaction publishes every staged node (about 4.3 per claim: the claim, its resolutions
 * and evidence entries, at 2.1-2.5 KB each): 2.6 GB at 200,000 claims before the commit. Used to say
 * how much heap a bundle needs when Neo4j runs out.
 */
const CLAIM_KB = 36;
const PUBLISHED_CLAIM_KB = 13;
const ENTITIES_PER_TRANSACTION = 10_000;

const usage = `usage: npm run import -- <bundle.json> [--dry-run] [--entities-per-transaction N] [--initial-load]
  Checks the bundle (schema/bundle-format.md) against the graph and imports it all or nothing.
  --dry-run  check only; print every problem, write nothing
  --initial-load  fill a local Neo4j data folder (NEO4J_LOCAL_DATA) that holds no database yet with
             Neo4j's offline bulk importer: the same validation, the same stored graph, many times
             faster for a large bundle (a million claims in minutes); no Neo4j may run on the folder.
             All or nothing: a failure deletes the database it made (Ctrl-C leaves it half made:
             delete the folder). The bulk importer's JVM takes INITIAL_LOAD_HEAP (2g) of heap and
             up to INITIAL_LOAD_OFF_HEAP besides (Neo4j's default: 90% of free memory).
  --entities-per-transaction N  (${ENTITIES_PER_TRANSACTION}) a larger bundle is staged in committed batches of N
             entities that readers do not see, and published by one last transaction; a failure,
             or a kill, deletes what was staged (at the next start, for a kill)
  Memory: the file is streamed (Node stays near 0.5 GB for a million claims). Neo4j holds about
  ${CLAIM_KB} KB of transaction memory per claim in a batch, and about ${PUBLISHED_CLAIM_KB} KB per claim of the whole bundle in
  the last transaction (with its resolutions, evidence entries and credibility steps): a million claims
  need about ${Math.round((PUBLISHED_CLAIM_KB * 1e6) / 2 ** 20)} GB there. Neo4j lets transactions use 70% of its heap by default: for the
  local Neo4j set NEO4J_LOCAL_HEAP (measured: 200,000 claims in one bundle with 10g).
  Neo4j: NEO4J_URI (and NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE), else Docker, else the local
  Neo4j: the one \`npm start\` or \`npm run neo4j\` runs on NEO4J_LOCAL_DATA if there is one, else one
  started for the import and stopped after it.
  Subscribers of running services hear of the import when EVENT_BUS_URL names their Redis.`;

class CliError extends Error {}

let starting: Promise<Runtime> | null = null;
let events: GraphEvents | null = null;
let shuttingDown: Promise<void> | null = null;

/** Stops whatever this process started, once, however it ends. */
function shutdown(): Promise<void> {
  shuttingDown ??= (async () => {
    await events?.close().catch(() => {});
    const runtime = await starting?.catch(() => null);
    await runtime?.shutdown().catch((error: unknown) => console.error(`could not stop Neo4j cleanly: ${message(error)}`));
  })();
  return shuttingDown;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(
      `\n${signal === 'SIGINT' ? 'interrupted' : 'terminated'}: stopping; an import not yet committed is rolled back (what a large one staged is deleted at the next start of the importer or the service)`,
    );
    void shutdown().finally(() => process.exit(130));
  });
}

async function main(args: string[]): Promise<number> {
  const dryRun = args.includes('--dry-run');
  const batchArg = args.indexOf('--entities-per-transaction');
  const entitiesPerTransaction = batchArg >= 0 ? Number(args[batchArg + 1]) : ENTITIES_PER_TRANSACTION;
  if (!Number.isInteger(entitiesPerTransaction) || entitiesPerTransaction < 1) throw new CliError(`--entities-per-transaction needs a whole number of at least 1\n${usage}`);
  const rest = batchArg >= 0 ? args.filter((_, i) => i !== batchArg && i !== batchArg + 1) : args;
  const positional = rest.filter((arg) => !arg.startsWith('--'));
  const unknown = rest.filter((arg) => arg.startsWith('--') && arg !== '--dry-run' && arg !== '--initial-load');
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage);
    return 0;
  }
  const [file, ...extra] = positional;
  if (file === undefined || extra.length > 0 || unknown.length > 0) throw new CliError(usage);
  // Fails early on a missing file; broken JSON is found while reading (the file is streamed, never held whole).
  await bundleFilePieces(file).catch((error: unknown) => {
    throw error instanceof BundleFileError ? new CliError(error.message) : error;
  });

  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
  const logger = createLogger(config.logLevel);
  if (args.includes('--initial-load')) {
    if (dryRun || batchArg >= 0) throw new CliError(`--initial-load takes neither --dry-run nor --entities-per-transaction\n${usage}`);
    return loadInitially(file, config, logger);
  }
  starting = startRuntime(config, logger, { onProgress: (line) => console.error(`neo4j: ${line}`) });
  const runtime = await starting.catch((error: unknown) => {
    // A running service or `npm run neo4j` leaves a note in the data folder that startRuntime follows;
    // a Neo4j that holds the folder or port without one was started some other way.
    if (/lock|busy/i.test(message(error))) {
      throw new CliError(
        `cannot start the local Neo4j: another process holds ${/lock/i.test(message(error)) ? `its data folder ${config.neo4j.localDataDir}` : `port ${config.neo4j.localPort}`}; ` +
          `if that is a Neo4j, import into it with: NEO4J_URI=bolt://127.0.0.1:${config.neo4j.localPort} npm run import -- ${process.argv.slice(2).join(' ')}`,
      );
    }
    throw new CliError(`cannot start Neo4j: ${message(error)}`);
  });
  console.error(`neo4j: connected (${runtime.connection.origin}, ${runtime.connection.uri}, Neo4j ${runtime.neo4jVersion})`);
  // One bundle is one transaction that may take minutes: NEO4J_IMPORT_TIMEOUT bounds it, not a request's timeout.
  const graph = runtime.graph.forImports();

  try {
    if (dryRun) {
      const problems = await checkBundleFile(graph, file);
      if (problems.length > 0) return rejected(file, problems);
      console.log(`${file}: no problems found; nothing was written (--dry-run)`);
      return 0;
    }
    // Running services hear of the import through the shared bus; without one there is nobody to tell.
    if (config.eventBusUrl) {
      // Loaded only here: yoga's pub/sub and ioredis cost an import without a bus a second of start-up.
      const { connectGraphEvents } = await import('../src/events/event-bus.ts');
      events = await connectGraphEvents(config.eventBusUrl, logger).catch((error: unknown) => {
        throw new CliError(`${message(error)}; nothing was written`);
      });
    }
    const started = performance.now();
    const phase = (what: string) => console.error(`${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s  ${what}`);
    phase('reading and validating');
    let claims = 0;
    const report = await importBundleFile(graph, file, {
      entitiesPerTransaction,
      events: events ?? undefined,
      onProgress: progressPrinter(),
      onValidated: (problems, entities) => {
        claims = entities.claims;
        phase(problems.length > 0 ? `${problems.length} problems found` : `valid: ${entities.claims} claims`);
      },
      onPhase: phase,
    }).catch((error: unknown) => {
      if (!(error instanceof GraphMemoryLimitError)) throw error;
      const needed = (Math.min(claims, entitiesPerTransaction) * CLAIM_KB + (claims > entitiesPerTransaction ? claims * PUBLISHED_CLAIM_KB : 0)) / 2 ** 20;
      throw new CliError(
        `import failed, nothing was written: ${error.message}.\nThis bundle (${claims} claims) needs about ${needed.toFixed(1)} GB of transaction memory, ` +
          `so about ${Math.ceil(needed / 0.7 + 1)} GB of Neo4j heap (NEO4J_LOCAL_HEAP=${Math.ceil(needed / 0.7 + 1)}g for the local Neo4j).`,
      );
    });
    phase('committed');
    const seconds = (performance.now() - started) / 1000;
    const entities =
      report.totals.created +
      report.totals.changed +
      report.totals.unchanged -
      report.kinds.resolutions.created -
      report.kinds.resolutions.changed -
      report.kinds.resolutions.unchanged;
    console.log(`${file}: imported in ${seconds.toFixed(1)} s (${Math.round(entities / seconds)} top-level entities/s)\n`);
    console.log(reportTable(report));
    return 0;
  } catch (error) {
    if (error instanceof BundleRejectedError) return rejected(file, error.problems);
    if (error instanceof BundleFileError) throw new CliError(error.message);
    throw error;
  }
}

/** `--initial-load`: the bundle into an empty local data folder through the offline bulk importer. */
async function loadInitially(file: string, config: Config, logger: Logger): Promise<number> {
  // Loaded only here: it drives the local Neo4j's own jars, which a server install (NEO4J_URI) has no use for.
  const { InitialLoadError, initialLoad } = await import('../tools/neo4j/initial-load.ts');
  const started = performance.now();
  const phase = (what: string) => console.error(`${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s  ${what}`);
  try {
    const report = await initialLoad(file, {
      dataDir: config.neo4j.localDataDir,
      config,
      logger,
      importerHeap: process.env.INITIAL_LOAD_HEAP?.trim() || undefined,
      onPhase: phase,
    });
    const seconds = (performance.now() - started) / 1000;
    const entities = ENTITY_KINDS.reduce((sum, kind) => sum + (kind === 'resolutions' ? 0 : (report.counts[kind] ?? 0)), 0);
    console.log(`${file}: loaded into ${config.neo4j.localDataDir} in ${seconds.toFixed(1)} s (${Math.round(entities / seconds)} top-level entities/s)\n`);
    const kinds = [...ENTITY_KINDS, 'credibilitySteps', 'evidence'].map((kind) => `${kind.padEnd(18)}${String(report.counts[kind] ?? 0).padStart(10)}`);
    console.log([...kinds, `${'relationships'.padEnd(18)}${String(report.relationships).padStart(10)}`].join('\n'));
    console.log(
      `\nseconds per phase: ${Object.entries(report.seconds)
        .map(([name, s]) => `${name} ${s}`)
        .join(', ')}`,
    );
    return 0;
  } catch (error) {
    if (error instanceof BundleRejectedError) return rejected(file, error.problems);
    if (error instanceof BundleFileError || error instanceof InitialLoadError) throw new CliError(error.message);
    throw error;
  }
}

function rejected(file: string, problems: Problem[]): number {
  console.log(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written`);
  for (const problem of problems) console.log(`  ${problem.path}: ${problem.message}`);
  return 1;
}

/** Progress on stderr for large bundles: a live line on a terminal, else every tenth batch. */
function progressPrinter(): (progress: ImportProgress) => void {
  return ({ batch, batches, kind, phase, rowsWritten, rowsTotal }) => {
    if (rowsTotal < 5000) return;
    const line = `writing batch ${batch}/${batches}: ${rowsWritten}/${rowsTotal} rows (${kind}, ${phase})`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line.padEnd(60)}${batch === batches ? '\n' : ''}`);
    else if (batch === batches || batch % Math.ceil(batches / 10) === 0) console.error(line);
  };
}

function reportTable(report: ImportReport): string {
  const showDeleted = report.totals.deleted > 0;
  const columns: (keyof KindCounts)[] = ['created', 'changed', 'unchanged', ...(showDeleted ? (['deleted'] as const) : [])];
  const rows: [string, ...number[]][] = ENTITY_KINDS.map((kind) => [kind, ...columns.map((c) => report.kinds[kind][c])]);
  rows.push(['total', ...columns.map((c) => report.totals[c])]);
  const header = ['kind'.padEnd(14), ...columns.map((c) => c.padStart(10))].join('');
  const lines = rows.map(([kind, ...counts]) => [kind.padEnd(14), ...counts.map((n) => String(n).padStart(10))].join(''));
  return [header, ...lines.slice(0, -1), '-'.repeat(header.length), lines.at(-1)].join('\n');
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

let exitCode = 1;
try {
  exitCode = await main(process.argv.slice(2));
} catch (error) {
  // Expected failures (config, connection, a write Neo4j refused) read best as their message alone.
  const detail = error instanceof Error && process.env.LOG_LEVEL === 'debug' ? (error.stack ?? error.message) : message(error);
  console.error(error instanceof CliError ? error.message : `import failed: ${detail}`);
  exitCode = error instanceof CliError && error.message === usage ? 2 : 1;
} finally {
  await shutdown();
}
process.exit(exitCode);
