/**
 * Every Cypher statement the service runs goes through here: one driver per process, managed
 * transactions, the database name always set, one bookmark manager per process (so on a cluster a
 * read follows every write this process made), statements logged at debug level, round trips
 * counted per request, and driver errors mapped to ones a user can act on (graph-errors.ts).
 *
 * Limits: every transaction carries a timeout (NEO4J_TRANSACTION_TIMEOUT for requests,
 * NEO4J_IMPORT_TIMEOUT for imports) that Neo4j enforces; a transaction that runs past it, or past
 * Neo4j's transaction memory limit, fails with GraphTimeoutError / GraphMemoryLimitError and is
 * never retried (the same statement would fail the same way, and a retried memory hog can take a
 * just-restarted Neo4j down again). The driver retries only a connection it could not get, and
 * only briefly; a connection lost mid-statement is not retried for the same reason. A transaction
 * that lost a deadlock to another write is sent again by the executor, for up to 15 s. While Neo4j
 * is unreachable every statement fails at once, including those already waiting for it when it
 * went (availability.ts).
 */
import neo4j, { type BookmarkManager, type Driver, type ManagedTransaction, Neo4jError, type Session, type Transaction } from 'neo4j-driver';
import type { Logger } from '../log.ts';
import { GraphAvailability } from './availability.ts';
import { GraphUnavailableError, graphErrorOf, type TransactionLimits } from './graph-errors.ts';
import { statement, type ProjectionSelection, type StatementName } from './statements.ts';
import { conflictOf, LostToOtherWritesError, lostTooOften } from './conflict.ts';
import { FreshReads } from './fresh-reads.ts';

export { GraphMemoryLimitError, GraphTimeoutError, GraphUnavailableError } from './graph-errors.ts';

/** What one statement of a write transaction returned, with the writes Neo4j counted. */
export interface StatementResult {
  rows: Row[];
  nodesCreated: number;
  relationshipsCreated: number;
}

/** A write transaction its owner commits or rolls back (GraphExecutor.openWriteTransaction). */
export interface OpenTransaction {
  run: StatementRunner;
  commit(): Promise<void>;
  /** Safe to call after a failed commit or twice. */
  rollback(): Promise<void>;
}

/** Runs statements inside one open write transaction; runs may be started before earlier ones finish (Bolt pipelines them). */
export type StatementRunner = (name: StatementName, params: Params) => Promise<StatementResult>;

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** Counts the Cypher round trips one request makes (the dataloader test reads it). */
export interface RoundTripCounter {
  count: number;
  statements: StatementName[];
  /** Entity rows the request read (loaded or primed): what a page costs, whatever the size of the graph. */
  rows?: number;
}

export interface ExecutorOptions {
  /** Timeout of a request's transactions, in ms (NEO4J_TRANSACTION_TIMEOUT). @default 15000 */
  transactionTimeoutMs?: number;
  /** Timeout of an import's transactions, in ms (NEO4J_IMPORT_TIMEOUT; see forImports). @default 3600000 */
  importTimeoutMs?: number;
  /** How often an unreachable Neo4j is asked again, in ms. @default 1000 */
  probeIntervalMs?: number;
}

/** How long the driver keeps retrying a transaction it may retry (a connection it could not get; a deadlock at commit). */
const RETRY_WINDOW_MS = 1000;

/** How long a transaction that keeps losing to other writes for locks is sent again (GraphExecutor.managed). */
const LOCK_RETRY_WINDOW_MS = 15_000;
/** A TCP connect that takes longer than this finds no Neo4j (the driver's default is 30 s). */
const CONNECT_TIMEOUT_MS = 5000;
/** Readiness probes get this long: a Neo4j that takes longer is not ready to serve requests. */
const PROBE_TIMEOUT_MS = 5000;

/** Neo4j could not be used at start (unreachable, wrong credentials, no such database): the message says which and the fix. */
export class StartupConnectionError extends Error {
  override name = 'StartupConnectionError';
}

