import { MultiDirectedGraph as Graph } from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { ExportEdge, ExportNode } from '../../../analytics/export/elements.ts';
import { csvEdges, csvNodes, gexf, graphml, type GraphFormat } from '../../../analytics/export/formats.ts';

const claim: ExportNode = {
  key: 'Claim:a&b<c>',
  attributes: {
    kind: 'Claim',
    slug: 'a&b<c>',
    label: 'He said "Leica & <Xiaomi>", \'soon\' ]]> 😀\nsecond line',
    validFrom: '2021-11-16',
    knownSince: '2021-11-16',
    outcome: 'UNRESOLVED',
  },
};
const leica: ExportNode = { key: 'Company:leica', attributes: { kind: 'Company', slug: 'leica', label: 'Leica', validFrom: '1869-01-01', knownSince: '1900-01-01' } };
const about: ExportEdge = {
  key: 'Claim:a&b<c>-ABOUT->Company:leica',
  source: claim.key,
  target: leica.key,
  attributes: { type: 'ABOUT', validFrom: '2021-11-16', validUntil: '', knownSince: '2021-11-16' },
};

/** A file in pages, as the export writes it: two pages of nodes, then the edges. */
function write(format: GraphFormat): string {
  return format.head('as known on 2021-11-16 & <after>') + format.nodes([claim]) + format.nodes([leica]) + format.between() + format.edges([about]) + format.tail();
}

describe('the export formats', () => {
  it.each([
    ['GraphML', graphml, parseGraphml],
    ['GEXF', gexf, parseGexf],
  ] as const)('%s keeps quotes, ampersands, angle brackets, emoji and line breaks, in ids and values, as written', (_, format, parse) => {
    const graph = parse(Graph, write(format));
    expect(graph.order).toBe(2);
    expect(graph.getNodeAttributes(claim.key)).toEqual(claim.attributes);
    expect(graph.source(about.key)).toBe(claim.key);
    expect(graph.getEdgeAttributes(about.key)).toMatchObject({ type: 'ABOUT', validFrom: '2021-11-16', knownSince: '2021-11-16' });
    expect(graph.getEdgeAttributes(about.key).validUntil).toBeUndefined();
  });

  it('CSV tables have one header, one row an element, a blank for what does not apply', () => {
    const nodes: Record<string, string>[] = parseCsv(csvNodes([claim], true) + csvNodes([leica], false), { columns: true });
    expect(nodes.map((row) => row.id)).toEqual([claim.key, leica.key]);
    expect(nodes[0]).toMatchObject({ label: claim.attributes.label, outcome: 'UNRESOLVED', validUntil: '' });
    expect(parseCsv(csvEdges([about], true), { columns: true })).toEqual([{ id: about.key, source: claim.key, target: leica.key, ...about.attributes }]);
  });
});
