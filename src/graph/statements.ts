/**
 * The named Cypher statements the service runs, each in its own file under cypher/statements/.
 * Read once at start-up so a missing or misnamed statement fails at start, not mid-request.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const statementsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../cypher/statements');

const texts = new Map<string, string>(
  readdirSync(statementsDir)
    .filter((file) => file.endsWith('.cypher'))
    .map((file) => [basename(file, '.cypher'), readFileSync(join(statementsDir, file), 'utf8')]),
);

export type StatementName = string;

export function statement(name: StatementName): string {
  const text = texts.get(name);
  if (text === undefined) throw new Error(`no Cypher statement named "${name}" in cypher/statements/`);
  return text;
}
