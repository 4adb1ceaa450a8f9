/**
 * The export formats, each written a page at a time: GraphML (networkx, Cytoscape, yEd), GEXF 1.3
 * (Gephi) and CSV node and edge tables. Every format declares its attributes up front (the attribute
 * lists are fixed, elements.ts), so nodes and edges are written as they are read.
 *
 * xml-writer (the XML writer graphology-gexf itself uses) serialises and escapes each element; only
 * the fixed envelope around them is literal text. graphology-gexf's own `write` would need the whole
 * graph in memory first, and graphology-graphml's npm release (0.5.2) has no writer at all.
 */
import XMLWriter from 'xml-writer';
import { stringify } from 'csv-stringify/sync';
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, type ExportEdge, type ExportNode } from './elements.ts';

/** One output format: the text of its start, of a page of nodes, between nodes and edges, of a page of edges, and of its end. */
export interface GraphFormat {
  head(description: string): string;
  nodes(nodes: ExportNode[]): string;
  between(): string;
  edges(edges: ExportEdge[]): string;
  tail(): string;
}

function xml<T>(items: T[], write: (writer: XMLWriter, item: T) => void): string {
  if (items.length === 0) return '';
  const writer = new XMLWriter('  ');
  for (const item of items) write(writer, item);
  return `${writer.toString()}\n`;
}

const nodeKey = (name: string) => `n_${name}`;
const edgeKey = (name: string) => `e_${name}`;

export const graphml: GraphFormat = {
  head: (description) =>
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
    xml([description], (writer, text) => writer.startElement('desc').text(text).endElement()) +
    xml([...NODE_ATTRIBUTES.map((name) => ['node', nodeKey(name), name]), ...EDGE_ATTRIBUTES.map((name) => ['edge', edgeKey(name), name])], (writer, [kind, id, name]) =>
      writer.startElement('key').writeAttribute('id', id!).writeAttribute('for', kind!).writeAttribute('attr.name', name!).writeAttribute('attr.type', 'string').endElement(),
    ) +
    '<graph id="optics-graph" edgedefault="directed">\n',
  nodes: (nodes) =>
    xml(nodes, (writer, node) => {
      writer.startElement('node').writeAttribute('id', node.key);
      for (const [name, value] of Object.entries(node.attributes)) writer.startElement('data').writeAttribute('key', nodeKey(name)).text(value).endElement();
      writer.endElement();
    }),
  between: () => '',
  edges: (edges) =>
    xml(edges, (writer, edge) => {
      writer.startElement('edge').writeAttribute('id', edge.key).writeAttribute('source', edge.source).writeAttribute('target', edge.target);
      for (const [name, value] of Object.entries(edge.attributes)) {
        if (value !== '') writer.startElement('data').writeAttribute('key', edgeKey(name)).text(value).endElement();
      }
      writer.endElement();
    }),
  tail: () => '</graph>\n</graphml>\n',
};

/** GEXF carries a node's label on the element; its other attributes are attvalues. */
const GEXF_NODE_ATTRIBUTES = NODE_ATTRIBUTES.filter((name) => name !== 'label');

export const gexf: GraphFormat = {
  head: (description) =>
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n' +
    xml([description], (writer, text) =>
      writer.startElement('meta').startElement('creator').text('optics-graph analytics/export.ts').endElement().startElement('description').text(text).endElement().endElement(),
    ) +
    '<graph defaultedgetype="directed" mode="static">\n' +
    xml(
      [
        ['node', GEXF_NODE_ATTRIBUTES],
        ['edge', EDGE_ATTRIBUTES],
      ] as const,
      (writer, [kind, names]) => {
        writer.startElement('attributes').writeAttribute('class', kind);
        for (const name of names) writer.startElement('attribute').writeAttribute('id', name).writeAttribute('title', name).writeAttribute('type', 'string').endElement();
        writer.endElement();
      },
    ) +
    '<nodes>\n',
  nodes: (nodes) =>
    xml(nodes, (writer, node) => {
      writer.startElement('node').writeAttribute('id', node.key).writeAttribute('label', node.attributes.label);
      writer.startElement('attvalues');
      for (const [name, value] of Object.entries(node.attributes)) {
        if (name !== 'label') writer.startElement('attvalue').writeAttribute('for', name).writeAttribute('value', value).endElement();
      }
      writer.endElement().endElement();
    }),
  between: () => '</nodes>\n<edges>\n',
  edges: (edges) =>
    xml(edges, (writer, edge) => {
      writer.startElement('edge').writeAttribute('id', edge.key).writeAttribute('source', edge.source).writeAttribute('target', edge.target).writeAttribute('label', edge.attributes.type);
      writer.startElement('attvalues');
      for (const [name, value] of Object.entries(edge.attributes)) {
        if (value !== '') writer.startElement('attvalue').writeAttribute('for', name).writeAttribute('value', value).endElement();
      }
      writer.endElement().endElement();
    }),
  tail: () => '</edges>\n</graph>\n</gexf>\n',
};

/** CSV node table: id, then every node attribute; blank where it does not apply. */
export function csvNodes(nodes: ExportNode[], withHeader: boolean): string {
  return stringify(
    nodes.map((node) => [node.key, ...NODE_ATTRIBUTES.map((name) => node.attributes[name] ?? '')]),
    withHeader ? { header: true, columns: ['id', ...NODE_ATTRIBUTES] } : {},
  );
}

/** CSV edge table: id, source, target, then every edge attribute. */
export function csvEdges(edges: ExportEdge[], withHeader: boolean): string {
  return stringify(
    edges.map((edge) => [edge.key, edge.source, edge.target, ...EDGE_ATTRIBUTES.map((name) => edge.attributes[name])]),
    withHeader ? { header: true, columns: ['id', 'source', 'target', ...EDGE_ATTRIBUTES] } : {},
  );
}
