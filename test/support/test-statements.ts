/**
 * Cypher that only the tests run (finding and deleting what a test made), kept in test/cypher/ so
 * the shipped cypher/statements/ holds only what the service runs.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GraphExecutor, Params, Row } from '../../src/graph/executor.ts';

const folder = join(dirname(fileURLToPath(import.meta.url)), '../cypher');

export type TestStatementName = 'count' | 'credibility-steps' | 'delete' | 'dump' | 'entity' | 'graph-changes' | 'graph-size' | 'hold-memory' | 'spin' | 'staged-count';

const text = (name: TestStatementName) => readFileSync(join(folder, `${name}.cypher`), 'utf8');

export function testRead(graph: GraphExecutor, name: TestStatementName, params: Params): Promise<Row[]> {
  return graph.runScript(text(name), params, 'READ');
}

/** Moves the graph's version after writing, as every write of the service does, so no answer kept in memory outlives it. */
export async function testWrite(graph: GraphExecutor, name: TestStatementName, params: Params): Promise<Row[]> {
  const rows = await graph.runScript(text(name), params, 'WRITE');
  await graph.markChanged();
  return rows;
}
