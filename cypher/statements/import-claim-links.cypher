// Replaces the outgoing relationships of :Claim nodes (BY, ABOUT, RESOLVED_AS, REPORTED_IN) with the
// bundle's (rows: {id, links: ['TYPE targetId'...], to: {TYPE: [targetId...]}} from src/import/normalise.ts):
// unwanted ones are deleted, missing ones merged. Reports the ids whose relationships changed.
// A wanted target that is not in the graph aborts the whole import: Cypher has no RAISE, so a
// deliberately failing date() carries the message (src/import/write.ts recognises it).
UNWIND $rows AS row
MATCH (n:Claim {id: row.id})
WITH n, row, [(n)-[r:BY|ABOUT|RESOLVED_AS|REPORTED_IN]->(t) | type(r) + ' ' + t.id] AS before
CALL (n, row) {
  MATCH (n)-[r:BY|ABOUT|RESOLVED_AS|REPORTED_IN]->(t)
  WHERE NOT type(r) + ' ' + t.id IN row.links
  DELETE r
}
CALL (n, row) { UNWIND row.to.BY AS id MATCH (t:Leaker {id: id}) MERGE (n)-[:BY]->(t) }
CALL (n, row) {
  UNWIND row.to.ABOUT AS id
  OPTIONAL MATCH (company:Company {id: id})
  OPTIONAL MATCH (device:Device {id: id})
  WITH n, coalesce(company, device) AS t
  WHERE t IS NOT NULL
  MERGE (n)-[:ABOUT]->(t)
}
CALL (n, row) { UNWIND row.to.RESOLVED_AS AS id MATCH (t:Resolution {id: id}) MERGE (n)-[:RESOLVED_AS]->(t) }
CALL (n, row) { UNWIND row.to.REPORTED_IN AS id MATCH (t:Source {id: id}) MERGE (n)-[:REPORTED_IN]->(t) }
// Resolutions the claim no longer lists (it had more before) go with it.
CALL (row) {
  MATCH (stale:Resolution) WHERE stale.id STARTS WITH row.id + '#' AND NOT stale.id IN row.to.RESOLVED_AS
  DETACH DELETE stale
  RETURN count(stale) AS pruned
}
WITH row, before, pruned, [(n)-[r:BY|ABOUT|RESOLVED_AS|REPORTED_IN]->(t) | type(r) + ' ' + t.id] AS after
WITH row, before, pruned, after, [wanted IN row.links WHERE NOT wanted IN after] AS missing
WITH row, before, pruned, after, CASE WHEN missing = [] THEN true
  ELSE date('import aborted: ' + row.id + ' links to ids that are not in the graph:' + reduce(text = '', m IN missing | text + ' ' + m)) END AS complete
RETURN collect(CASE WHEN complete AND NOT (size(before) = size(after) AND all(x IN after WHERE x IN before)) THEN row.id END) AS changedIds,
       sum(pruned) AS prunedResolutions
