// A leaker's claims published by $asOf, newest first, then id: one page per leaker in $ids, read
// from the (leakerId, publishedOn) index in that order, so a leaker with 10,000 claims reads a page,
// not its history; the count when $withTotal.
UNWIND $ids AS id
CALL (id) {
  WITH $withTotal AS wanted WHERE wanted
  MATCH (k:Claim) WHERE k.leakerId = id AND k.publishedOn <= $asOf
  RETURN count(k) AS total
}
CALL (id) {
  MATCH (k:Claim) WHERE k.leakerId = id AND k.publishedOn <= $asOf
  WITH k ORDER BY k.leakerId DESC, k.publishedOn DESC, k.id
  SKIP toInteger($offset) LIMIT toInteger($limit)
  RETURN collect(#projection(claim)) AS rows
}
RETURN id, total, rows
