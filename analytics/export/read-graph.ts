/**
 * Reads the graph as known on a day, one page at a time: each kind of node in id order, a page per
 * statement (keyset paging on the uniqueness index, so the millionth claim costs what the first did),
 * turned into export elements as it arrives. Nothing holds more than one page.
 */
import type { GraphExecutor } from '../../src/graph/executor.ts';
import type { StatementName } from '../../src/graph/statements.ts';
import type { Day } from '../../src/domain/facts.ts';
import { edgesAsOf, NODE_KINDS, nodeAsOf, type ExportEdge, type ExportNode, type NodeKind, type StoredEdge, type StoredNode } from './elements.ts';

const STATEMENT_OF: Record<NodeKind, StatementName> = {
  Company: 'export-companies',
  Ownership: 'export-ownerships',
  Partnership: 'export-partnerships',
  Exclusivity: 'export-exclusivities',
  Device: 'export-devices',
  Leaker: 'export-leakers',
  Claim: 'export-claims',
  Resolution: 'export-resolutions',
  Source: 'export-sources',
};

export interface ExportPage {
  kind: NodeKind;
  nodes: ExportNode[];
  edges: ExportEdge[];
}

/** @default 1000 nodes per statement */
export const DEFAULT_PAGE_SIZE = 1000;

export async function* graphPagesAsOf(graph: GraphExecutor, asOf: Day, pageSize = DEFAULT_PAGE_SIZE): AsyncGenerator<ExportPage> {
  for (const kind of NODE_KINDS) {
    let after = '';
    for (;;) {
      const rows = await graph.read(STATEMENT_OF[kind], { asOf, after, limit: pageSize, kinds: NODE_KINDS });
      const nodes: ExportNode[] = [];
      const edges: ExportEdge[] = [];
      for (const row of rows) {
        const node = nodeAsOf(kind, row.node as StoredNode, asOf);
        if (node === null) continue;
        nodes.push(node);
        edges.push(...edgesAsOf(node, row.edges as StoredEdge[], asOf));
      }
      if (nodes.length > 0) yield { kind, nodes, edges };
      if (rows.length < pageSize) break;
      after = String((rows.at(-1)!.node as StoredNode).id);
    }
  }
}
