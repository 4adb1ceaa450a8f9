// Replaces the outgoing relationships of :Device nodes (MADE_BY, BUILT_BY, CO_ENGINEERED_WITH, UNDER, BECAME, REPORTED_IN) with the
// bundle's (rows: {id, links: ['TYPE targetId'...], to: {TYPE: [targetId...]}} from src/import/normalise.ts):
// unwanted ones are deleted, missing ones merged. Reports the ids whose relationships changed.
// A wanted target that is not in the graph aborts the whole import: Cypher has no RAISE, so a
// deliberately failing date() carries the message (src/import/write.ts recognises it).
UNWIND $rows AS row
MATCH (n:Device {id: row.id})
WITH n, row, [(n)-[r:MADE_BY|BUILT_BY|CO_ENGINEERED_WITH|UNDER|BECAME|REPORTED_IN]->(t) | type(r) + ' ' + t.id] AS before
CALL (n, row) {
  MATCH (n)-[r:MADE_BY|BUILT_BY|CO_ENGINEERED_WITH|UNDER|BECAME|REPORTED_IN]->(t)
  WHERE NOT type(r) + ' ' + t.id IN row.links
  DELETE r
}
CALL (n, row) { UNWIND row.to.MADE_BY AS id MATCH (t:Company {id: id}) MERGE (n)-[:MADE_BY]->(t) }
CALL (n, row) { UNWIND row.to.BUILT_BY AS id MATCH (t:Company {id: id}) MERGE (n)-[:BUILT_BY]->(t) }
CALL (n, row) { UNWIND row.to.CO_ENGINEERED_WITH AS id MATCH (t:Company {id: id}) MERGE (n)-[:CO_ENGINEERED_WITH]->(t) }
CALL (n, row) { UNWIND row.to.UNDER AS id MATCH (t:Partnership {id: id}) MERGE (n)-[:UNDER]->(t) }
CALL (n, row) { UNWIND row.to.BECAME AS id MATCH (t:Device {id: id}) MERGE (n)-[:BECAME]->(t) }
CALL (n, row) { UNWIND row.to.REPORTED_IN AS id MATCH (t:Source {id: id}) MERGE (n)-[:REPORTED_IN]->(t) }
WITH row, before, [(n)-[r:MADE_BY|BUILT_BY|CO_ENGINEERED_WITH|UNDER|BECAME|REPORTED_IN]->(t) | type(r) + ' ' + t.id] AS after
WITH row, before, after, [wanted IN row.links WHERE NOT wanted IN after] AS missing
WITH row, before, after, CASE WHEN missing = [] THEN true
  ELSE date('import aborted: ' + row.id + ' links to ids that are not in the graph:' + reduce(text = '', m IN missing | text + ' ' + m)) END AS complete
RETURN collect(CASE WHEN complete AND NOT (size(before) = size(after) AND all(x IN after WHERE x IN before)) THEN row.id END) AS changedIds
