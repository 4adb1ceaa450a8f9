// The claims a leaker's credibility on $asOf rests on: published by then, with an outcome other than
// UNRESOLVED as known then (the stored outcome history, src/domain/outcome-history.ts), newest first.
UNWIND $ids AS id
CALL (id) {
  WITH $withTotal AS wanted WHERE wanted
  MATCH (k:Claim) WHERE k.leakerId = id AND k.publishedOn <= $asOf
    AND coalesce(last([i IN range(0, size(k.outcomeDays) - 1) WHERE k.outcomeDays[i] <= $asOf | k.outcomeValues[i]]), 'UNRESOLVED') <> 'UNRESOLVED'
  RETURN count(k) AS total
}
CALL (id) {
  MATCH (k:Claim) WHERE k.leakerId = id AND k.publishedOn <= $asOf
    AND coalesce(last([i IN range(0, size(k.outcomeDays) - 1) WHERE k.outcomeDays[i] <= $asOf | k.outcomeValues[i]]), 'UNRESOLVED') <> 'UNRESOLVED'
  WITH k ORDER BY k.leakerId DESC, k.publishedOn DESC, k.id
  SKIP toInteger($offset) LIMIT toInteger($limit)
  RETURN collect(#projection(claim)) AS rows
}
RETURN id, total, rows
