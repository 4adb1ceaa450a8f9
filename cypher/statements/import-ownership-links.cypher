// Replaces the outgoing relationships of :Ownership nodes (OWNED_COMPANY, OWNER, REPORTED_IN) with the
// bundle's (rows: {id, links: ['TYPE targetId'...], to: {TYPE: [targetId...]}} from src/import/normalise.ts):
// unwanted ones are deleted, missing ones merged. Reports the ids whose relationships changed.
// A wanted target that is not in the graph aborts the whole import: Cypher has no RAISE, so a
// deliberately failing date() carries the message (src/import/write.ts recognises it).
UNWIND $rows AS row
MATCH (n:Ownership {id: row.id})
WITH n, row, [(n)-[r:OWNED_COMPANY|OWNER|REPORTED_IN]->(t) | type(r) + ' ' + t.id] AS before
CALL (n, row) {
  MATCH (n)-[r:OWNED_COMPANY|OWNER|REPORTED_IN]->(t)
  WHERE NOT type(r) + ' ' + t.id IN row.links
  DELETE r
}
CALL (n, row) { UNWIND row.to.OWNED_COMPANY AS id MATCH (t:Company {id: id}) MERGE (n)-[:OWNED_COMPANY]->(t) }
CALL (n, row) { UNWIND row.to.OWNER AS id MATCH (t:Company {id: id}) MERGE (n)-[:OWNER]->(t) }
CALL (n, row) { UNWIND row.to.REPORTED_IN AS id MATCH (t:Source {id: id}) MERGE (n)-[:REPORTED_IN]->(t) }
WITH row, before, [(n)-[r:OWNED_COMPANY|OWNER|REPORTED_IN]->(t) | type(r) + ' ' + t.id] AS after
WITH row, before, after, [wanted IN row.links WHERE NOT wanted IN after] AS missing
WITH row, before, after, CASE WHEN missing = [] THEN true
  ELSE date('import aborted: ' + row.id + ' links to ids that are not in the graph:' + reduce(text = '', m IN missing | text + ' ' + m)) END AS complete
RETURN collect(CASE WHEN complete AND NOT (size(before) = size(after) AND all(x IN after WHERE x IN before)) THEN row.id END) AS changedIds
