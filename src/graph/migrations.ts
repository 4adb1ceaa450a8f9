/**
 * Applies cypher/migrations/*.cypher in file-name order at start-up. Each file runs once: a
 * (:Migration {id}) node records it, and the statements themselves are idempotent (IF NOT EXISTS),
 * so a start interrupted half-way through a file is safe to repeat.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GraphExecutor } from './executor.ts';

const migrationsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../cypher/migrations');

export interface Migration {
  id: string;
  checksum: string;
  statements: string[];
}

export function readMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.cypher'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const statements = text
        .split('\n')
        .filter((line) => !line.trim().startsWith('//'))
        .join('\n')
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean);
      return { id: file.replace(/\.cypher$/, ''), checksum: createHash('sha256').update(text).digest('hex').slice(0, 16), statements };
    });
}

/** Returns the ids of the migrations this call applied (empty when all had run before). */
export async function applyMigrations(requests: GraphExecutor, migrations = readMigrations()): Promise<string[]> {
  // Building an index over a large graph, and waiting for it, takes as long as an import may.
  const graph = requests.forImports();
  const done = new Set((await graph.runScript('MATCH (m:Migration) RETURN m.id AS id')).map((row) => row.id as string));
  const applied: string[] = [];
  for (const migration of migrations) {
    if (done.has(migration.id)) continue;
    // Schema statements cannot share a transaction with data writes, so each runs on its own.
    for (const cypher of migration.statements) await graph.runScript(cypher);
    await graph.runScript('MERGE (m:Migration {id: $id}) SET m.checksum = $checksum, m.appliedAt = datetime()', {
      id: migration.id,
      checksum: migration.checksum,
    });
    applied.push(migration.id);
  }
  // Data a migration changed must not be answered from outlooks kept before it.
  if (applied.length > 0) await graph.markChanged();
  // Full-text indexes populate asynchronously; wait so the first search sees every node.
  await graph.runScript('CALL db.awaitIndexes(300)');
  return applied;
}
