/**
 * The analytics scripts run as a data person runs them, once against the test run's Neo4j and once
 * through the real service's GraphQL endpoint (`--graphql URL`) on the same demo data: the same
 * printout and the same files, byte for byte. And a service that is not there is named in the error.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freeLocalPort } from '../../tools/neo4j/local-neo4j.ts';
import { neo4jEnvironment, startService, type ServiceProcess } from '../support/service-process.ts';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
let service: ServiceProcess;
let outRoot: string;

beforeAll(async () => {
  service = await startService({});
  outRoot = await mkdtemp(join(tmpdir(), 'analytics-via-graphql-'));
}, 150_000);
afterAll(async () => {
  await service?.stop();
  if (outRoot) await rm(outRoot, { recursive: true, force: true });
});

function environment(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...neo4jEnvironment() };
}

/** Runs `node analytics/<script>.ts args` writing into its own folder; its printout and every file it wrote. */
async function script(name: string, args: string[], via: 'neo4j' | 'graphql') {
  const out = join(outRoot, `${name}-${via}-${args.join('_').replace(/[^a-z0-9_-]/gi, '')}`);
  const source = via === 'graphql' ? ['--graphql', `${service.baseUrl}/graphql`] : [];
  const { stdout } = await run(process.execPath, [join(root, 'analytics', `${name}.ts`), ...args, '--out', out, ...source], { cwd: root, env: environment(), maxBuffer: 1 << 24 });
  const files: Record<string, string> = {};
  for (const file of (await readdir(out)).sort())
    files[file] = file.endsWith('.png') ? (await readFile(join(out, file))).toString('base64') : await readFile(join(out, file), 'utf8');
  // The folder differs between the two runs; the lines that name it do not otherwise.
  return { stdout: stdout.replaceAll(out, 'OUT'), files };
}

async function sameBothWays(name: string, args: string[]) {
  const [fromNeo4j, fromApi] = [await script(name, args, 'neo4j'), await script(name, args, 'graphql')];
  expect(Object.keys(fromNeo4j.files).length).toBeGreaterThan(1);
  expect(Object.keys(fromApi.files)).toEqual(Object.keys(fromNeo4j.files));
  for (const file of Object.keys(fromNeo4j.files)) expect(fromApi.files[file], file).toBe(fromNeo4j.files[file]);
  expect(fromApi.stdout).toBe(fromNeo4j.stdout);
  return fromApi;
}

describe('the analytics scripts through the service GraphQL API', () => {
  it('network: the same measures, GEXF and CSV as from Neo4j, on both days', async () => {
    const { stdout } = await sameBothWays('network', ['--as-of', '2021-11-16', '--compare-with', '2024-01-01']);
    expect(stdout).toContain('the partner network as known on 2021-11-16: 12 companies, 9 ties');
  }, 180_000);

  it('calibration: the same per-leaker Brier and log loss, claims CSV and reliability diagram as from Neo4j', async () => {
    const { stdout, files } = await sameBothWays('calibration', ['--as-of', '2026-01-01']);
    expect(stdout).toContain('| all leakers |');
    expect(files['calibration-claims-2026-01-01.csv']!.split('\n').length).toBeGreaterThan(10);
  }, 180_000);

  it("timeline: the same picture of Leica's partnerships, clauses and claims as from Neo4j, before and after Huawei–Leica ended", async () => {
    const before = await sameBothWays('timeline', ['--partner', 'leica', '--as-of', '2021-11-16']);
    expect(before.stdout).toContain('ends with the Huawei P50 series launch');
    const after = await sameBothWays('timeline', ['--partner', 'leica', '--as-of', '2022-06-01']);
    expect(after.stdout).toContain('xiaomi-leica');
  }, 180_000);

  it('backtest: the same summary and per-event ranks as the replay on Neo4j, asked four events a request', async () => {
    const backtest = async (extra: string[]) => {
      const { stdout } = await run(process.execPath, [join(root, 'analytics', 'backtest.ts'), '--as-of', '2026-01-01', ...extra], {
        cwd: root,
        env: environment(),
        maxBuffer: 1 << 24,
      });
      // The last line says how long it took, and how many requests that was.
      return { report: stdout.trimEnd().split('\n').slice(0, -1).join('\n'), last: stdout.trimEnd().split('\n').at(-1)! };
    };
    const fromNeo4j = await backtest([]);
    const fromApi = await backtest(['--graphql', `${service.baseUrl}/graphql`, '--max-events', '4']);
    expect(fromApi.report).toBe(fromNeo4j.report);
    expect(fromApi.report).toContain('| 90 days | outlook |');
    const outlooks = (line: string) => line.split(' outlooks in ')[0];
    expect(outlooks(fromApi.last)).toBe(outlooks(fromNeo4j.last));
    const backtests = Number(/, (\d+) of them backtests/.exec(fromApi.last)?.[1]);
    const events = fromApi.report.split('\n').filter((line) => /^\| [a-z0-9-]+ \| \d{4}-/.test(line)).length;
    expect(events).toBeGreaterThan(8);
    expect(backtests).toBeGreaterThanOrEqual(events / 4);
  }, 300_000);

  it('names the URL when no service answers there, and writes nothing', async () => {
    const url = `http://127.0.0.1:${await freeLocalPort()}/graphql`;
    const failed = await run(process.execPath, [join(root, 'analytics', 'network.ts'), '--as-of', '2021-11-16', '--out', join(outRoot, 'down'), '--graphql', url], {
      cwd: root,
      env: environment(),
    }).catch((error: { code: number; stderr: string }) => error);
    expect('code' in failed && failed.code).toBe(1);
    expect((failed as { stderr: string }).stderr).toContain(`cannot reach the service at ${url}`);
  }, 60_000);
});
