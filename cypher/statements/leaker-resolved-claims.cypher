// The claims a leaker's credibility on $asOf rests on: published by then, with an outcome other than
// UNRESOLVED as known then (the stored outcome history, src/domain/outcome-history.ts), newest first.
UNWIND $ids AS id
CALL (id) {
  WITH $withTotal AS wanted WHERE wanted
  #part(resolved-claims-of-leaker)
  RETURN count(k) AS total
}
CALL (id) {
  #part(resolved-claims-of-leaker)
  WITH k ORDER BY k.leakerId DESC, k.publishedOn DESC, k.id
  SKIP toInteger($offset) LIMIT toInteger($limit)
  RETURN collect(#projection(claim)) AS rows
}
RETURN id, total, rows
