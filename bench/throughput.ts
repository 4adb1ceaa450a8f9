/**
 * Requests per second over HTTP at a fixed concurrency: ours and the peer each served by node:http
 * on a free loopback port, loaded by autocannon in a child process (bench/load-client.ts), one read
 * and one contender at a time, alternating. Every server and child it starts it stops again, the
 * children by process id, also when a run fails.
 */
import type { RequestListener, Server } from 'node:http';
import { postGraphQL } from './contenders.ts';
import { close, listen, load, stopLoadClients, type LoadResult } from './http-load.ts';
import { firstDifference, READS, type ReadIds } from './reads.ts';
import { ratio, table } from './timing.ts';

export interface ThroughputOptions {
  ours: RequestListener;
  /** How ours is named in the table: with or without its response cache (bench/response-cache-flag.ts). */
  oursLabel: string;
  peer: RequestListener;
  ids: ReadIds;
  connections: number;
  durationSeconds: number;
  log: (line: string) => void;
}

export async function compareThroughput(options: ThroughputOptions): Promise<string> {
  const servers: Server[] = [];
  try {
    const ours = await listen(options.ours);
    servers.push(ours.server);
    const peer = await listen(options.peer);
    servers.push(peer.server);
    const over = (url: string) => ({ fetch: (_: string, init: RequestInit) => fetch(url, init) });
    const rows: string[][] = [];
    for (const read of READS) {
      const variables = read.variables(options.ids);
      // Over HTTP first, once: a server answering errors fast would otherwise look quick.
      const oursData = read.fromOurs((await postGraphQL(over(ours.url), read.ours, variables, `ours over HTTP, ${read.name}`)).data);
      const peerData = read.fromPeer((await postGraphQL(over(peer.url), read.peer, variables, `peer over HTTP, ${read.name}`)).data);
      const differs = firstDifference(oursData, peerData);
      if (differs) options.log(`note: on the demo data ${read.name} differs (as-of rules and imprecise dates are ours alone): ${differs}`);
      const result: Record<string, LoadResult> = {};
      const both = [
        ['ours', ours.url, read.ours],
        ['peer', peer.url, read.peer],
      ] as const;
      // Each server is warmed under the same load first (its JIT, the plans in Neo4j's query cache),
      // and which one goes first alternates by read: the first measurements here were 30-40% below
      // the later ones of the same server.
      for (const [, url, query] of both) await load(url, JSON.stringify({ query, variables }), options.connections, Math.max(2, options.durationSeconds / 3));
      for (const [name, url, query] of READS.indexOf(read) % 2 === 0 ? both : [...both].reverse()) {
        result[name] = await load(url, JSON.stringify({ query, variables }), options.connections, options.durationSeconds);
        if (result[name].errors > 0 || result[name].non2xx > 0) {
          throw new Error(`${name}, ${read.name}: ${result[name].errors} errors and ${result[name].non2xx} non-2xx responses under load`);
        }
      }
      const [o, p] = [result.ours!, result.peer!];
      rows.push([
        read.name,
        o.requestsPerSecond.toFixed(0),
        p.requestsPerSecond.toFixed(0),
        ratio(o.requestsPerSecond, p.requestsPerSecond),
        String(o.latencyP50),
        String(p.latencyP50),
      ]);
      options.log(`  ${read.name}: ${options.oursLabel} ${o.requestsPerSecond.toFixed(0)} req/s, @neo4j/graphql ${p.requestsPerSecond.toFixed(0)} req/s`);
    }
    const name = options.oursLabel;
    return table(['read (demo data, HTTP)', `${name} req/s`, '@neo4j/graphql req/s', `${name} / peer`, `${name} p50 ms`, 'peer p50 ms'], rows);
  } finally {
    stopLoadClients();
    await Promise.all(servers.map(close));
  }
}
