/**
 * The local Neo4j: Neo4j 5.26 Community embedded in a small Java launcher (scripts/neo4j-local),
 * for machines with neither a server of the user's own nor a Docker engine. Built with Maven on
 * first use (Maven caches the jars; a later start reuses the build), spawned, awaited until its
 * Bolt connector answers, and stopped by its process id. While it runs, its data folder holds a
 * note of where it listens (running-neo4j.ts), so another process of this project uses it instead
 * of failing on the folder's lock.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forgetRunningNeo4j, noteRunningNeo4j } from './running-neo4j.ts';

const launcherDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../scripts/neo4j-local');
const launcherJar = join(launcherDir, 'target/neo4j-local-1.0.0.jar');
const launcherLib = join(launcherDir, 'target/lib');

/**
 * The flags Neo4j's own server passes to the JVM (its neo4j.conf's server.jvm.additional): the module
 * flags an embedded start on Java 17 needs, and the ones that make it faster. TrustFinalNonStaticFields
 * lets the JIT treat final fields as constants. The busiest outlook at 1M claims ran 5-10% faster with
 * them in two alternating pairs of in-process runs (median 68-69 against 73-76 ms); the scale bench's
 * runs could not tell them from the machine's noise (README, "At size").
 */
const jvmFlags = [
  '-XX:+UseG1GC',
  '-XX:+UnlockExperimentalVMOptions',
  '-XX:+TrustFinalNonStaticFields',
  '-XX:+DisableExplicitGC',
  '-XX:-OmitStackTraceInFastThrow',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-XX:+ExitOnOutOfMemoryError',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
];

/** The launcher's class path: its jar and every Neo4j jar (the offline bulk importer among them). */
export function launcherClasspath(): string {
  return `${launcherJar}:${launcherLib}/*`;
}

export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
}

export interface LocalNeo4jOptions {
  port: number;
  dataDir: string;
  heap: string;
  pageCache: string;
  /**
   * Memory one transaction may use (db.memory.transaction.max), e.g. "600m".
   * @default 60% of the heap
   */
  transactionMemory?: string;
  /** Called with progress lines ("building the launcher..."). */
  onProgress?: (message: string) => void;
  /** @default 180000 */
  startTimeoutMs?: number;
}

