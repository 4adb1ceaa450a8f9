/**
 * Everything a graph stores, as sorted lines (every node's labels and typed properties, every
 * relationship between natural ids), so two graphs can be compared whole. Leaves out what says how
 * a graph was written rather than what it holds: version nodes, the import guard, migration records.
 */
import type { Driver } from 'neo4j-driver';

const NAMED = ['Company', 'Device', 'Claim', 'Resolution', 'Source', 'Leaker', 'Partnership', 'Ownership', 'Exclusivity'];

export async function graphDump(driver: Driver): Promise<string[]> {
  const session = driver.session();
  try {
    const nodes = await session.run(
      `MATCH (n) WHERE NOT n:GraphChange AND NOT n:ImportGuard AND NOT n:Migration
       RETURN labels(n) AS labels, [k IN keys(n) | [k, n[k], valueType(n[k])]] AS props`,
    );
    const relationships = await session.run(
      `MATCH (a)-[r]->(b)
       RETURN [l IN labels(a) WHERE l IN $named][0] + ':' + a.id AS a, type(r) AS type, [l IN labels(b) WHERE l IN $named][0] + ':' + b.id AS b`,
      { named: NAMED },
    );
    const lines = [
      ...nodes.records.map((record) => {
        const props = (record.get('props') as [string, unknown, string][]).sort(([a], [b]) => (a < b ? -1 : 1));
        return `${(record.get('labels') as string[]).sort().join(':')} ${JSON.stringify(props)}`;
      }),
      ...relationships.records.map((record) => `${record.get('a')} -${record.get('type')}-> ${record.get('b')}`),
    ];
    return lines.sort();
  } finally {
    await session.close();
  }
}
