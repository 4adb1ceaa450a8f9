/**
 * `npm run neo4j`: runs the local Neo4j on its own, in the foreground, for people who run imports,
 * analytics or their own Cypher against it. Prints the URI and credentials, and stops it (by its
 * process id) on Ctrl-C or SIGTERM. While it runs, `npm start` and `npm run import` find it through
 * the note in its data folder and use it instead of starting their own.
 *
 * Takes the local Neo4j's settings from the environment like the service: NEO4J_LOCAL_PORT,
 * NEO4J_LOCAL_DATA, NEO4J_LOCAL_HEAP, NEO4J_LOCAL_PAGECACHE.
 */
import { resolve } from 'node:path';
import { ConfigError, loadConfig, type Config } from '../src/config.ts';
import { javaAvailable, startLocalNeo4j, type LocalNeo4j } from '../tools/neo4j/local-neo4j.ts';
import { localCredentials, noNeo4jMessage } from '../tools/neo4j/acquire.ts';
import { findRunningNeo4j } from '../tools/neo4j/running-neo4j.ts';

function fail(message: string): never {
  console.error(`npm run neo4j: ${message}`);
  process.exit(1);
}

let config: Config;
try {
  config = loadConfig(process.env);
} catch (error) {
  fail(error instanceof ConfigError ? error.message : String(error));
}
const { localPort, localDataDir, localHeap, localPageCache, localTransactionMemory } = config.neo4j;
const dataDir = resolve(localDataDir);

const running = await findRunningNeo4j(dataDir);
if (running) {
  fail(`a local Neo4j already runs on ${dataDir}: ${running.uri} (pid ${running.pid}, started by ${running.startedBy}); use it, or stop that process first`);
}
if (!javaAvailable()) fail(noNeo4jMessage);

let neo4j: LocalNeo4j | null = null;
let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.error(`\n${signal}: stopping Neo4j${neo4j ? ` (pid ${neo4j.pid})` : ''}...`);
  await neo4j?.stop();
  console.error('stopped');
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

try {
  neo4j = await startLocalNeo4j({
    port: localPort,
    dataDir,
    heap: localHeap,
    pageCache: localPageCache,
    transactionMemory: localTransactionMemory ?? undefined,
    onProgress: (line) => console.error(`neo4j: ${line}`),
  });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (stopping) await neo4j.stop();

console.log(`Neo4j ${neo4j.version} is running (pid ${neo4j.pid}), data in ${dataDir}
  URI       ${neo4j.uri}
  user      ${localCredentials.username}, any password (authentication is off; it listens on 127.0.0.1 only)
  database  ${localCredentials.database}
  npm start and npm run import use it while it runs (they find it through ${dataDir}/running.json);
  anything else: NEO4J_URI=${neo4j.uri}
Ctrl-C stops it.`);

const code = await neo4j.exited;
if (!stopping) fail(`Neo4j (pid ${neo4j.pid}) ended by itself (exit ${code}); its log is in ${dataDir}/logs`);
