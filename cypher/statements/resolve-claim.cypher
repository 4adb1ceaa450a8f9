// Appends one resolution to a claim's history (ids `<claim>#<n>`, n from 1, oldest first).
MATCH (k:Claim {id: $id})
WITH k, COUNT { (k)-[:RESOLVED_AS]->(:Resolution) } AS existing
CREATE (r:Resolution {
  id: k.id + '#' + toString(existing + 1), position: existing + 1,
  outcome: $outcome, decidedOn: $decidedOn, knownSince: $knownSince, note: $note
})
CREATE (k)-[:RESOLVED_AS]->(r)
WITH k, r
UNWIND (CASE WHEN size($sources) = 0 THEN [null] ELSE $sources END) AS sourceId
OPTIONAL MATCH (s:Source {id: sourceId})
FOREACH (_ IN CASE WHEN s IS NULL THEN [] ELSE [1] END | MERGE (r)-[:REPORTED_IN]->(s))
RETURN DISTINCT r.id AS id
