// A claim with its whole resolution history; which outcome was known on $asOf is decided in
// src/graph/as-of-view.ts by the same rule the derived answers use.
UNWIND $ids AS id
MATCH (k:Claim {id: id})
WHERE k.knownSince <= $asOf
RETURN k {
  .*,
  leakerId: head([(k)-[:BY]->(l:Leaker) | l.id]),
  subjects: [(k)-[:ABOUT]->(s) WHERE s.knownSince <= $asOf | {id: s.id, kind: CASE WHEN s:Device THEN 'Device' ELSE 'Company' END}],
  resolutions: [(k)-[:RESOLVED_AS]->(r:Resolution) | r {
    .*, sourceIds: [(r)-[:REPORTED_IN]->(s:Source) WHERE s.knownSince <= $asOf | s.id]
  }],
  sourceIds: [(k)-[:REPORTED_IN]->(s:Source) WHERE s.knownSince <= $asOf | s.id]
} AS row
