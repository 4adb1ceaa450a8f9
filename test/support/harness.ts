/**
 * What an integration test needs: the app built on the run's Neo4j, and a `graphql()` helper that
 * goes through the public surface (yoga.fetch, no open port) exactly as a client would.
 */
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { GraphExecutor } from '../../src/graph/executor.ts';
import { createApp, type App } from '../../src/app.ts';
import type { GraphEvents } from '../../src/events/graph-events.ts';
import { inProcessGraphEvents } from '../../src/events/event-bus.ts';

export const writerKey = 'test-writer-key-0123456789abcdef';
export const jwtSecret = 'test-jwt-secret-0123456789abcdef0123456789';

export interface Harness {
  app: App;
  graph: GraphExecutor;
  config: Config;
  /** The app's event bus (in this process unless the test passes one). */
  events: GraphEvents;
  graphql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResult<T>>;
  close(): Promise<void>;
}

export interface GraphQLResult<T> {
  status: number;
  data: T;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
  headers: Headers;
  extensions?: Record<string, unknown>;
}

export function createHarness(env: Record<string, string> = {}, events: GraphEvents = inProcessGraphEvents()): Harness {
  const neo4j = inject('neo4j');
  // The machine running the tests may be shared and slow: a transaction gets a minute here, not the
  // service's 15 s; the limits tests set their own.
  const config = loadConfig({ API_KEYS: writerKey, JWT_SECRET: jwtSecret, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', NEO4J_TRANSACTION_TIMEOUT: '60', ...env });
  const logger = createLogger(config.logLevel);
  const graph = GraphExecutor.connect(neo4j.uri, neo4j.username, neo4j.password, neo4j.database, logger, {
    transactionTimeoutMs: config.neo4j.transactionTimeoutMs,
    importTimeoutMs: config.neo4j.importTimeoutMs,
  });
  const app = createApp({ config, graph, logger, events });
  return {
    app,
    graph,
    config,
    events,
    async graphql(query, variables = {}, headers = {}) {
      const response = await app.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data: any; errors?: GraphQLResult<unknown>['errors']; extensions?: Record<string, unknown> };
      return { status: response.status, data: body.data, errors: body.errors, headers: response.headers, extensions: body.extensions };
    },
    close: () => graph.close(),
  };
}

/** A prefix unique to one test, so it can find and delete exactly what it made. */
export function uniquePrefix(name: string): string {
  return `t-${name}-${Math.random().toString(36).slice(2, 8)}`;
}
