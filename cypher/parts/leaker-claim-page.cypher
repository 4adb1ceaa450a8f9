// One page of the claims leaker `id` published by $asOf, newest first, then id ($offset, $limit), as
// `rows` in the claim projection, read from the (leakerId, publishedOn) index in that order, so a
// leaker with 10,000 claims reads a page, not its history; and how many in all as `total` when
// $withTotal (else 0). The one rule for a leaker's claims page: Leaker.claims read alone
// (leaker-claims) and read with the leaker it hangs under (leaker-with-claims) both use it.
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
