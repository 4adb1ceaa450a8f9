MATCH (k:Claim {id: $id})
RETURN k.id AS id, k.publishedOn AS publishedOn,
  [(k)-[:RESOLVED_AS]->(r:Resolution) | r {.position, .outcome, .decidedOn, .knownSince, .note}] AS resolutions
