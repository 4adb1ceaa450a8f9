/**
 * `/health` (liveness) and `/ready` (readiness), each answering a small JSON body that says what it
 * checked, so a person or an orchestrator can tell why.
 * - /health checks only that this process serves HTTP: it never touches Neo4j, so an outage does not
 *   get a healthy process restarted. 200 `{"status":"ok","checks":{"process":"ok"},...}`.
 * - /ready asks Neo4j one short read with no retry (the migrations it holds, 5 s at most): 200 when
 *   Neo4j answers and every migration is applied, else 503 with the reason. While Neo4j is known to
 *   be down it answers 503 at once; the executor's probe brings it back within about a second of
 *   Neo4j's return.
 */
import type { Plugin } from 'graphql-yoga';
import type { RequestContext } from '../context.ts';
import type { GraphExecutor } from '../graph/executor.ts';
import { readMigrations } from '../graph/migrations.ts';

export interface ReadyBody {
  status: 'ready' | 'unavailable';
  checks: {
    neo4j: { status: 'up'; ms: number } | { status: 'down'; since?: string; reason: string };
    migrations?: { status: 'applied' | 'missing'; missing?: string[] };
  };
}

export function useHealth(graph: GraphExecutor): Plugin<RequestContext> {
  const startedAt = Date.now();
  const migrationIds = readMigrations().map((m) => m.id);
  const json = (body: unknown, status: number) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });
  return {
    async onRequest({ url, endResponse }) {
      if (url.pathname === '/health') {
        endResponse(json({ status: 'ok', checks: { process: 'ok' }, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) }, 200));
        return;
      }
      if (url.pathname !== '/ready') return;
      const body = await readiness(graph, migrationIds);
      endResponse(json(body, body.status === 'ready' ? 200 : 503));
    },
  };
}

async function readiness(graph: GraphExecutor, migrations: string[]): Promise<ReadyBody> {
  const known = graph.availability.state;
  if (!known.available) return { status: 'unavailable', checks: { neo4j: { status: 'down', since: known.downSince, reason: known.reason ?? 'unreachable' } } };
  try {
    const { ms, migrationIds } = await graph.ping();
    const applied = new Set(migrationIds);
    const missing = migrations.filter((id) => !applied.has(id));
    return {
      status: missing.length === 0 ? 'ready' : 'unavailable',
      checks: { neo4j: { status: 'up', ms }, migrations: missing.length === 0 ? { status: 'applied' } : { status: 'missing', missing } },
    };
  } catch (error) {
    return { status: 'unavailable', checks: { neo4j: { status: 'down', reason: error instanceof Error ? error.message : String(error) } } };
  }
}
