/**
 * Builds the yoga instance; src/server.ts listens on it. Tests call `app.fetch(...)` with no open port.
 */
import { getOperationAST, GraphQLError } from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import type { Config } from './config.ts';
import { useExtendContextValuePerExecuteSubscriptionEvent } from '@envelop/execute-subscription-event';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { eventContext, type RequestContext } from './context.ts';
import type { GraphEvents } from './events/graph-events.ts';
import { inProcessGraphEvents } from './events/event-bus.ts';
import type { GraphExecutor } from './graph/executor.ts';
import type { Logger } from './log.ts';
import { requestLimits } from './limits/request-limits.ts';
import { isExpectedError, useKeptAnswerLog, useRefusalLog, useRequestLog, yogaLogger } from './request-log.ts';
import { schema } from './schema/index.ts';
import { corsPolicy, useVaryByOrigin } from './http/cors.ts';
import { renderLocalGraphiQL, useGraphiQLAssets } from './http/graphiql.ts';
import { graphiqlOptions } from './http/graphiql-tabs.ts';
import { loadTrustedDocuments, useTrustedDocuments, type TrustedDocuments } from './http/trusted-documents.ts';
import { useGraphErrors } from './http/use-graph-errors.ts';
import { useHealth } from './http/use-health.ts';
import { requestArrivals, type ArrivalOf } from './http/request-arrival.ts';
import { useGraphResponseCache } from './http/response-cache.ts';
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

/** Masks an error the client did not cause as "Unexpected error."; src/request-log.ts logs the real one with the request id. */
function maskUnexpected(error: unknown, message: string): Error {
  if (isExpectedError(error)) return error as Error;
  const located = error as { path?: readonly (string | number)[]; locations?: unknown; nodes?: unknown };
  return new GraphQLError(message, { nodes: located.nodes as never, path: located.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

/** Echoes the request id so a client can quote it when reporting a problem. */
function useRequestIdHeader(arrivalOf: ArrivalOf): Plugin<RequestContext> {
  return {
    onResponse({ request, response }) {
      response.headers.set('x-request-id', arrivalOf(request).id);
    },
  };
}

export function createApp({ config, graph, logger, events = inProcessGraphEvents(), trustedDocuments }: AppDependencies) {
  const arrivalOf = requestArrivals(config.auth);
  const trusted = trustedDocuments !== undefined ? trustedDocuments : config.http.trustedDocuments ? loadTrustedDocuments(config.http.trustedDocuments, schema) : null;
  return createYoga<Record<string, unknown>, RequestContext>({
    schema,
    graphqlEndpoint: '/graphql',
    // Bodies that stream without a Content-Length stop here; src/limits refuses declared ones first.
    maxRequestBodySize: config.limits.maxRequestBytes,
    landingPage: false,
    // Yoga's own /health answers an empty 200; src/http/use-health.ts answers /health and /ready with what they checked.
    healthCheckEndpoint: '/yoga-health',
    // GraphiQL from the installed package, assets served by this service (src/http/graphiql.ts); the README's examples as tabs.
    graphiql: graphiqlOptions(config),
    renderGraphiQL: renderLocalGraphiQL,
    cors: corsPolicy(config.http.corsOrigins),
    // Unexpected errors are masked; expected ones are GraphQLErrors with a code clients can act on.
    maskedErrors: { isDev: false, maskError: maskUnexpected },
    logging: yogaLogger(logger),
    context: async ({ request }) => {
      const arrival = arrivalOf(request);
      const caller = await arrival.caller();
      return {
        graph,
        // Already counting the graph's version when the response cache read it.
        roundTrips: arrival.roundTrips,
        caller,
        logger: logger.child({ requestId: arrival.id, caller: caller.subject }),
        requestId: arrival.id,
        config,
        today: arrival.today,
        events,
        graphVersion: arrival.graphVersion,
      };
    },
    plugins: [
      // Each event of a subscription is executed with fresh loaders (and today's date), never the first event's cache.
      useExtendContextValuePerExecuteSubscriptionEvent<RequestContext>(({ args }) => ({ contextPartial: eventContext(args.contextValue as RequestContext) })),
      useRequestIdHeader(arrivalOf),
      useVaryByOrigin(),
      useGraphiQLAssets(),
      ...(trusted ? [useTrustedDocuments(trusted, arrivalOf)] : []),
      useWebPage(),
      useRequestLog(),
      useRefusalLog(logger, (request) => arrivalOf(request).id),
      useKeptAnswerLog(logger, arrivalOf),
      ...requestLimits(config.limits),
      useHealth(graph),
      useGraphErrors(graph),
      // Queries run as compiled JavaScript (graphql-jit), not through graphql-js's generic executor:
      // read 3 of the scale bench completes 12,500 fields, and compiled it took 7.3-7.5 ms of Node CPU
      // per request at 1M claims instead of 8.7-9.0 (alternating in-process runs of 80). Compiled
      // queries are kept per parsed document, which yoga's parser cache bounds. Mutations and
      // subscriptions keep graphql-js (their per-event context and serial execution stay as they were).
      useGraphQlJit({}, { enableIf: ({ document, operationName }) => getOperationAST(document, operationName)?.operation === 'query' }),
      // Last: its lookup comes after trusted documents resolve an id to its document, and it keeps an
      // answer only if no plugin before it stopped the execution (a limit, Neo4j down).
      ...useGraphResponseCache({ entries: config.responseCacheEntries, graph, arrivalOf }),
    ],
  });
}

export type App = ReturnType<typeof createApp>;
