/**
 * The demo dataset (data/demo-bundle.json), loaded into a graph that holds no company yet: the
 * service starts with something to show, and the tests run against a known dataset.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GraphExecutor } from '../graph/executor.ts';
import type { Logger } from '../log.ts';
import { ENTITY_KINDS } from './bundle.ts';
import { importBundle } from './import-bundle.ts';

export const demoBundlePath = resolve(dirname(fileURLToPath(import.meta.url)), '../../data/demo-bundle.json');

/** Imports the demo bundle when there is no :Company node; returns what it created per kind, else null. */
export async function loadDemoIfEmpty(graph: GraphExecutor, logger: Logger): Promise<Record<string, number> | null> {
  const [row] = await graph.read('import-has-companies');
  if (row?.hasCompanies) return null;
  const bundle: unknown = JSON.parse(await readFile(demoBundlePath, 'utf8'));
  // Loading data at start is an import: it gets the import timeout, not a request's.
  const report = await importBundle(graph.forImports(), bundle);
  const created = Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, report.kinds[kind].created]));
  logger.info({ created }, `loaded the demo bundle (${report.totals.created} entities) into the empty graph`);
  return created;
}
