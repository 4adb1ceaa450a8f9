// The claim as stored, read inside the write transaction that decides on it. Setting a property
// takes the node's write lock until the transaction ends, so a concurrent decision on the same claim
// (or another claim of the same leaker, whose credibility steps it rebuilds) waits here and then
// reads what this one wrote.
MATCH (k:Claim {id: $id})
OPTIONAL MATCH (k)-[:BY]->(l:Leaker)
SET k._lock = true
REMOVE k._lock
FOREACH (leaker IN CASE WHEN l IS NULL THEN [] ELSE [l] END | SET leaker._lock = true REMOVE leaker._lock)
RETURN k.id AS id, k.publishedOn AS publishedOn,
  [(k)-[:RESOLVED_AS]->(r:Resolution) | r {.position, .outcome, .decidedOn, .knownSince, .note}] AS resolutions
