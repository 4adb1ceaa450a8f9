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
 * and property), and what to do; anything else unchanged.
 */
export function conflictOf(error: unknown): unknown {
  if (!(error instanceof Neo4jError) || error.code !== CONSTRAINT_VIOLATION) return error;
  const detail = firstLine(error.message);
  return new ConflictError(
    `Another write stored the same id at the same time, so this one was refused and nothing of it was written (${detail}); send it again to apply it to what is stored now`,
    { cause: error },
  );
}

/** The first line of a driver message, whose later lines repeat it with the query's context. */
export function firstLine(message: string): string {
  const end = message.indexOf('\n');
  return (end < 0 ? message : message.slice(0, end)).trim();
}
