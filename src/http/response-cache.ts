/**
 * Whole answers to queries, kept in memory until the graph changes: a query asked again before any
 * write is answered from memory after one O(1) read of the graph's version (every write transaction
 * moves it, in Neo4j, so a write by a mutation, an import or another replica is seen at once).
 *
 * The work is @graphql-yoga/plugin-response-cache's (an LRU of execution results keyed by document,
 * operation name and variables; mutations and subscriptions are never kept, answers with errors are
 * not kept); this file gives it the rest of the key (response-cache-key.ts): the viewer's scopes, the
 * day and the graph's version, read once per request before anything runs. Its entity tracking is
 * not needed (the version already says when anything changed), so it tracks no ids.
 *
 * A kept answer skips parsing, validation and the request limits: it is the answer to the same
 * document with the same variables, which met the same limits when it was worked out. Trusted
 * documents (TRUSTED_DOCUMENTS) are applied first: a document they refuse is never looked up.
 */
import { defaultBuildResponseCacheKey } from '@envelop/response-cache';
import { createInMemoryCache, useResponseCache } from '@graphql-yoga/plugin-response-cache';
import type { Plugin } from 'graphql-yoga';
import type { GraphExecutor } from '../graph/executor.ts';
import type { ArrivalOf } from './request-arrival.ts';
import { answerSession, startsWithWriteOrSubscription, viewerScopes } from './response-cache-key.ts';

/** How the library marks an answer it served from memory (a symbol shared through the global registry). */
export const SERVED_FROM_CACHE = Symbol.for('servedFromResponseCache');

export function isKeptAnswer(result: unknown): boolean {
  return typeof result === 'object' && result !== null && SERVED_FROM_CACHE in result;
}

/**
 * The largest answer kept, in characters of JSON, so memory stays under entries x this whatever
 * callers ask: the demo's answers are 0.1-9 KB (the outlook page 9 KB), while the request limits allow
 * answers of megabytes (15 aliased pages of 200 devices). A larger answer is worked out every time.
 */
const LARGEST_KEPT_ANSWER = 256 * 1024;

/** Keeps up to `entries` answers (RESPONSE_CACHE_ENTRIES); 0 keeps none and reads no version. */
export function useGraphResponseCache({ entries, graph, arrivalOf }: { entries: number; graph: GraphExecutor; arrivalOf: ArrivalOf }): Plugin[] {
  if (entries <= 0) return [];
  // Requests whose answer is neither looked up nor kept: a caller the context will refuse, a write, a failed version read.
  const notKept = new WeakSet<Request>();
  return [
    useResponseCache({
      cache: createInMemoryCache({ max: entries }),
      session: async (request) => {
        try {
          return viewerScopes(await arrivalOf(request).caller());
        } catch {
          // An invalid key or token: the request's context refuses it with the reason.
          notKept.add(request);
          return null;
        }
      },
      buildResponseCacheKey: async ({ documentString, variableValues, operationName, sessionId, request }) => {
        const arrival = arrivalOf(request);
        arrival.operationName = operationName ?? null;
        // A query that is not a string (`{"query": {}}`) is yoga's to refuse, with its 400.
        const mayKeep = typeof documentString === 'string' && !notKept.has(request) && !startsWithWriteOrSubscription(documentString);
        // Counted among the request's round trips. If it fails (Neo4j down) the request runs as
        // without the cache, and meets the outage there, with its usual error.
        const version = mayKeep ? await graph.version(arrival.roundTrips).catch(() => null) : null;
        if (version === null) {
          // Never looked up (`enabled` below says no): any key unique to the request will do.
          notKept.add(request);
          return `not kept: ${arrival.id}`;
        }
        arrival.graphVersion = version;
        return defaultBuildResponseCacheKey({ documentString, variableValues, operationName, sessionId: answerSession(sessionId ?? '', arrival.today, version) });
      },
      // No ETags are sent (shouldCacheResult below), so If-None-Match was never ours: answering it with
      // 304 from a key of an older graph version would be wrong, so such a request skips the cache.
      enabled: (request) => !notKept.has(request) && !request.headers.has('if-none-match'),
      // The library's default (keep answers without errors) without its ETag and Last-Modified headers, and not too large.
      shouldCacheResult: ({ result }) => !result.errors?.length && JSON.stringify(result).length <= LARGEST_KEPT_ANSWER,
      idFields: [],
      // Not left to NODE_ENV or DEBUG: a kept answer says so in extensions.cached (src/request-log.ts).
      includeExtensionMetadata: false,
    }),
  ];
}
