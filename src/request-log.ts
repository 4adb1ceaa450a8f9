/**
 * One log line per GraphQL request, carrying its request id: the operation, how long it took, its
 * Cypher round trips, and the unexpected errors in it (counted, with the first few stack traces). A
 * request whose 10,000 items all fail writes one line, not 10,000; a client quoting its
 * `x-request-id` finds the stack behind its "Unexpected error." under the same `requestId`.
 */
import type { GraphQLError } from 'graphql';
import type { Plugin, YogaLogger } from 'graphql-yoga';
import type { RequestContext } from './context.ts';
import type { Logger } from './log.ts';
import { GRAPH_ERROR_CODES } from './http/graph-error-codes.ts';
import type { ArrivalOf } from './http/request-arrival.ts';
import { isKeptAnswer } from './http/response-cache.ts';

/** Codes of errors a client caused and can fix; anything else is masked as "Unexpected error.". */
const expectedCodes = new Set<string>([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'SERVICE_BUSY',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  ...GRAPH_ERROR_CODES,
]);

/**
 * Whether an error is one the client should see as it is. Without a path it was raised before
 * execution (parse, validation, limits): about the request, not the server. Otherwise its code
 * decides, anywhere along its chain of causes: yoga's `instanceof GraphQLError` fails when the
 * error was built by graphql's other module copy (its ESM and CJS builds are distinct classes).
 */
export function isExpectedError(error: unknown): boolean {
  if (!(error as { path?: unknown }).path) return true;
  for (let current = error as { extensions?: { code?: unknown }; originalError?: unknown } | undefined; current; current = current.originalError as typeof current) {
    if (typeof current.extensions?.code === 'string' && expectedCodes.has(current.extensions.code)) return true;
  }
  return false;
}

/** Errors already logged on their request's line; yoga's masking would log each again, without the id. */
const loggedWithRequest = new WeakSet<object>();

/** How many stack traces one request's line carries at most. */
const tracesPerLine = 3;

function describe(error: GraphQLError) {
  const cause = error.originalError ?? error;
  return { message: cause.message, name: cause.name, path: error.path?.join('.'), stack: cause.stack };
}

/**
 * Reports how many Cypher round trips a response cost in `extensions.cypherRoundTrips`, so a client
 * (and the batching test) can see that nested lists are batched; and writes the request's line.
 * Runs before yoga masks the errors, so the line has the real ones.
 */
export function useRequestLog(): Plugin<RequestContext> {
  return {
    onExecute() {
      const started = performance.now();
      return {
        onExecuteDone({ args, result, setResult }) {
          if (!result || Symbol.asyncIterator in result) return;
          const context = args.contextValue as RequestContext;
          const unexpected = (result.errors ?? []).filter((error) => !isExpectedError(error));
          for (const error of unexpected) loggedWithRequest.add(error);
          const line = {
            operation: args.operationName ?? null,
            ms: Math.round(performance.now() - started),
            cypherRoundTrips: context.roundTrips.count,
            errors: result.errors?.length ?? 0,
            ...(unexpected.length > 0 ? { unexpectedErrors: unexpected.length, firstUnexpected: unexpected.slice(0, tracesPerLine).map(describe) } : {}),
          };
          if (unexpected.length > 0) context.logger.error(line, 'graphql');
          else context.logger.info(line, 'graphql');
          setResult({ ...result, extensions: { ...result.extensions, cypherRoundTrips: context.roundTrips.count, entityRowsRead: context.roundTrips.rows ?? 0 } });
        },
      };
    },
  };
}

/**
 * The line and extensions of an answer served from the response cache (src/http/response-cache.ts):
 * never executed, so useRequestLog does not see it. It cost the one read of the graph's version, and
 * says `cached: true`; `ms` counts from the request's arrival.
 */
export function useKeptAnswerLog(logger: Logger, arrivalOf: ArrivalOf): Plugin {
  return {
    async onExecutionResult({ request, result, setResult }) {
      if (!result || !isKeptAnswer(result) || Array.isArray(result) || Symbol.asyncIterator in result) return;
      const arrival = arrivalOf(request);
      const line = {
        operation: arrival.operationName ?? null,
        ms: Math.round(performance.now() - arrival.at),
        cypherRoundTrips: arrival.roundTrips.count,
        errors: 0,
        cached: true,
      };
      logger.child({ requestId: arrival.id, caller: (await arrival.caller()).subject }).info(line, 'graphql');
      setResult({ ...result, extensions: { ...result.extensions, cypherRoundTrips: arrival.roundTrips.count, entityRowsRead: 0, cached: true } });
    },
  };
}

/**
 * The logger yoga writes through. Yoga logs every error it masks, one line each and without the
 * request: those already on their request's line are dropped here; any other (raised outside
 * execution) is still written.
 */
export function yogaLogger(logger: Logger): YogaLogger {
  return {
    debug: (...args: unknown[]) => logger.debug(args.map(String).join(' ')),
    info: (...args: unknown[]) => logger.info(args.map(String).join(' ')),
    warn: (...args: unknown[]) => logger.warn(args.map(String).join(' ')),
    error: (...args: unknown[]) => {
      const [first] = args;
      if (first && typeof first === 'object' && loggedWithRequest.has(first)) return;
      if (first instanceof Error) logger.error({ err: first }, 'unexpected error outside a GraphQL operation');
      else logger.error(args.map(String).join(' '));
    },
  };
}

/**
 * The line of a request refused while parsing or validating (a limit, a syntax error, an unknown
 * field): never executed, so useRequestLog does not see it. It carries the codes, so a burst of
 * refused requests is visible in the log, one line each.
 */
export function useRefusalLog(logger: Logger, requestIdOf: (request: Request) => string): Plugin {
  const refused = (context: { request?: Request }, errors: readonly { extensions?: { code?: unknown } }[]) =>
    logger.info({ requestId: context.request ? requestIdOf(context.request) : null, refused: errors.map((error) => error.extensions?.code ?? null) }, 'graphql refused');
  return {
    onParse({ context }) {
      return ({ result }) => {
        if (result instanceof Error) refused(context as { request?: Request }, [result as { extensions?: { code?: unknown } }]);
      };
    },
    onValidate({ context }) {
      return ({ valid, result }) => {
        if (!valid) refused(context as { request?: Request }, result as readonly { extensions?: { code?: unknown } }[]);
      };
    },
  };
}
