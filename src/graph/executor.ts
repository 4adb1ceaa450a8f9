/**
 * Every Cypher statement the service runs goes through here: one driver per process, managed
 * transactions (executeRead/executeWrite retry transient failures), the database name always set,
 * statements logged at debug level, round trips counted per request, and driver errors mapped to
 * ones a user can act on.
 */
import neo4j, { type Driver, type ManagedTransaction, Neo4jError } from 'neo4j-driver';
import type { Logger } from '../log.ts';
import { statement, type StatementName } from './statements.ts';
import { conflictOf } from './conflict.ts';

export class GraphUnavailableError extends Error {
  override name = 'GraphUnavailableError';
}

/** Neo4j refused a transaction for want of memory (its heap, or its transaction memory limit). */
export class GraphMemoryLimitError extends Error {
  override name = 'GraphMemoryLimitError';
}

/** What one statement of a write transaction returned, with the writes Neo4j counted. */
export interface StatementResult {
  rows: Row[];
  nodesCreated: number;
  relationshipsCreated: number;
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

export class GraphExecutor {
  readonly driver: Driver;
  readonly database: string;
  private readonly logger: Logger;

  constructor(driver: Driver, database: string, logger: Logger) {
    this.driver = driver;
    this.database = database;
    this.logger = logger;
  }

  static connect(uri: string, username: string, password: string, database: string, logger: Logger): GraphExecutor {
    // The local server runs with authentication off and accepts any credentials.
    const auth = neo4j.auth.basic(username, password);
    const driver = neo4j.driver(uri, auth, {
      // Plain JS numbers: every integer this graph stores (counts, years) is far below 2^53.
      disableLosslessIntegers: true,
      connectionAcquisitionTimeout: 20_000,
      maxConnectionPoolSize: 50,
    });
    return new GraphExecutor(driver, database, logger);
  }

  /** Fails with a message naming the URI and the likely cause when Neo4j cannot be used. */
  async verify(uri: string): Promise<string> {
    try {
      const info = await this.driver.getServerInfo({ database: this.database });
      return `${info.agent ?? 'Neo4j'} at ${uri}`;
    } catch (error) {
      throw new GraphUnavailableError(describeConnectionError(error, uri, this.database));
    }
  }

  read(name: StatementName, params: Params = {}, counter?: RoundTripCounter): Promise<Row[]> {
    return this.run('READ', name, params, counter);
  }

  write(name: StatementName, params: Params = {}, counter?: RoundTripCounter): Promise<Row[]> {
    return this.run('WRITE', name, params, counter);
  }

  /** Several statements in one write transaction: all land or none does. */
  async writeAll(steps: { name: StatementName; params: Params }[], counter?: RoundTripCounter): Promise<Row[][]> {
    if (counter) {
      counter.count += 1;
      counter.statements.push(...steps.map((s) => s.name));
    }
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(async (tx: ManagedTransaction) => {
        const results: Row[][] = [];
        for (const step of steps) {
          this.logger.debug({ statement: step.name }, 'cypher');
          const result = await tx.run(statement(step.name), step.params);
          results.push(result.records.map((record) => record.toObject()));
        }
        return results;
      });
    } catch (error) {
      throw conflictOf(error);
    } finally {
      await session.close();
    }
  }

  /**
   * One write transaction for work that decides its statements as it goes (the streaming import):
   * all land or none does. Unlike write and writeAll this transaction is not retried: it may hold
   * millions of entities and take a minute, and what fails it (its memory limit, above all, which
   * Neo4j reports as transient) would fail it again; the caller can run the import again.
   * Memory refusals surface as GraphMemoryLimitError.
   */
  async inWriteTransaction<T>(work: (run: StatementRunner) => Promise<T>, counter?: RoundTripCounter): Promise<T> {
    if (counter) counter.count += 1;
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      const tx = await session.beginTransaction();
      try {
        const result = await work(async (name, params) => {
          counter?.statements.push(name);
          this.logger.debug({ statement: name }, 'cypher');
          const outcome = await tx.run(statement(name), params);
          const updates = outcome.summary.counters.updates();
          return { rows: outcome.records.map((record) => record.toObject()), nodesCreated: updates.nodesCreated, relationshipsCreated: updates.relationshipsCreated };
        });
        await tx.commit();
        return result;
      } catch (error) {
        if (tx.isOpen()) await tx.rollback().catch(() => {});
        throw error;
      }
    } catch (error) {
      throw conflictOf(mapMemoryError(error));
    } finally {
      await session.close();
    }
  }

  /** Runs raw Cypher text (migrations and their bookkeeping, whose text lives in cypher/migrations). */
  async runScript(cypher: string, params: Params = {}, mode: 'READ' | 'WRITE' = 'WRITE'): Promise<Row[]> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
    try {
      const work = (tx: ManagedTransaction) => tx.run(cypher, params);
      const result = mode === 'READ' ? await session.executeRead(work) : await session.executeWrite(work);
      return result.records.map((record) => record.toObject());
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private async run(mode: 'READ' | 'WRITE', name: StatementName, params: Params, counter?: RoundTripCounter): Promise<Row[]> {
    if (counter) {
      counter.count += 1;
      counter.statements.push(name);
    }
    const started = performance.now();
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    try {
      const work = (tx: ManagedTransaction) => tx.run(statement(name), params);
      const result = mode === 'READ' ? await session.executeRead(work) : await session.executeWrite(work);
      this.logger.debug({ statement: name, ms: Math.round(performance.now() - started), rows: result.records.length }, 'cypher');
      return result.records.map((record) => record.toObject());
    } catch (error) {
      if (error instanceof Neo4jError && (error.code === 'ServiceUnavailable' || error.code === 'SessionExpired')) {
        throw new GraphUnavailableError(`Neo4j is unreachable (${error.message})`);
      }
      throw conflictOf(error);
    } finally {
      await session.close();
    }
  }
}

/**
 * Neo4j's transaction memory limits (db.memory.transaction.max, dbms.memory.transaction.total.max,
 * 51N72/51N73) and a lost connection to a server that ran out of heap, as one error that says what
 * to raise. Anything else passes through unchanged.
 */
function mapMemoryError(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  const text = `${error.code} ${error.message}`;
  if (/OutOfMemory|MemoryLimit|memory\.transaction|51N72|51N73/i.test(text)) {
    return new GraphMemoryLimitError(
      `Neo4j ran out of memory for the transaction (${error.message.split('\n')[0]}): give Neo4j more heap (NEO4J_LOCAL_HEAP for the local Neo4j, ` +
        'server.memory.heap.max_size elsewhere) or raise dbms.memory.transaction.total.max / db.memory.transaction.max',
      { cause: error },
    );
  }
  return error;
}

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
