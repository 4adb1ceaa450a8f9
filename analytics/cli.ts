/**
 * What every analytics script shares: its arguments, read strictly (an unknown flag or a bad day
 * stops it with the usage), and Neo4j got the way the service gets it (NEO4J_URI, else Docker, else
 * the local Neo4j), stopped again however the script ends.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { startRuntime, type Runtime } from '../src/runtime.ts';
import { isDay } from '../src/domain/fuzzy-date.ts';
import { loadDemoIfEmpty } from '../src/import/demo.ts';
import type { GraphExecutor } from '../src/graph/executor.ts';
import { GraphqlClient } from './source/graphql-client.ts';

export class UsageError extends Error {}

export const NEO4J_HELP =
  'Reads the running service with --graphql URL (or GRAPHQL_URL), e.g. --graphql http://localhost:4000/graphql\n' +
  '  (an API key, if the service wants one, in GRAPHQL_API_KEY); else Neo4j: NEO4J_URI (and NEO4J_USERNAME,\n' +
  '  NEO4J_PASSWORD, NEO4J_DATABASE), else Docker, else the local Neo4j in .neo4j/data.\n' +
  '  With `npm start` running, point at its Neo4j: NEO4J_URI=bolt://127.0.0.1:7687';

/** The flag every script that can read through the service takes. */
export const SOURCE_OPTIONS = { graphql: { type: 'string' } } as const;

/** Where a script reads the graph: Neo4j directly, or the running service's public GraphQL API. */
export type GraphSource = { neo4j: GraphExecutor } | { api: GraphqlClient };

/** The service's endpoint when --graphql or GRAPHQL_URL names one, else null (read Neo4j). */
export function graphqlUrl(flag: string | undefined): string | null {
  return flag ?? (process.env.GRAPHQL_URL || null);
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** The flags given, or a UsageError that names the bad one. */
export function readArgs<T extends Options>(args: string[], options: T, usage: string) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: false, strict: true }).values;
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
  }
}

/** A calendar day given as `--name`, or a UsageError saying which and why. */
export function dayArg(value: unknown, name: string, usage: string): string {
  if (typeof value !== 'string' || !isDay(value)) {
    throw new UsageError(`--${name} must be a calendar day YYYY-MM-DD, e.g. 2021-11-16 (got ${value === undefined ? 'nothing' : JSON.stringify(value)})\n\n${usage}`);
  }
  return value;
}

/**
 * Runs a script's work against the graph and exits with its code: 2 for a usage error, 1 for any other
 * failure (its message alone), 0 otherwise. Whatever was started is stopped, on Ctrl-C too.
 */
export async function runScript(name: string, work: (connect: (graphql?: string) => Promise<GraphSource>) => Promise<void>): Promise<never> {
  let starting: Promise<Runtime> | null = null;
  const shutdown = async () => {
    const runtime = await starting?.catch(() => null);
    await runtime?.shutdown().catch((error: unknown) => console.error(`could not stop Neo4j cleanly: ${String(error)}`));
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void shutdown().finally(() => process.exit(130)));
  const connect = async (graphql?: string): Promise<GraphSource> => {
    const url = graphqlUrl(graphql);
    if (url !== null) {
      console.error(`graphql: ${url}`);
      return { api: new GraphqlClient(url, process.env.GRAPHQL_API_KEY) };
    }
    const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
    const logger = createLogger(config.logLevel);
    starting = startRuntime(config, logger, { onProgress: (line) => console.error(`neo4j: ${line}`) });
    const runtime = await starting.catch((error: unknown) => {
      const detail = error instanceof Error ? error.message : String(error);
      const hint = /lock/i.test(detail) ? '\nhint: the local Neo4j data folder is in use, most likely by the running service: set NEO4J_URI=bolt://127.0.0.1:7687 to read from it' : '';
      throw new Error(`cannot start Neo4j: ${detail}${hint}`);
    });
    console.error(`neo4j: ${runtime.connection.uri} (Neo4j ${runtime.neo4jVersion})`);
    // As the service does: an empty database (a fresh local Neo4j) gets the demo data first.
    if (config.loadDemoWhenEmpty && (await loadDemoIfEmpty(runtime.graph, logger)) !== null) console.error('neo4j: the database was empty: loaded the demo data');
    return { neo4j: runtime.graph };
  };
  let code = 0;
  try {
    await work(connect);
  } catch (error) {
    console.error(error instanceof UsageError ? error.message : `${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    code = error instanceof UsageError ? 2 : 1;
  } finally {
    await shutdown();
  }
  process.exit(code);
}
