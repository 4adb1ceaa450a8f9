/**
 * The Neo4j this process talks to, however it was obtained: the configured NEO4J_URI, or one that
 * the development tools in tools/neo4j/ started or found running (a container, the local launcher).
 */
export interface Neo4jConnection {
  uri: string;
  username: string;
  password: string;
  database: string;
  /** How it was obtained, for logs and the test header. */
  origin: 'uri' | 'docker' | 'local' | 'local-running';
  /** The process id of the local Neo4j this process started, for logs. */
  pid?: number;
  /** Stops what this process started (nothing for a server it only connects to). */
  release(): Promise<void>;
}
