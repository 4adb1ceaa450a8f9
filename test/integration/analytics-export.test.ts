/**
 * The export round trip: the demo graph as known on a day, written by analytics/export and read back
 * by readers this project did not write (graphology's GraphML and GEXF parsers, csv-parse, and
 * networkx where python3-networkx is installed), with the same nodes, edges and properties in every
 * format, and the same counts the GraphQL API gives for that day.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MultiDirectedGraph as Graph } from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportGraphAsOf, type ExportReport } from '../../analytics/export/export-graph.ts';
import { createHarness } from '../support/harness.ts';

const harness = createHarness();
const asOf = '2021-11-16';
let dir: string;
let report: ExportReport;
let nodeRows: Record<string, string>[];
let edgeRows: Record<string, string>[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'optics-export-'));
  // Small pages, so every kind spans several statements.
  report = await exportGraphAsOf(harness.graph, { asOf, outDir: dir, pageSize: 4 });
  nodeRows = parseCsv(await readFile(report.files.nodesCsv, 'utf8'), { columns: true });
  edgeRows = parseCsv(await readFile(report.files.edgesCsv, 'utf8'), { columns: true });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await harness.close();
});

/** A CSV row's non-blank values: blank cells are attributes that do not apply. */
function filled(row: Record<string, string>, leaveOut: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(row).filter(([name, value]) => value !== '' && !leaveOut.includes(name)));
}

describe('the export of the demo graph as known on 2021-11-16', () => {
  it('has as many companies, partnerships, devices, leakers, claims and sources as the API shows that day', async () => {
    const { data } = await harness.graphql(
      `query ($asOf: Date) {
      companies(asOf: $asOf) { totalCount } partnerships(asOf: $asOf) { totalCount } devices(asOf: $asOf) { totalCount }
      leakers(asOf: $asOf) { totalCount } claims(asOf: $asOf) { totalCount } sources(asOf: $asOf) { totalCount }
    }`,
      { asOf },
    );
    expect(report.nodesByKind).toMatchObject({
      Company: data.companies.totalCount,
      Partnership: data.partnerships.totalCount,
      Device: data.devices.totalCount,
      Leaker: data.leakers.totalCount,
      Claim: data.claims.totalCount,
      Source: data.sources.totalCount,
    });
    expect(nodeRows).toHaveLength(report.nodes);
    expect(edgeRows).toHaveLength(report.edges);
  });

  it('reads back from GraphML with the same nodes, edges and properties as the CSV tables', async () => {
    const graph = parseGraphml(Graph, await readFile(report.files.graphml, 'utf8'));
    expect(graph.order).toBe(report.nodes);
    expect(graph.size).toBe(report.edges);
    for (const row of nodeRows) expect(graph.getNodeAttributes(row.id)).toEqual(filled(row, ['id']));
    for (const row of edgeRows) {
      expect(graph.source(row.id)).toBe(row.source);
      expect(graph.target(row.id)).toBe(row.target);
      expect(graph.getEdgeAttributes(row.id)).toEqual(filled(row, ['id', 'source', 'target']));
    }
  });

  it('reads back from GEXF with the same nodes, edges and properties', async () => {
    const graph = parseGexf(Graph, await readFile(report.files.gexf, 'utf8'));
    expect(graph.order).toBe(report.nodes);
    expect(graph.size).toBe(report.edges);
    for (const row of nodeRows) expect(graph.getNodeAttributes(row.id)).toEqual(filled(row, ['id']));
    for (const row of edgeRows) expect(graph.getEdgeAttributes(row.id)).toEqual({ ...filled(row, ['id', 'source', 'target']), label: row.type });
  });

  it('gives every element a valid-time start and a known-since day, none later than the day', () => {
    for (const row of [...nodeRows, ...edgeRows]) {
      expect(row.validFrom, row.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(String(row.knownSince) <= asOf, row.id).toBe(true);
    }
  });

  it("shows what was public on the day: Huawei–Leica's end (reported 2022-05-23) open, DCS's 'expired' claim refuted, Xiaomi–Leica absent", () => {
    const byId = new Map(nodeRows.map((row) => [row.id, row]));
    expect(byId.get('Partnership:huawei-leica')).toMatchObject({ validFrom: '2016-02-25', validUntil: '', status: 'ACTIVE' });
    expect(byId.has('Partnership:xiaomi-leica')).toBe(false);
    const clause = byId.get('Exclusivity:huawei-leica-exclusivity')!;
    expect(clause).toMatchObject({ endBasis: 'LAUNCH', validUntil: '2021-07-29', endsWithLaunchOf: 'huawei-p50' });
    expect(
      edgeRows
        .filter((edge) => edge.source === 'Partnership:huawei-leica' && edge.type !== 'REPORTED_IN')
        .map((edge) => edge.target)
        .sort(),
    ).toEqual(['Company:huawei', 'Company:leica']);
  });

  it('writes the same files whatever the page size', async () => {
    const again = await exportGraphAsOf(harness.graph, { asOf, outDir: join(dir, 'one-page'), pageSize: 1000 });
    for (const file of ['graphml', 'gexf', 'nodesCsv', 'edgesCsv'] as const) {
      expect(await readFile(again.files[file], 'utf8')).toBe(await readFile(report.files[file], 'utf8'));
    }
  });

  it('opens in networkx with the same counts and properties (skipped where python3-networkx is not installed)', (context) => {
    try {
      execFileSync('python3', ['-c', 'import networkx'], { stdio: 'ignore' });
    } catch {
      context.skip();
    }
    const script = `import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "leica": g.nodes["Company:leica"]}))`;
    const answer = JSON.parse(execFileSync('python3', ['-c', script, report.files.graphml], { encoding: 'utf8' }));
    expect(answer.nodes).toBe(report.nodes);
    expect(answer.edges).toBe(report.edges);
    expect(answer.leica).toEqual(filled(nodeRows.find((row) => row.id === 'Company:leica')!, ['id']));
  });
});
