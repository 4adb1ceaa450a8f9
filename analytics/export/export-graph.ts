/**
 * Writes the graph as known on a day to GraphML, GEXF and CSV node and edge tables in one paged read.
 * Nodes go straight to their files; the edges of the two XML formats (which list every node before any
 * edge) go to a temporary file beside each and are appended at the end. Memory holds one page.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { GraphExecutor } from '../../src/graph/executor.ts';
import type { Day } from '../../src/domain/facts.ts';
import { NODE_KINDS, type NodeKind } from './elements.ts';
import { csvEdges, csvNodes, gexf, graphml, type GraphFormat } from './formats.ts';
import { DEFAULT_PAGE_SIZE, graphPagesAsOf } from './read-graph.ts';

export interface ExportOptions {
  asOf: Day;
  outDir: string;
  /** @default 1000 */
  pageSize?: number;
}

export interface ExportReport {
  asOf: Day;
  files: { graphml: string; gexf: string; nodesCsv: string; edgesCsv: string };
  nodes: number;
  edges: number;
  nodesByKind: Record<NodeKind, number>;
  edgesByType: Record<string, number>;
}

/** A file written in order, waiting whenever the disk falls behind. */
class OutputFile {
  private readonly stream: WriteStream;
  readonly path: string;
  constructor(path: string) {
    this.path = path;
    this.stream = createWriteStream(path, { encoding: 'utf8' });
  }
  async write(text: string): Promise<void> {
    if (text !== '' && !this.stream.write(text)) await once(this.stream, 'drain');
  }
  /** Appends a finished file. */
  async append(path: string): Promise<void> {
    await pipeline(createReadStream(path), this.stream, { end: false });
  }
  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

/** An XML format's file, with its edges kept aside until every node is written. */
class XmlExport {
  readonly main: OutputFile;
  readonly edges: OutputFile;
  private readonly format: GraphFormat;
  constructor(format: GraphFormat, path: string) {
    this.format = format;
    this.main = new OutputFile(path);
    this.edges = new OutputFile(`${path}.edges.tmp`);
  }
  async finish(): Promise<void> {
    await this.edges.close();
    await this.main.write(this.format.between());
    await this.main.append(this.edges.path);
    await this.main.write(this.format.tail());
    await this.main.close();
    await rm(this.edges.path);
  }
}

export async function exportGraphAsOf(graph: GraphExecutor, options: ExportOptions): Promise<ExportReport> {
  const { asOf, outDir } = options;
  await mkdir(outDir, { recursive: true });
  const files = {
    graphml: join(outDir, `graph-${asOf}.graphml`),
    gexf: join(outDir, `graph-${asOf}.gexf`),
    nodesCsv: join(outDir, `nodes-${asOf}.csv`),
    edgesCsv: join(outDir, `edges-${asOf}.csv`),
  };
  const description = `The optics-graph knowledge graph as known on ${asOf}: validFrom/validUntil are valid time, knownSince the day each element became public.`;
  const xmlFiles = [new XmlExport(graphml, files.graphml), new XmlExport(gexf, files.gexf)] as const;
  const nodesCsv = new OutputFile(files.nodesCsv);
  const edgesCsv = new OutputFile(files.edgesCsv);
  const report: ExportReport = {
    asOf,
    files,
    nodes: 0,
    edges: 0,
    nodesByKind: Object.fromEntries(NODE_KINDS.map((kind) => [kind, 0])) as Record<NodeKind, number>,
    edgesByType: {},
  };
  try {
    for (const [file, format] of [[xmlFiles[0], graphml], [xmlFiles[1], gexf]] as const) await file.main.write(format.head(description));
    for await (const page of graphPagesAsOf(graph, asOf, options.pageSize ?? DEFAULT_PAGE_SIZE)) {
      for (const [file, format] of [[xmlFiles[0], graphml], [xmlFiles[1], gexf]] as const) {
        await file.main.write(format.nodes(page.nodes));
        await file.edges.write(format.edges(page.edges));
      }
      await nodesCsv.write(csvNodes(page.nodes, report.nodes === 0));
      if (page.edges.length > 0) await edgesCsv.write(csvEdges(page.edges, report.edges === 0));
      report.nodes += page.nodes.length;
      report.edges += page.edges.length;
      report.nodesByKind[page.kind] += page.nodes.length;
      for (const edge of page.edges) report.edgesByType[edge.attributes.type] = (report.edgesByType[edge.attributes.type] ?? 0) + 1;
    }
    // A graph with no nodes (a day before anything was known) still gets its CSV headers.
    if (report.nodes === 0) await nodesCsv.write(csvNodes([], true));
    if (report.edges === 0) await edgesCsv.write(csvEdges([], true));
    for (const file of xmlFiles) await file.finish();
    await nodesCsv.close();
    await edgesCsv.close();
    return report;
  } catch (error) {
    await Promise.all([...xmlFiles.flatMap((file) => [file.main, file.edges]), nodesCsv, edgesCsv].map((file) => file.close().catch(() => {})));
    throw error;
  }
}
