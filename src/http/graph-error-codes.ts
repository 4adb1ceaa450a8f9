/**
 * The client codes of what can go wrong with Neo4j (src/graph/graph-errors.ts), in one table: a
 * limit the query ran into is the client's to fix (QUERY_TOO_EXPENSIVE, TIMEOUT, each naming the
 * setting); an outage is not (SERVICE_UNAVAILABLE, with Retry-After). None is "Unexpected error.".
 */
import { GraphQLError } from 'graphql';
import { GraphMemoryLimitError, GraphTimeoutError, GraphUnavailableError, isGraphError, type GraphError } from '../graph/graph-errors.ts';

export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';
export const QUERY_TOO_EXPENSIVE = 'QUERY_TOO_EXPENSIVE';
export const TIMEOUT = 'TIMEOUT';

/** Seconds a client is told to wait before it tries again while Neo4j is down (the probe asks every second). */
export const RETRY_AFTER_SECONDS = 2;

export const GRAPH_ERROR_CODES = [SERVICE_UNAVAILABLE, QUERY_TOO_EXPENSIVE, TIMEOUT] as const;

function codeOf(error: GraphError): (typeof GRAPH_ERROR_CODES)[number] {
  if (error instanceof GraphUnavailableError) return SERVICE_UNAVAILABLE;
  if (error instanceof GraphMemoryLimitError) return QUERY_TOO_EXPENSIVE;
  if (error instanceof GraphTimeoutError) return TIMEOUT;
  return SERVICE_UNAVAILABLE;
}

/** The graph error an error was raised for, looking through GraphQL's and Pothos' wrappers. */
export function graphErrorIn(error: unknown): GraphError | null {
  for (let current: unknown = error, depth = 0; current && depth < 10; depth++) {
    if (isGraphError(current)) return current;
    const next = current as { originalError?: unknown; cause?: unknown };
    current = next.originalError ?? next.cause;
  }
  return null;
}

/** The GraphQL error a client sees for a graph error raised at a field (its path and locations kept). */
export function clientErrorFor(graphError: GraphError, at?: GraphQLError): GraphQLError {
  const code = codeOf(graphError);
  return new GraphQLError(graphError.message, {
    nodes: at?.nodes,
    path: at?.path,
    extensions: code === SERVICE_UNAVAILABLE ? { code, retryAfterSeconds: RETRY_AFTER_SECONDS } : { code },
  });
}

/**
 * The one error a request gets when it could not be served for an outage: no data, HTTP 503 under
 * `Accept: application/graphql-response+json` (the GraphQL-over-HTTP spec allows a 5xx when there
 * is no data; under application/json it asks for 200, which yoga keeps for `spec: true`), and
 * Retry-After either way.
 */
export function serviceUnavailableError(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: SERVICE_UNAVAILABLE,
      retryAfterSeconds: RETRY_AFTER_SECONDS,
      http: { status: 503, spec: true, headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } },
    },
  });
}
