/**
 * `node bench/profile-reads.ts [--no-response-cache] [--duration 8] [--peer] [--out DIR] [--reads 1,2,3,4]`:
 * where the service spends CPU on reads 1-4 of bench/reads.ts under autocannon load (10 connections,
 * demo data on a fresh local Neo4j). For each read it prints requests per second, the CPU this Node
 * process and the Neo4j JVM each spent per request (so a slow read can be told apart as ours or the
 * database's), and the functions and files with the most self time in a CPU profile of the process
 * taken during the load (node:inspector). The .cpuprofile files go to --out (open them in Chrome
 * DevTools). --peer profiles @neo4j/graphql the same way instead of ours. Stops what it starts.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import type { RequestListener, Server } from 'node:http';
import { Session } from 'node:inspector/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createApp } from '../src/app.ts';
import { loadDemoIfEmpty } from '../src/import/demo.ts';
import { findRunningNeo4j } from '../tools/neo4j/running-neo4j.ts';
import { startFreshNeo4j } from './fresh-neo4j.ts';
import { close, listen, load, stopLoadClients } from './http-load.ts';
import { createPeerApp } from './peer/peer-app.ts';
import { cpuSecondsOf } from './process-cpu.ts';
import { READS, type ReadIds } from './reads.ts';
import { responseCacheOption, withResponseCache } from './response-cache-flag.ts';

const { values: args } = parseArgs({
  allowNegative: true,
  options: {
    ...responseCacheOption,
    duration: { type: 'string', default: '8' },
    connections: { type: 'string', default: '10' },
    peer: { type: 'boolean', default: false },
    out: { type: 'string', default: '/tmp/optics-graph-profiles' },
    reads: { type: 'string', default: '1,2,3,4' },
    top: { type: 'string', default: '25' },
  },
});
const root = fileURLToPath(new URL('..', import.meta.url));
const ids: ReadIds = { device: 'huawei-p50', opticsPartner: 'leica', leaker: 'digital-chat-station' };

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
}

function summarise(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }, top: number): string {
  const selfByNode = new Map<number, number>();
  for (const [i, id] of profile.samples.entries()) selfByNode.set(id, (selfByNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const self = selfByNode.get(node.id) ?? 0;
    if (!self) continue;
    total += self;
    const url = node.callFrame.url.replace('file://', '');
    const file = url ? relative(root, url).replace(/^node_modules\//, '') : `(${node.callFrame.functionName || 'native'})`;
    const pkgFile = file.replace(/^(@[^/]+\/[^/]+|[^/]+)\/.*$/, (m, pkg: string) => (file.startsWith('src/') || file.startsWith('bench/') ? m : pkg));
    const fn = `${node.callFrame.functionName || '(anonymous)'} ${file}:${node.callFrame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + self);
    byFile.set(pkgFile, (byFile.get(pkgFile) ?? 0) + self);
  }
  const rows = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => `  ${((100 * us) / total).toFixed(1).padStart(5)}%  ${name}`)
      .join('\n');
  return `self time by package/file:\n${rows(byFile)}\nself time by function:\n${rows(byFunction)}`;
}

const neo4j = await startFreshNeo4j({ heap: '1g', pageCache: '256m' }, (line) => console.log(line));
let server: Server | null = null;
try {
  const { runtime, config, logger } = neo4j;
  await loadDemoIfEmpty(runtime.graph, logger);
  const served = withResponseCache(config, args['response-cache']);
  const handler: RequestListener = args.peer
    ? await createPeerApp(runtime.graph.driver, runtime.connection.database)
    : createApp({ config: served.config, graph: runtime.graph, logger });
  const listening = await listen(handler);
  server = listening.server;
  const { url } = listening;
  // The JVM the launcher runs Neo4j in: its process id is noted in the data folder.
  const running = await findRunningNeo4j(neo4j.dataDir);
  if (!running) throw new Error(`no Neo4j noted as running on ${neo4j.dataDir}`);
  const jvm = running.pid;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  mkdirSync(args.out, { recursive: true });
  const duration = Number(args.duration);
  const connections = Number(args.connections);
  console.log(`${args.peer ? '@neo4j/graphql' : `ours, ${served.label}`}; ${args.connections} connections, ${duration} s per read`);
  const bodyOf = (index: number) => {
    const read = READS[index - 1]!;
    return JSON.stringify({ query: args.peer ? read.peer : read.ours, variables: read.variables(ids) });
  };
  const reads = args.reads.split(',').map(Number);
  // Neo4j's JIT compiles for tens of seconds after a start (bench/throughput.ts): every read runs
  // under load once before any is profiled, or the first looks dearer in Neo4j than it is.
  for (const index of reads) await load(url, bodyOf(index), connections, duration);
  for (const index of reads) {
    const read = READS[index - 1]!;
    const body = bodyOf(index);
    await load(url, body, connections, Math.max(3, duration / 2));
    const node0 = process.cpuUsage();
    const jvm0 = cpuSecondsOf(jvm);
    await session.post('Profiler.start');
    const result = await load(url, body, connections, duration);
    const { profile } = await session.post('Profiler.stop');
    const node1 = process.cpuUsage(node0);
    const jvmSeconds = cpuSecondsOf(jvm) - jvm0;
    if (result.errors || result.non2xx) throw new Error(`${read.name}: ${result.errors} errors, ${result.non2xx} non-2xx`);
    const file = join(args.out, `${args.peer ? 'peer' : 'ours'}-read${index}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    const nodeMs = (node1.user + node1.system) / 1000 / result.total;
    console.log(
      `\n== ${read.name}: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.latencyP50} ms; CPU per request: Node ${nodeMs.toFixed(2)} ms, Neo4j ${((jvmSeconds * 1000) / result.total).toFixed(2)} ms (${file})`,
    );
    console.log(summarise(profile as never, Number(args.top)));
  }
  session.disconnect();
} finally {
  stopLoadClients();
  if (server) await close(server);
  await neo4j.stop();
}
process.exit(0);