type TransactionConfig = NonNullable<Parameters<Session['executeRead']>[1]>;
export class GraphExecutor {
  readonly driver: Driver;
  readonly database: string;
  /** Whether Neo4j answers; shared by every view of one driver (see forImports). */
  readonly availability: GraphAvailability;
  /**
   * The bookmarks of every transaction this process committed, shared by every session it opens
   * (and by forImports): on a cluster, where reads go to members that may lag the leader, each read
   * starts once the member it reads from holds every write this process made before it, so a
   * request reads its own mutation, and the next request what any earlier one wrote here. A single
   * server (what the local launcher runs) always holds them; docs/scaling.md covers other replicas.
   */
  readonly bookmarks: BookmarkManager;
  /** Timeout of this executor's transactions, in ms. */
  readonly transactionTimeoutMs: number;
  /** Timeout of an import's transactions, in ms (forImports uses it). */
  readonly importTimeoutMs: number;
  /** The variable that sets transactionTimeoutMs, named in a timeout error. */
  private readonly timeoutSetting: string;
  private readonly logger: Logger;
  /** Reads of the graph's version, shared by the requests asking at once (never one begun before they asked). */
  private readonly versionReads = new FreshReads(async () => {
    const [row] = await this.read('graph-version', {});
    return Number(row?.version ?? 0);
  });

  constructor(
    driver: Driver,
    database: string,
    logger: Logger,
    options: ExecutorOptions = {},
    shared?: { availability: GraphAvailability; timeoutSetting: string; bookmarks: BookmarkManager },
  ) {
    this.driver = driver;
    this.database = database;
    this.logger = logger;
    this.transactionTimeoutMs = options.transactionTimeoutMs ?? 15_000;
    this.importTimeoutMs = options.importTimeoutMs ?? 3_600_000;
    this.timeoutSetting = shared?.timeoutSetting ?? 'NEO4J_TRANSACTION_TIMEOUT';
    this.availability = shared?.availability ?? new GraphAvailability(() => this.ping().then(() => {}), logger, options.probeIntervalMs);
    this.bookmarks = shared?.bookmarks ?? neo4j.bookmarkManager();
  }

  /**
   * The same driver with the import timeout on every transaction: for work that may legitimately
   * take minutes (importing a bundle, the start-up migrations and backfill, loading the demo).
   * Requests never use it.
   */
  forImports(): GraphExecutor {
    const options = { transactionTimeoutMs: this.importTimeoutMs, importTimeoutMs: this.importTimeoutMs };
    return new GraphExecutor(this.driver, this.database, this.logger, options, {
      availability: this.availability,
      timeoutSetting: 'NEO4J_IMPORT_TIMEOUT',
      bookmarks: this.bookmarks,
    });
  }

  static connect(uri: string, username: string, password: string, database: string, logger: Logger, options: ExecutorOptions = {}): GraphExecutor {
    // The local server runs with authentication off and accepts any credentials.
    const auth = neo4j.auth.basic(username, password);
    const driver = neo4j.driver(uri, auth, {
      // Plain JS numbers: every integer this graph stores (counts, years) is far below 2^53.
      disableLosslessIntegers: true,
      connectionAcquisitionTimeout: 20_000,
      connectionTimeout: CONNECT_TIMEOUT_MS,
      maxConnectionPoolSize: 50,
      maxTransactionRetryTime: RETRY_WINDOW_MS,
    });
    return new GraphExecutor(driver, database, logger, options);
  }

  /** Fails with a message naming the URI and the likely cause when Neo4j cannot be used. */
  async verify(uri: string): Promise<string> {
    try {
      const info = await this.driver.getServerInfo({ database: this.database });
      return `${info.agent ?? 'Neo4j'} at ${uri}`;
    } catch (error) {
      throw new StartupConnectionError(describeConnectionError(error, uri, this.database), { cause: error });
    }
  }

