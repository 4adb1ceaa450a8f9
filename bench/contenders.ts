/**
 * The three contenders as one kind of thing: run a read with some ids, get back the time it took,
 * the answer in the comparable shape, and (ours only) the Cypher round trips it reported.
 * Ours and the peer go through their yoga instance's `fetch` (no HTTP, as bench/outlook.ts does);
 * the floor runs its one statement in a managed read transaction on the same driver.
 */
import type { Driver } from 'neo4j-driver';
import type { Read, ReadIds } from './reads.ts';

export interface Answer {
  ms: number;
  comparable: unknown;
  roundTrips?: number;
}

export interface Contender {
  name: string;
  run(read: Read, ids: ReadIds): Promise<Answer>;
}

interface FetchesGraphQL {
  fetch(url: string, init: RequestInit): Response | Promise<Response>;
}

/** Posts one GraphQL document; a response with errors fails loudly: a timing of an error means nothing. */
export async function postGraphQL(app: FetchesGraphQL, query: string, variables: Record<string, unknown>, label: string) {
  const response = await app.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[]; extensions?: { cypherRoundTrips?: number } };
  if (body.errors || !body.data) throw new Error(`${label}: ${JSON.stringify(body.errors ?? body)}`);
  return body;
}

export function graphqlContender(name: string, app: FetchesGraphQL, side: 'ours' | 'peer'): Contender {
  return {
    name,
    async run(read, ids) {
      const started = performance.now();
      const body = await postGraphQL(app, read[side], read.variables(ids), `${name}, read ${read.name}`);
      const ms = performance.now() - started;
      const comparable = side === 'ours' ? read.fromOurs(body.data) : read.fromPeer(body.data);
      return { ms, comparable, roundTrips: body.extensions?.cypherRoundTrips };
    },
  };
}

export function rawCypherContender(driver: Driver, database: string): Contender {
  return {
    name: 'raw Cypher',
    async run(read, ids) {
      const started = performance.now();
      const session = driver.session({ database, defaultAccessMode: 'READ' });
      try {
        const rows = await session.executeRead(async (tx) => (await tx.run(read.raw, read.variables(ids))).records.map((r) => r.toObject()));
        return { ms: performance.now() - started, comparable: read.fromRaw(rows) };
      } finally {
        await session.close();
      }
    },
  };
}
