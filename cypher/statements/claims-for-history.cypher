// What a claim's derived properties are computed from (src/domain/outcome-history.ts): its kind,
// publication, leaker, subjects and whole resolution history.
UNWIND $ids AS id
MATCH (k:Claim {id: id})
RETURN k.id AS id, k.kind AS kind, k.publishedOn AS publishedOn, k.statement AS statement,
  head([(k)-[:BY]->(l:Leaker) | l.id]) AS leakerId,
  [(k)-[:ABOUT]->(s) | s.id] AS subjectIds,
  [(k)-[:RESOLVED_AS]->(r:Resolution) | r {.position, .outcome, .decidedOn, .knownSince, .note}] AS resolutions
