/**
 * CPU time a process has used, for the benches that split a request's cost between this Node
 * process and the Neo4j JVM: on this 2-core machine requests per second are bound by the sum.
 */
import { readFileSync } from 'node:fs';

/** CPU seconds (user + system) process `pid` has used so far, from /proc (Linux). */
export function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds (user + system) this process has used so far. */
export function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}
