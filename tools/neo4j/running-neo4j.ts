/**
 * A note, inside a local Neo4j's data folder, of where the Neo4j that holds the folder listens.
 * Neo4j locks its data folder while it runs, so a second process of this project (`npm run import`
 * while `npm start` runs, or `npm start` while `npm run neo4j` runs) cannot start its own on the
 * same folder; it reads this note and connects to the running one instead. The note lives in the
 * data folder so that each folder (the configured one, a test's temporary one) has its own.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

export interface RunningNeo4j {
  uri: string;
  version: string;
  /** The launcher's process id. */
  pid: number;
  /** The command that started it, for the message that names it. */
  startedBy: string;
}

const noteFile = (dataDir: string) => join(dataDir, 'running.json');

export function noteRunningNeo4j(dataDir: string, running: RunningNeo4j): void {
  writeFileSync(noteFile(dataDir), `${JSON.stringify(running, null, 2)}\n`);
}

/** Removes the note if it still names this process (a later start may have written its own). */
export function forgetRunningNeo4j(dataDir: string, pid: number): void {
  const note = readNote(dataDir);
  if (note?.pid === pid) rmSync(noteFile(dataDir), { force: true });
}

/**
 * The Neo4j that runs on this data folder now, or null. A note whose process is gone or whose port
 * does not answer (a launcher killed with SIGKILL cannot remove it) is stale and ignored.
 */
export async function findRunningNeo4j(dataDir: string): Promise<RunningNeo4j | null> {
  const note = readNote(dataDir);
  if (!note || !processAlive(note.pid)) return null;
  const { hostname, port } = new URL(note.uri.replace(/^bolt:/, 'http:'));
  return (await portAnswers(hostname, Number(port))) ? note : null;
}

function readNote(dataDir: string): RunningNeo4j | null {
  let text: string;
  try {
    text = readFileSync(noteFile(dataDir), 'utf8');
  } catch {
    return null;
  }
  try {
    const note = JSON.parse(text) as Partial<RunningNeo4j>;
    if (typeof note.uri !== 'string' || typeof note.pid !== 'number') return null;
    return { uri: note.uri, pid: note.pid, version: String(note.version ?? ''), startedBy: String(note.startedBy ?? '') };
  } catch {
    return null;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function portAnswers(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = connect({ host, port, timeout: timeoutMs });
    const done = (answered: boolean) => {
      socket.destroy();
      resolvePromise(answered);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}
