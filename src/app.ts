/**
 * Builds the yoga instance; src/server.ts listens on it. Tests call `app.fetch(...)` with no open port.
 */
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import type { Config } from './config.ts';
import { useExtendContextValuePerExecuteSubscriptionEvent } from '@envelop/execute-subscription-event';
import { eventContext, todayUtc, type RequestContext } from './context.ts';
import type { GraphEvents } from './events/graph-events.ts';
import { inProcessGraphEvents } from './events/event-bus.ts';
import type { GraphExecutor } from './graph/executor.ts';
import type { Logger } from './log.ts';
import { identifyCaller } from './auth/caller.ts';
import { schema } from './schema/index.ts';
import { corsPolicy, useVaryByOrigin } from './http/cors.ts';
import { renderLocalGraphiQL, useGraphiQLAssets } from './http/graphiql.ts';
import { graphiqlOptions } from './http/graphiql-tabs.ts';
import { loadTrustedDocuments, useTrustedDocuments, type TrustedDocuments } from './http/trusted-documents.ts';
import { GRAPH_ERROR_CODES } from './http/graph-error-codes.ts';
import { useGraphErrors } from './http/use-graph-errors.ts';
import { useHealth } from './http/use-health.ts';
import { useWebPage } from './http/web-page.ts';

export interface AppDependencies {
  config: Config;
  graph: GraphExecutor;
  logger: Logger;
  /** Where writes publish and subscriptions listen (src/events/graph-events.ts). @default in this process */
  events?: GraphEvents;
  /** The documents TRUSTED_DOCUMENTS lists (src/server.ts reads them before Neo4j starts). @default read from config */
  trustedDocuments?: TrustedDocuments | null;
}

/** Codes of errors a client caused and can fix; anything else is masked as "Unexpected error.". */
const expectedCodes = new Set<string>(['BAD_USER_INPUT', 'NOT_FOUND', 'UNAUTHENTICATED', 'FORBIDDEN', 'SERVICE_BUSY', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', ...GRAPH_ERROR_CODES]);

/**
 * Yoga's default masking tells expected errors by `instanceof GraphQLError`, which fails when the
 * error was built by graphql's other module copy (its ESM and CJS builds are distinct classes under
 * Node); the error's code is the reliable mark, so it decides here.
 */
function maskUnexpected(error: unknown, message: string): Error {
  // Without a path it was raised before execution (parse, validation, depth and cost limits): about the request, not the server.
  if (!(error as { path?: unknown }).path) return error as Error;
  for (let current = error as { extensions?: { code?: unknown }; originalError?: unknown } | undefined; current; current = current.originalError as typeof current) {
    if (typeof current.extensions?.code === 'string' && expectedCodes.has(current.extensions.code)) return error as Error;
  }
  const located = error as { path?: readonly (string | number)[]; locations?: unknown; nodes?: unknown };
  return new GraphQLError(message, { nodes: located.nodes as never, path: located.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

/** Each request's id: the caller's x-request-id when it sends one, else a new UUID. */
const requestIds = new WeakMap<Request, string>();
function requestIdOf(request: Request): string {
  let id = requestIds.get(request);
  if (!id) {
    id = request.headers.get('x-request-id')?.slice(0, 100) || randomUUID();
    requestIds.set(request, id);
  }
  return id;
}

/** Echoes the request id so a client can quote it when reporting a problem. */
function useRequestIdHeader(): Plugin<RequestContext> {
  return {
    onResponse({ request, response }) {
      response.headers.set('x-request-id', requestIdOf(request));
    },
  };
}

/**
 * Reports how many Cypher round trips a response cost in `extensions.cypherRoundTrips`, so a client
 * (and the batching test) can see that nested lists are batched; and logs each operation with it.
 */
function useRoundTripReport(): Plugin<RequestContext> {
  return {
    onExecute() {
      const started = performance.now();
      return {
        onExecuteDone({ args, result, setResult }) {
          if (!result || Symbol.asyncIterator in result) return;
          const context = args.contextValue as RequestContext;
          context.logger.info(
            { operation: args.operationName ?? null, ms: Math.round(performance.now() - started), cypherRoundTrips: context.roundTrips.count, errors: result.errors?.length ?? 0 },
            'graphql',
          );
          setResult({ ...result, extensions: { ...result.extensions, cypherRoundTrips: context.roundTrips.count, entityRowsRead: context.roundTrips.rows ?? 0 } });
        },
      };
    },
  };
}

export function createApp({ config, graph, logger, events = inProcessGraphEvents(), trustedDocuments }: AppDependencies) {
  const trusted = trustedDocuments !== undefined ? trustedDocuments : config.http.trustedDocuments ? loadTrustedDocuments(config.http.trustedDocuments, schema) : null;
  return createYoga<Record<string, unknown>, RequestContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // Yoga's own /health answers an empty 200; src/http/use-health.ts answers /health and /ready with what they checked.
    healthCheckEndpoint: '/yoga-health',
    // GraphiQL from the installed package, assets served by this service (src/http/graphiql.ts); the README's examples as tabs.
    graphiql: graphiqlOptions(config),
    renderGraphiQL: renderLocalGraphiQL,
    cors: corsPolicy(config.http.corsOrigins),
    // Unexpected errors are masked; expected ones are GraphQLErrors with a code clients can act on.
    maskedErrors: { isDev: false, maskError: maskUnexpected },
    logging: logger,
    context: async ({ request }) => {
      const requestId = requestIdOf(request);
      const caller = await identifyCaller(request.headers, config.auth);
      return {
        graph,
        roundTrips: { count: 0, statements: [], rows: 0 },
        caller,
        logger: logger.child({ requestId, caller: caller.subject }),
        requestId,
        config,
        today: todayUtc(),
        events,
      };
    },
    plugins: [
      // Each event of a subscription is executed with fresh loaders (and today's date), never the first event's cache.
      useExtendContextValuePerExecuteSubscriptionEvent<RequestContext>(({ args }) => ({ contextPartial: eventContext(args.contextValue as RequestContext) })),
      useRequestIdHeader(),
      useVaryByOrigin(),
      useGraphiQLAssets(),
      ...(trusted ? [useTrustedDocuments(trusted, config.auth)] : []),
      useWebPage(),
      useRoundTripReport(),
      maxDepthPlugin({ n: config.limits.maxDepth, exposeLimits: true, flattenFragments: true }),
      // Each field costs 1 at any depth, times the `first` of the connections around it: roughly the
      // number of values a query can make the server produce.
      costLimitPlugin({ maxCost: config.limits.maxCost, objectCost: 1, scalarCost: 1, depthCostFactor: 1, exposeLimits: true }),
      useHealth(graph),
      useGraphErrors(graph),
    ],
  });
}

export type App = ReturnType<typeof createApp>;
