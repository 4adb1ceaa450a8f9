/**
 * `npm start`: validates the configuration, brings up Neo4j and the graph, loads the demo data into
 * an empty database, and serves GraphQL with GraphiQL at /graphql. SIGTERM/SIGINT stop accepting at
 * once, let in-flight requests finish within SHUTDOWN_GRACE_SECONDS (src/http/graceful-shutdown.ts),
 * close the driver and stop the local Neo4j this process started, by its process id.
 * Any failure at start ends the process with one clear line, not a stack trace.
 */
import { stoppableServer } from './http/graceful-shutdown.ts';
import { loadConfig, ConfigError, type Config } from './config.ts';
import { createLogger } from './log.ts';
import { startRuntime, type Runtime } from './runtime.ts';
import { createApp } from './app.ts';
import { loadDemoIfEmpty } from './import/demo.ts';
import type { GraphEvents } from './events/graph-events.ts';
import { connectGraphEvents } from './events/event-bus.ts';
import { loadTrustedDocuments, type TrustedDocuments } from './http/trusted-documents.ts';
import { schema } from './schema/index.ts';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fatal(error.message);
    throw error;
  }
  const logger = createLogger(config.logLevel);
  // A missing or stale manifest stops the start before Neo4j is brought up.
  let trustedDocuments: TrustedDocuments | null = null;
  try {
    trustedDocuments = config.http.trustedDocuments ? loadTrustedDocuments(config.http.trustedDocuments, schema) : null;
  } catch (error) {
    fatal((error as Error).message);
  }
  if (trustedDocuments)
    logger.info({ manifest: config.http.trustedDocuments, documents: new Set(trustedDocuments.values()).size }, 'only trusted documents run (TRUSTED_DOCUMENTS)');
  let runtime: Runtime | null = null;
  let events: GraphEvents | null = null;
  let stopping = false;
  const stopRuntime = async () => {
    const current = runtime;
    runtime = null;
    await events?.close();
    events = null;
    await current?.shutdown();
  };
  // A signal during start-up must still stop a local Neo4j that is half way up.
  const earlyStop = () => {
    stopping = true;
  };
  process.once('SIGINT', earlyStop);
  process.once('SIGTERM', earlyStop);

  try {
    runtime = await startRuntime(config, logger);
    events = await connectGraphEvents(config.eventBusUrl, logger);
    if (config.loadDemoWhenEmpty) {
      await loadDemoIfEmpty(runtime.graph, logger);
    }
  } catch (error) {
    await stopRuntime().catch(() => {});
    fatal(error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error));
  }
  if (stopping) {
    await stopRuntime();
    return;
  }
  process.off('SIGINT', earlyStop);
  process.off('SIGTERM', earlyStop);

  const app = createApp({ config, graph: runtime.graph, logger, events, trustedDocuments });
  const { server, stop } = stoppableServer(app, logger);
  server.on('error', async (error: NodeJS.ErrnoException) => {
    await stopRuntime().catch(() => {});
    fatal(error.code === 'EADDRINUSE' ? `port ${config.port} is already in use: stop what holds it or set PORT to a free port` : `the HTTP server failed: ${error.message}`);
  });
  server.listen(config.port, config.host, () => {
    logger.info(`GraphQL ready at http://localhost:${config.port}/graphql (GraphiQL in a browser)`);
  });

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const { finished, cut } = await stop(config.shutdownGraceMs);
    const neo4jPid = runtime?.connection.pid;
    logger.info({ finished, cut, neo4jPid: neo4jPid ?? null }, 'requests done; closing the driver and stopping the Neo4j this process started');
    await stopRuntime();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

function fatal(message: string): never {
  process.stderr.write(`optics-graph could not start: ${message}\n`);
  process.exit(1);
}

await main();
