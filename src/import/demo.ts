import type { GraphExecutor } from '../graph/executor.ts';
import type { Logger } from '../log.ts';

/** Placeholder until the importer lands (issue 3): reports nothing loaded. */
export async function loadDemoIfEmpty(_graph: GraphExecutor, _logger: Logger): Promise<Record<string, number> | null> {
  return null;
}
