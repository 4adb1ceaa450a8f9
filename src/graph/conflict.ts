/**
 * A write that contradicts what the graph holds: a stored fact it may not silently replace, or a
 * uniqueness constraint another write got to first. Mutations return it as a typed `ConflictError`
 * (src/schema/errors.ts registers the type); the executor turns Neo4j's constraint violations into it,
 * in one place (conflictOf), so no constraint error ever reaches a client as "Unexpected error.".
 */
import { Neo4jError } from 'neo4j-driver';

export class ConflictError extends Error {
  override name = 'ConflictError';
  readonly extensions = { code: 'CONFLICT' };
}

/** Neo4j's code for a write refused by a constraint (uniqueness, existence, type). */
const CONSTRAINT_VIOLATION = 'Neo.ClientError.Schema.ConstraintValidationFailed';

/**
 * A constraint violation as a ConflictError that names the value (Neo4j's message says which node
 * and property), and what to do; a lost deadlock as LostToOtherWritesError; anything else unchanged.
 */
export function conflictOf(error: unknown): unknown {
  if (error instanceof Neo4jError && LOCK_CONTENTION.has(error.code)) return new LostToOtherWritesError(firstLine(error.message), { cause: error });
  if (!(error instanceof Neo4jError) || error.code !== CONSTRAINT_VIOLATION) return error;
  const detail = firstLine(error.message);
  return new ConflictError(
    `Another write stored the same id at the same time, so this one was refused and nothing of it was written (${detail}); send it again to apply it to what is stored now`,
    { cause: error },
  );
}

/**
 * Neo4j ended the transaction to break a deadlock with another write, or could not get it a lock in
 * time. Not a Neo4jError, so the driver does not retry it within its own short window: the executor
 * sends the whole transaction again for longer (GraphExecutor.managed), and after that answers a
 * ConflictError (`lostTooOften`).
 */
export class LostToOtherWritesError extends Error {
  override name = 'LostToOtherWritesError';
}

const LOCK_CONTENTION = new Set(['Neo.TransientError.Transaction.DeadlockDetected', 'Neo.TransientError.Transaction.LockAcquisitionTimeout']);

/** A transaction that kept losing to other writes for `seconds`: a ConflictError that says nothing was written. */
export function lostTooOften(error: LostToOtherWritesError, seconds: number): ConflictError {
  return new ConflictError(`Other writes kept what this one needed locked for ${seconds} s (${error.message}), so nothing of it was written; send it again`, { cause: error });
}

/** The first line of a driver message, whose later lines repeat it with the query's context. */
export function firstLine(message: string): string {
  const end = message.indexOf('\n');
  return (end < 0 ? message : message.slice(0, end)).trim();
}