export interface LocalNeo4j {
  uri: string;
  version: string;
  pid: number;
  /** Settles when the launcher's process ends, with its exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

export function javaAvailable(): boolean {
  return spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;
}

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
}

/** Builds the launcher unless a build newer than its sources is already there. */
export function ensureLauncherBuilt(onProgress?: (message: string) => void): void {
  const sourcesChanged = Math.max(newestChange(join(launcherDir, 'pom.xml')), newestChange(join(launcherDir, 'src')));
  if (existsSync(launcherJar) && existsSync(launcherLib) && statSync(launcherJar).mtimeMs >= sourcesChanged) return;
  onProgress?.('building the local Neo4j launcher with Maven (first start only; later starts reuse it)');
  const build = spawnSync('mvn', ['-q', '-B', '-f', join(launcherDir, 'pom.xml'), 'package', '-DskipTests'], {
    encoding: 'utf8',
  });
  if (build.error) {
    throw new LocalNeo4jError(`could not run Maven (${build.error.message}); install Maven 3 or set NEO4J_URI to a running Neo4j 5`);
  }
  if (build.status !== 0) {
    const tail = `${build.stdout}\n${build.stderr}`.trim().split('\n').slice(-15).join('\n');
    throw new LocalNeo4jError(`building the local Neo4j launcher failed (mvn exit ${build.status}):\n${tail}`);
  }
}

export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  ensureLauncherBuilt(options.onProgress);
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  options.onProgress?.(`starting local Neo4j on 127.0.0.1:${options.port} with data in ${dataDir}`);
  const child = spawn(
    'java',
    [
      `-Xms${options.heap}`,
      `-Xmx${options.heap}`,
      ...jvmFlags,
      '-cp',
      launcherClasspath(),
      'local.neo4j.LocalNeo4j',
      dataDir,
      String(options.port),
      options.pageCache,
      ...transactionLimits(options.heap, options.transactionMemory),
    ],
    // stdin stays a pipe on purpose: the launcher shuts down when it closes (see LocalNeo4j.java).
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  const ready = await awaitReadyLine(child, options.startTimeoutMs ?? 180_000);
  const pid = child.pid;
  if (pid === undefined) throw new LocalNeo4jError('java started without a process id');
  noteRunningNeo4j(dataDir, { uri: ready.uri, version: ready.version, pid, startedBy: startingCommand() });
  // Removed when the launcher ends however it ends (stopped, crashed, or its parent gone).
  void exited.then(() => forgetRunningNeo4j(dataDir, pid));
  return {
    uri: ready.uri,
    version: ready.version,
    pid,
    exited,
    stop: async () => {
      await stopProcess(child);
      forgetRunningNeo4j(dataDir, pid);
    },
  };
}

/** Bytes in a size such as 512m or 2g (the form config.ts accepts). */
export function sizeInBytes(size: string): number {
  const [, amount, unit] = /^(\d+)([kmg])$/i.exec(size.trim()) ?? [];
  if (!amount || !unit) throw new LocalNeo4jError(`not a size: ${JSON.stringify(size)} (write e.g. 512m or 2g)`);
  return Number(amount) * 1024 ** ' kmg'.indexOf(unit.toLowerCase());
}

/**
 * The launcher's transaction memory limits. Neo4j tracks what a query holds (rows, collected lists,
 * sorts, transaction state) and fails a transaction that goes over its limit with a memory error the
 * service maps to QUERY_TOO_EXPENSIVE, instead of letting the heap run out, which ends the JVM
 * (-XX:+ExitOnOutOfMemoryError) for every client. One transaction gets 60% of the heap by default
 * (the import is the only big one: about 36 KB per claim); all together get 70%, Neo4j's own default
 * made explicit, so the rest of the heap stays for what Neo4j does not track (caches, Lucene, Bolt).
 */
export function transactionLimits(heap: string, transactionMemory?: string): string[] {
  const heapBytes = sizeInBytes(heap);
  const mb = (bytes: number) => `${Math.max(1, Math.floor(bytes / 1024 ** 2))}m`;
  const perTransaction = transactionMemory ? sizeInBytes(transactionMemory) : heapBytes * 0.6;
  const total = Math.max(heapBytes * 0.7, perTransaction);
  return [`db.memory.transaction.max=${mb(perTransaction)}`, `dbms.memory.transaction.total.max=${mb(total)}`];
}

function awaitReadyLine(child: ChildProcess, timeoutMs: number): Promise<{ uri: string; version: string }> {
  const { stdout: out, stderr: err } = child;
  // The launcher is spawned with piped output (its ready line comes on stdout); without pipes there is nothing to wait for.
  if (!out || !err) return Promise.reject(new LocalNeo4jError('the local Neo4j launcher was started without piped stdout and stderr'));
  return new Promise((resolvePromise, reject) => {
    let stdout = '';
    let stderr = '';
    const fail = (message: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new LocalNeo4jError(message));
    };
    const timer = setTimeout(() => fail(`local Neo4j did not report ready within ${timeoutMs / 1000}s; last output:\n${(stdout + stderr).slice(-2000)}`), timeoutMs);
    err.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-20_000);
    });
    out.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const ready = /^NEO4J_LOCAL_READY (\S+) version=(\S+)/m.exec(stdout);
      if (ready) {
        clearTimeout(timer);
        out.removeAllListeners('data');
        out.resume();
        resolvePromise({ uri: ready[1] ?? '', version: ready[2] ?? '' });
        return;
      }
      const failed = /^NEO4J_LOCAL_FAILED (.*)$/m.exec(stdout);
      if (failed) fail(`local Neo4j could not start: ${failed[1]}`);
    });
    child.on('error', (error) => fail(`could not start java: ${error.message}`));
    child.on('exit', (code) => {
      if (code !== null && !/NEO4J_LOCAL_READY/.test(stdout)) {
        const failed = /^NEO4J_LOCAL_FAILED (.*)$/m.exec(stdout);
        fail(failed ? `local Neo4j could not start: ${failed[1]}` : `local Neo4j exited with code ${code}:\n${stderr.slice(-2000)}`);
      }
    });
  });
}

/** `npm start`, `npm run import`... as the user typed it, for the message of a process that finds this one. */
function startingCommand(): string {
  const script = process.env.npm_lifecycle_event;
  if (script) return script === 'start' || script === 'test' ? `npm ${script}` : `npm run ${script}`;
  return process.argv.slice(1).join(' ');
}

/** SIGTERM lets Neo4j flush and release its store lock; SIGKILL only if it hangs. */
function stopProcess(child: ChildProcess, graceMs = 30_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(killer);
      resolvePromise();
    });
    child.kill('SIGTERM');
  });
}

/** A port on 127.0.0.1 that is free now: tests and the benchmark start their own Neo4j beside a running service. */
export function freeLocalPort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePromise(port));
    });
  });
}
