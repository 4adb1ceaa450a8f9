/**
 * Brings up what the service stands on, in order: Neo4j, the driver, the migrations and the derived
 * data of claims stored before it existed. `shutdown()` undoes it in reverse.
 *
 * With NEO4J_URI set this is all the service needs (the service image runs so). Without it, the
 * development tools in tools/neo4j/ find or start one: they are loaded only then, so a production
 * install (npm ci --omit=dev) never loads them or their development dependencies.
 */
import type { Config } from './config.ts';
import { GraphExecutor } from './graph/executor.ts';
import type { Neo4jConnection } from './graph/connection.ts';
import type { AcquireOptions } from '../tools/neo4j/acquire.ts';
import { applyMigrations } from './graph/migrations.ts';
import { backfillClaimHistoryOnce } from './graph/claim-history.ts';
import { backfillEvidenceDigestsOnce } from './graph/evidence-digests.ts';
import { discardAbandonedImport } from './import/staging.ts';
import type { Logger } from './log.ts';

export interface Runtime {
  graph: GraphExecutor;
  connection: Neo4jConnection;
  neo4jVersion: string;
  shutdown(): Promise<void>;
}

export async function startRuntime(config: Config, logger: Logger, options: AcquireOptions = {}): Promise<Runtime> {
  const connection = await connectNeo4j(config, { onProgress: (message) => logger.info(message), ...options });
  let graph: GraphExecutor | null = null;
  try {
    graph = GraphExecutor.connect(connection.uri, connection.username, connection.password, connection.database, logger, {
      transactionTimeoutMs: config.neo4j.transactionTimeoutMs,
      importTimeoutMs: config.neo4j.importTimeoutMs,
    });
    const server = await graph.verify(connection.uri);
    const applied = await applyMigrations(graph);
    const discarded = await discardAbandonedImport(graph.forImports());
    if (discarded > 0) logger.warn({ nodes: discarded }, 'deleted what an interrupted bulk import had staged; the graph is as it was before that import');
    const backfilled = await backfillClaimHistoryOnce(graph);
    if (backfilled > 0) logger.info({ claims: backfilled }, 'derived the outcome history, evidence and credibility steps of claims stored before they existed');
    const digested = await backfillEvidenceDigestsOnce(graph);
    if (digested > 0) logger.info({ partners: digested }, 'built the evidence digest of every partner, for a graph stored before digests existed');
    const [components] = (await graph.runScript('CALL dbms.components() YIELD versions RETURN versions[0] AS version')) as { version: string }[];
    const version = components?.version ?? 'of unknown version';
    logger.info({ neo4j: server, origin: connection.origin, migrationsApplied: applied }, `connected to Neo4j ${version}`);
    const ready = graph;
    return {
      graph: ready,
      connection,
      neo4jVersion: version,
      shutdown: async () => {
        await ready.close();
        await connection.release();
      },
    };
  } catch (error) {
    await graph?.close().catch(() => {});
    await connection.release();
    throw error;
  }
}

async function connectNeo4j(config: Config, options: AcquireOptions): Promise<Neo4jConnection> {
  const { neo4j } = config;
  if (neo4j.uri && neo4j.mode !== 'docker' && neo4j.mode !== 'local') {
    return { uri: neo4j.uri, username: neo4j.username, password: neo4j.password, database: neo4j.database, origin: 'uri', release: async () => {} };
  }
  const { acquireNeo4j } = await import('../tools/neo4j/acquire.ts');
  return acquireNeo4j(config, options);
}
