/**
 * What can go wrong between the service and Neo4j, as errors a user can act on, in one table:
 * the executor maps every driver error through `graphErrorOf`, and the HTTP layer gives each kind
 * its client code (src/http/graph-error-codes.ts). Anything not listed here passes through unchanged
 * and is masked as "Unexpected error." (a bug of ours, logged).
 */
import { Neo4jError } from 'neo4j-driver';
import { firstLine } from './conflict.ts';

/** Neo4j cannot be reached (down, restarting, network): SERVICE_UNAVAILABLE, try again shortly. */
export class GraphUnavailableError extends Error {
  override name = 'GraphUnavailableError';
  /** What the driver said, in short (e.g. "connect ECONNREFUSED 127.0.0.1:7687"). */
  readonly reason: string;

  constructor(reason: string, options?: ErrorOptions & { since?: Date }) {
    super(`Neo4j cannot be reached${options?.since ? ` since ${options.since.toISOString()}` : ''} (${reason}); try again shortly`, options);
    this.reason = reason;
  }
}

/**
 * Neo4j refused a transaction for want of memory: its transaction memory limit
 * (db.memory.transaction.max, dbms.memory.transaction.total.max) or its heap. QUERY_TOO_EXPENSIVE.
 * Never retried: the same statement would ask for the same memory again.
 */
export class GraphMemoryLimitError extends Error {
  override name = 'GraphMemoryLimitError';
}

/** A transaction ran past its timeout and Neo4j ended it. TIMEOUT. Never retried. */
export class GraphTimeoutError extends Error {
  override name = 'GraphTimeoutError';
  /** The timeout it ran past, in ms. */
  readonly timeoutMs: number;

  constructor(message: string, timeoutMs: number, options?: ErrorOptions) {
    super(message, options);
    this.timeoutMs = timeoutMs;
  }
}

export type GraphError = GraphUnavailableError | GraphMemoryLimitError | GraphTimeoutError;

export function isGraphError(error: unknown): error is GraphError {
  return error instanceof GraphUnavailableError || error instanceof GraphMemoryLimitError || error instanceof GraphTimeoutError;
}

/** Where the failing transaction came from, so the message can name the setting that bounds it. */
export interface TransactionLimits {
  /** The timeout the transaction ran with, in ms. */
  timeoutMs: number;
  /** The variable that sets it (NEO4J_TRANSACTION_TIMEOUT for requests, NEO4J_IMPORT_TIMEOUT for imports). */
  timeoutSetting: string;
}

/** Codes of a Neo4j that cannot be reached, or stopped answering on a connection mid-transaction. */
const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

/** The error to surface for a driver error: one of the three above, or the error itself when it is none of them. */
export function graphErrorOf(error: unknown, limits: TransactionLimits): unknown {
  if (isGraphError(error) || !(error instanceof Neo4jError)) return error;
  const first = firstLine(error.message);
  const text = `${error.code} ${error.gqlStatus ?? ''} ${error.message}`;
  if (UNAVAILABLE_CODES.has(error.code)) {
    // The driver's text is a paragraph of advice; its cause (connect ECONNREFUSED host:port) says it all.
    const cause = /Caused by: (.*)$/.exec(error.message)?.[1] ?? first;
    return new GraphUnavailableError(cause.length > 200 ? `${cause.slice(0, 197)}...` : cause, { cause: error });
  }
  if (/TransactionTimedOut|TransactionTimedOutClientConfiguration/.test(error.code)) {
    const seconds = limits.timeoutMs / 1000;
    return new GraphTimeoutError(
      `the query ran longer than the ${seconds} s a transaction may take (${limits.timeoutSetting}=${seconds}) and Neo4j stopped it; ask for less (smaller pages, fewer aliases or a narrower question)`,
      limits.timeoutMs,
      { cause: error },
    );
  }
  if (/MemoryPoolOutOfMemoryError|TransactionOutOfMemoryError|OutOfMemory|MemoryLimit|memory\.transaction|51N72|51N73/i.test(text)) {
    const setting = /dbms\.memory\.transaction\.total\.max/.test(error.message) ? 'dbms.memory.transaction.total.max' : 'db.memory.transaction.max';
    return new GraphMemoryLimitError(
      `Neo4j refused the query: it needs more memory than one transaction may use (${first}; the limit is ${setting}, NEO4J_LOCAL_TX_MEMORY for the local Neo4j); ask for less (smaller pages, fewer aliases or a narrower question)`,
      { cause: error },
    );
  }
  return error;
}
