/**
 * Brings up what the service stands on, in order: Neo4j (one of three ways), the driver, the
 * migrations, and the demo data when the database is empty. `shutdown()` undoes it in reverse.
 */
import type { Config } from './config.ts';
import { GraphExecutor } from './graph/executor.ts';
import { acquireNeo4j, type AcquireOptions, type Neo4jConnection } from './graph/neo4j-source.ts';
import { applyMigrations } from './graph/migrations.ts';
import { backfillClaimHistoryOnce } from './graph/claim-history.ts';
import type { Logger } from './log.ts';

export interface Runtime {
  graph: GraphExecutor;
  connection: Neo4jConnection;
  neo4jVersion: string;
  shutdown(): Promise<void>;
}

export async function startRuntime(config: Config, logger: Logger, options: AcquireOptions = {}): Promise<Runtime> {
  const connection = await acquireNeo4j(config, { onProgress: (message) => logger.info(message), ...options });
  let graph: GraphExecutor | null = null;
  try {
    graph = GraphExecutor.connect(connection.uri, connection.username, connection.password, connection.database, logger);
    const server = await graph.verify(connection.uri);
    const applied = await applyMigrations(graph);
    const backfilled = await backfillClaimHistoryOnce(graph);
    if (backfilled > 0) logger.info({ claims: backfilled }, 'derived the outcome history, evidence and credibility steps of claims stored before they existed');
    const [{ version }] = (await graph.runScript('CALL dbms.components() YIELD versions RETURN versions[0] AS version')) as { version: string }[];
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