  /** A read; `selection` narrows the projections it returns to what the query shows (a page of devices that shows names). */
  read(name: StatementName, params: Params = {}, counter?: RoundTripCounter, selection?: ProjectionSelection): Promise<Row[]> {
    return this.run('READ', name, params, counter, selection);
  }

  write(name: StatementName, params: Params = {}, counter?: RoundTripCounter): Promise<Row[]> {
    return this.run('WRITE', name, params, counter);
  }

  /**
   * How many write transactions have changed the graph: answers kept in memory are valid while it
   * stays (answer-cache.ts, src/http/response-cache.ts). Read after the call, shared with the calls
   * made while it is under way (fresh-reads.ts); each caller counts it as one round trip.
   */
  version(counter?: RoundTripCounter): Promise<number> {
    if (counter) {
      counter.count += 1;
      counter.statements.push('graph-version');
    }
    return this.versionReads.read();
  }

  /** Several statements in one write transaction: all land or none does. */
  async writeAll(steps: { name: StatementName; params: Params }[], counter?: RoundTripCounter): Promise<Row[][]> {
    if (counter) {
      counter.count += 1;
      counter.statements.push(...steps.map((s) => s.name));
    }
    return this.managed('WRITE', steps[0]?.name ?? 'writeAll', async (tx) => {
      const results: Row[][] = [];
      for (const step of steps) {
        this.logger.debug({ statement: step.name }, 'cypher');
        const result = await tx.run(statement(step.name), step.params);
        results.push(result.records.map((record) => record.toObject()));
      }
      await tx.run(statement('bump-graph-version'));
      return results;
    });
  }

  /**
   * One write transaction for work that decides its statements as it goes (the streaming import):
   * all land or none does. Unlike write and writeAll this transaction is not retried at all: it may
   * hold millions of entities and take minutes, and what fails it (its memory limit, above all)
   * would fail it again; the caller can run the import again.
   */
  async inWriteTransaction<T>(work: (run: StatementRunner) => Promise<T>, counter?: RoundTripCounter): Promise<T> {
    const tx = await this.openWriteTransaction('import', counter);
    try {
      const result = await work(tx.run);
      await tx.commit();
      return result;
    } catch (error) {
      await tx.rollback();
      throw this.mapped(error, this.limits());
    }
  }

  /**
   * A write transaction left open for its owner to run statements in, then commit or roll back: for
   * an import that commits in batches (src/import/staging.ts). Not retried, like inWriteTransaction.
   * `timeoutMs: 0` keeps it open without limit (Neo4j's meaning of 0): the import guard lives as long
   * as its import, and `metadata` marks it in SHOW TRANSACTIONS.
   */
  async openWriteTransaction(name: string, counter?: RoundTripCounter, options: { timeoutMs?: number; metadata?: Record<string, string> } = {}): Promise<OpenTransaction> {
    if (counter) counter.count += 1;
    const limits = this.limits();
    this.availability.assertAvailable();
    const session = this.session('WRITE');
    const config = this.transactionConfig(limits, name);
    let tx: Transaction;
    try {
      tx = await session.beginTransaction({ timeout: options.timeoutMs ?? config.timeout, metadata: { ...config.metadata, ...options.metadata } });
    } catch (error) {
      await session.close().catch(() => {});
      throw this.mapped(error, limits);
    }
    const close = () => session.close().catch(() => {});
    return {
      run: async (statementName, params) => {
        counter?.statements.push(statementName);
        const started = performance.now();
        // Errors arrive unmapped (the importer reads its own abort messages in them); map them with mapError.
        const outcome = await tx.run(statement(statementName), params);
        // Pipelined statements overlap: ms is from sending to the last row, waiting included.
        this.logger.debug({ statement: statementName, ms: Math.round(performance.now() - started) }, 'cypher');
        const updates = outcome.summary.counters.updates();
        return { rows: outcome.records.map((record) => record.toObject()), nodesCreated: updates.nodesCreated, relationshipsCreated: updates.relationshipsCreated };
      },
      commit: async () => {
        try {
          // Every write transaction moves the graph version last, so kept outlooks are asked again.
          await tx.run(statement('bump-graph-version'));
          await tx.commit();
        } finally {
          await close();
        }
      },
      rollback: async () => {
        if (tx.isOpen()) await tx.rollback().catch(() => {});
        await close();
      },
    };
  }

