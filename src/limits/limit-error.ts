/**
 * The one shape of a refused request: a GraphQLError whose code says which limit, whose message names
 * the limit, what the request had and the setting that raises it, and whose `http.status` is the
 * 4xx the GraphQL-over-HTTP spec asks for under application/graphql-response+json (under
 * application/json the spec keeps request errors at 200, which yoga's `http.spec` flag does).
 */
import { GraphQLError } from 'graphql';

export type LimitCode = 'QUERY_TOO_DEEP' | 'QUERY_TOO_COSTLY' | 'TOO_MANY_ALIASES' | 'TOO_MANY_TOKENS' | 'TOO_MANY_DIRECTIVES' | 'REQUEST_ENTITY_TOO_LARGE' | 'BAD_USER_INPUT';

export interface LimitErrorOptions {
  /** The environment variable that sets the limit. */
  setting: string;
  limit: number;
  /** What the request had, when known. */
  found?: number;
  status?: number;
  /** The argument a value limit refused, e.g. "search.text". */
  argument?: string;
}

export function limitError(code: LimitCode, message: string, { setting, limit, found, status = 400, argument }: LimitErrorOptions): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code,
      limit,
      setting,
      ...(found === undefined ? {} : { found }),
      ...(argument === undefined ? {} : { argument }),
      // `spec: true`: under application/json the status stays 200, as the GraphQL-over-HTTP spec says.
      http: { status, spec: status === 400 },
    },
  });
}
