/**
 * Times contenders on one read, interleaved: every run asks each contender once, in an order that
 * rotates from run to run, so a slow moment of the machine (2 shared cores) or a cache warming up
 * falls on all of them alike instead of on whoever ran in that stretch.
 */
import type { Contender } from './contenders.ts';
import type { Read, ReadIds } from './reads.ts';

export interface Timing {
  median: number;
  p95: number;
  runs: number;
  roundTrips?: number;
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/**
 * `budgetSeconds` bounds one read's whole measurement: a contender that takes seconds per answer
 * would otherwise hold the bench for many minutes. It stops early only after 3 timed runs, and the
 * table says how many runs each median stands on.
 */
export async function timeInterleaved(contenders: Contender[], read: Read, ids: ReadIds, warmup: number, runs: number, budgetSeconds = Infinity): Promise<Map<string, Timing>> {
  const samples = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
  const roundTrips = new Map<string, number | undefined>();
  const started = performance.now();
  const overBudget = () => performance.now() - started > budgetSeconds * 1000;
  const round = async (run: number, timed: boolean) => {
    for (let k = 0; k < contenders.length; k++) {
      const contender = contenders[(run + k) % contenders.length]!;
      const answer = await contender.run(read, ids);
      if (timed) samples.get(contender.name)!.push(answer.ms);
      roundTrips.set(contender.name, answer.roundTrips);
    }
  };
  for (let run = 0; run < warmup && !(run >= 1 && overBudget()); run++) await round(run, false);
  for (let run = 0; run < runs && !(run >= 3 && overBudget()); run++) await round(run, true);
  return new Map(
    [...samples].map(([name, ms]) => {
      ms.sort((a, b) => a - b);
      return [name, { median: percentile(ms, 50), p95: percentile(ms, 95), runs: ms.length, roundTrips: roundTrips.get(name) }];
    }),
  );
}

/** A fixed-width table: the first column left-aligned, the others right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const ms = (value: number | undefined) => (value === undefined ? '-' : value.toFixed(1));
export const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || b === 0 ? '-' : `${(a / b).toFixed(2)}x`);