  /** A driver error as the user-facing error it stands for (what every other method throws). */
  mapError(error: unknown): unknown {
    return this.mapped(error, this.limits());
  }

  /**
   * Moves the graph's version on its own, for changes made by scripts (migrations), which may change
   * schema and so cannot share a transaction with it (answer-cache.ts).
   */
  async markChanged(): Promise<void> {
    await this.managed('WRITE', 'bump-graph-version', (tx) => tx.run(statement('bump-graph-version')));
  }

  /** Runs raw Cypher text (migrations and their bookkeeping, whose text lives in cypher/migrations). */
  async runScript(cypher: string, params: Params = {}, mode: 'READ' | 'WRITE' = 'WRITE'): Promise<Row[]> {
    const result = await this.managed(mode, 'script', (tx) => tx.run(cypher, params));
    return result.records.map((record) => record.toObject());
  }

  /**
   * Asks Neo4j one trivial read (the migrations it holds) with a short timeout and no retry, for
   * /ready and for the probe while Neo4j is down. Marks Neo4j up or down by the answer.
   */
  async ping(): Promise<{ ms: number; migrationIds: string[] }> {
    const started = performance.now();
    // No bookmarks: the probe asks whether Neo4j answers, not whether a member has caught up.
    const session = this.session('READ', null);
    let timer: NodeJS.Timeout | undefined;
    // Neo4j enforces the timeout only while it runs: a server that stopped answering (frozen, or a
    // network that drops packets) is caught by this clock instead.
    const silence = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new GraphUnavailableError(`no answer within ${(PROBE_TIMEOUT_MS + 1000) / 1000} s`)), PROBE_TIMEOUT_MS + 1000);
    });
    try {
      const result = await Promise.race([session.run('MATCH (m:Migration) RETURN collect(m.id) AS ids', {}, { timeout: PROBE_TIMEOUT_MS }), silence]);
      this.availability.markUp();
      return { ms: Math.round(performance.now() - started), migrationIds: (result.records[0]?.get('ids') as string[]) ?? [] };
    } catch (error) {
      throw this.mapped(error, { timeoutMs: PROBE_TIMEOUT_MS, timeoutSetting: 'the readiness probe' });
    } finally {
      clearTimeout(timer);
      // Not awaited: closing a session on a server that stopped answering would wait as long.
      void session.close().catch(() => {});
    }
  }

  async close(): Promise<void> {
    this.availability.stop();
    await this.driver.close();
  }

  private async run(mode: 'READ' | 'WRITE', name: StatementName, params: Params, counter?: RoundTripCounter, selection?: ProjectionSelection): Promise<Row[]> {
    if (counter) {
      counter.count += 1;
      counter.statements.push(name);
    }
    const started = performance.now();
    const result = await this.managed(mode, name, async (tx) => {
      const outcome = await tx.run(statement(name, selection), params);
      // Every write moves the graph's version, in its own transaction (answer-cache.ts).
      if (mode === 'WRITE') await tx.run(statement('bump-graph-version'));
      return outcome;
    });
    this.logger.debug({ statement: name, ms: Math.round(performance.now() - started), rows: result.records.length }, 'cypher');
    return result.records.map((record) => record.toObject());
  }

  /**
   * A managed transaction, sent again while it loses to other writes for locks (a deadlock Neo4j
   * broke by ending this one) for up to LOCK_RETRY_WINDOW_MS, then a ConflictError. The driver's own
   * retry window is short (it is also how long a request waits for a connection), and several writes
   * beside an import can deadlock again on the retry: resolveClaim beside an import failed that way
   * under load. The whole transaction is sent again, so nothing of a lost attempt stays.
   */
  private async managed<T>(mode: 'READ' | 'WRITE', name: string, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const started = performance.now();
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.managedOnce(mode, name, work);
      } catch (error) {
        if (!(error instanceof LostToOtherWritesError)) throw error;
        if (performance.now() - started > LOCK_RETRY_WINDOW_MS) throw lostTooOften(error, LOCK_RETRY_WINDOW_MS / 1000);
        this.logger.debug({ statement: name, attempt, reason: error.message }, 'lost to other writes; sending the transaction again');
        // Backing off, with jitter, so the writes that crossed do not cross again.
        await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** attempt) * (0.5 + Math.random())));
      }
    }
  }

  /**
   * A managed transaction with a timeout. Errors from inside the work are mapped before the driver
   * sees them: a memory, time or connection failure, or a lost deadlock, is then no longer a
   * Neo4jError and the driver does not retry it (`managed` sends a lost deadlock again).
   */
  private async managedOnce<T>(mode: 'READ' | 'WRITE', name: string, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const limits = this.limits();
    this.availability.assertAvailable();
    const session = this.session(mode);
    const guarded = async (tx: ManagedTransaction) => {
      try {
        return await work(tx);
      } catch (error) {
        const mapped = this.mapped(error, limits);
        // One line per attempt: a retried statement shows up as several.
        this.logger.debug({ statement: name, error: (mapped as Error).name, code: (error as { code?: string }).code }, 'cypher failed');
        throw mapped;
      }
    };
    const config = this.transactionConfig(limits, name);
    let settled = false;
    const attempt = (mode === 'READ' ? session.executeRead(guarded, config) : session.executeWrite(guarded, config)).finally(() => {
      settled = true;
    });
    try {
      return await this.availability.unlessDown(attempt);
    } catch (error) {
      throw this.mapped(error, limits);
    } finally {
      const closed = attempt.then(noop, noop).then(() => session.close().catch(noop));
      // Abandoned because Neo4j went down: the session closes once the driver's last retry ends.
      if (settled) await closed;
    }
  }

  /** A session of `mode` that starts from and adds to `bookmarks` (this process's; null: none). */
  private session(mode: 'READ' | 'WRITE', bookmarks: BookmarkManager | null = this.bookmarks): Session {
    const defaultAccessMode = mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE;
    return this.driver.session({ database: this.database, defaultAccessMode, ...(bookmarks ? { bookmarkManager: bookmarks } : {}) });
  }

  private limits(): TransactionLimits {
    return { timeoutMs: this.transactionTimeoutMs, timeoutSetting: this.timeoutSetting };
  }

  /** Shown in Neo4j's SHOW TRANSACTIONS and query log, so a slow transaction can be traced to its statement. */
  private transactionConfig(limits: TransactionLimits, name: string): TransactionConfig {
    return { timeout: limits.timeoutMs, metadata: { app: 'optics-graph', statement: name } };
  }

  private mapped(error: unknown, limits: TransactionLimits): unknown {
    const mapped = conflictOf(graphErrorOf(error, limits));
    if (mapped instanceof GraphUnavailableError) this.availability.markDown(mapped.reason);
    return mapped;
  }
}

function noop(): void {}

function describeConnectionError(error: unknown, uri: string, database: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof Neo4jError ? error.code : '';
  if (code === 'Neo.ClientError.Security.Unauthorized') {
    return `Neo4j at ${uri} refused the credentials: check NEO4J_USERNAME and NEO4J_PASSWORD (${message})`;
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return `Neo4j at ${uri} has no database "${database}": set NEO4J_DATABASE to an existing database (${message})`;
  }
  if (code === 'ServiceUnavailable' || /ECONNREFUSED|ENOTFOUND|getaddrinfo|timed out/i.test(message)) {
    return `cannot reach Neo4j at ${uri}: check NEO4J_URI and that the server is running (${message})`;
  }
  return `cannot use Neo4j at ${uri}: ${message}`;
}
