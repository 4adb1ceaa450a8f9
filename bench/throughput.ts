/**
 * Requests per second over HTTP at a fixed concurrency: ours and the peer each served by node:http
 * on a free loopback port, loaded by autocannon in a child process (bench/load-client.ts), one read
 * and one contender at a time, alternating. Every server and child it starts it stops again, the
 * children by process id, also when a run fails.
 *
 * Beside each rate, the CPU one request cost this Node process (both servers run in it) and the Neo4j
 * JVM: on 2 cores shared with the load client the rate is bound by their sum, so the columns say
 * whose work a gap is. A first row asks `{ __typename }`, which neither contender answers from Neo4j:
 * what HTTP and GraphQL alone cost, the floor under every read.
 */
import type { RequestListener, Server } from 'node:http';
import { postGraphQL } from './contenders.ts';
import { cpuSecondsOf, ownCpuSeconds } from './process-cpu.ts';
import { close, listen, load, stopLoadClients } from './http-load.ts';
import { firstDifference, READS, type Read, type ReadIds } from './reads.ts';
import { ratio, table } from './timing.ts';

export interface ThroughputOptions {
  ours: RequestListener;
  /** How ours is named in the table: with or without its response cache (bench/response-cache-flag.ts). */
  oursLabel: string;
  peer: RequestListener;
  ids: ReadIds;
  /** The Neo4j JVM's process id, to tell its CPU per request. */
  neo4jPid: number;
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
    /** One load of `body` at `url`, with the CPU per request of this process and of Neo4j meanwhile. */
    const measured = async (url: string, body: string) => {
      const [node0, neo0] = [ownCpuSeconds(), cpuSecondsOf(options.neo4jPid)];
      const result = await load(url, body, options.connections, options.durationSeconds);
      const perRequest = (seconds: number) => ((seconds * 1000) / Math.max(1, result.total)).toFixed(2);
      return { result, nodeMs: perRequest(ownCpuSeconds() - node0), neo4jMs: perRequest(cpuSecondsOf(options.neo4jPid) - neo0) };
    };
    /** What each row asks of each contender; `read` names the scale bench's read whose answers must agree. */
    const cases: { name: string; ours: string; peer: string; variables: Record<string, unknown>; read?: Read }[] = [
      { name: '0 { __typename }: HTTP and GraphQL, no Neo4j', ours: '{ __typename }', peer: '{ __typename }', variables: {} },
      ...READS.map((read) => ({ name: read.name, ours: read.ours, peer: read.peer, variables: read.variables(options.ids), read })),
    ];
    // Neo4j's JIT keeps compiling for tens of seconds after the first requests: a statement run
    // 10-way on a fresh JVM cost 2.0 ms of Neo4j's CPU in its first 4 s and 0.46 ms from its ninth
    // second on. So every case of both contenders is run under load once before anything is
    // measured; a shorter warm-up made whichever read came first look dearer in Neo4j.
    for (const each of cases) {
      await load(ours.url, JSON.stringify({ query: each.ours, variables: each.variables }), options.connections, options.durationSeconds);
      await load(peer.url, JSON.stringify({ query: each.peer, variables: each.variables }), options.connections, options.durationSeconds);
    }
    for (const [index, read] of cases.entries()) {
      const { variables, read: source } = read;
      if (source) {
        // Over HTTP first, once: a server answering errors fast would otherwise look quick.
        const oursData = source.fromOurs((await postGraphQL(over(ours.url), read.ours, variables, `ours over HTTP, ${read.name}`)).data);
        const peerData = source.fromPeer((await postGraphQL(over(peer.url), read.peer, variables, `peer over HTTP, ${read.name}`)).data);
        const differs = firstDifference(oursData, peerData);
        if (differs) options.log(`note: on the demo data ${read.name} differs (as-of rules and imprecise dates are ours alone): ${differs}`);
      }
      const result: Record<string, Awaited<ReturnType<typeof measured>>> = {};
      const both = [
        ['ours', ours.url, read.ours],
        ['peer', peer.url, read.peer],
      ] as const;
      // Each server is warmed under the same load first (its JIT, the plans in Neo4j's query cache),
      // and which one goes first alternates by read: the first measurements here were 30-40% below
      // the later ones of the same server.
      for (const [, url, query] of both) await load(url, JSON.stringify({ query, variables }), options.connections, Math.max(2, options.durationSeconds / 3));
      for (const [name, url, query] of index % 2 === 1 ? both : [...both].reverse()) {
        result[name] = await measured(url, JSON.stringify({ query, variables }));
        const { errors, non2xx } = result[name].result;
        if (errors > 0 || non2xx > 0) throw new Error(`${name}, ${read.name}: ${errors} errors and ${non2xx} non-2xx responses under load`);
      }
      const [o, p] = [result.ours!, result.peer!];
      rows.push([
        read.name,
        o.result.requestsPerSecond.toFixed(0),
        p.result.requestsPerSecond.toFixed(0),
        ratio(o.result.requestsPerSecond, p.result.requestsPerSecond),
        String(o.result.latencyP50),
        String(p.result.latencyP50),
        `${o.nodeMs} + ${o.neo4jMs}`,
        `${p.nodeMs} + ${p.neo4jMs}`,
      ]);
      options.log(`  ${read.name}: ${options.oursLabel} ${o.result.requestsPerSecond.toFixed(0)} req/s, @neo4j/graphql ${p.result.requestsPerSecond.toFixed(0)} req/s`);
    }
    const name = options.oursLabel;
    const cpu = 'CPU ms: Node + Neo4j';
    return table(['read (demo data, HTTP)', `${name} req/s`, '@neo4j/graphql req/s', `${name} / peer`, `${name} p50 ms`, 'peer p50 ms', `ours ${cpu}`, `peer ${cpu}`], rows);
  } finally {
    stopLoadClients();
    await Promise.all(servers.map(close));
  }
}
