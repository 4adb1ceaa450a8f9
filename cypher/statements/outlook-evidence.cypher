// The claims behind the scores of the manufacturers $manufacturers in the outlook of $partner as of
// $asOf, from the evidence index, newest first and at most $limit per manufacturer (each leaker's
// credibility that day came with the partner's evidence digest, outlook-evidence-digest): the claim
// in the claim projection, narrowed to what the query shows of it (src/graph/outlook-facts.ts), and,
// when $withLeakers (the query shows them), each leaker in the row of the leaker loader, which the
// service primes with it instead of reading the leakers in a round trip of their own.
UNWIND $manufacturers AS manufacturerId
CALL (manufacturerId) {
  MATCH (e:Evidence)
  WHERE e.partner = $partner AND e.manufacturer = manufacturerId AND e.from <= $asOf AND e.until > $asOf AND e.claim IS NOT NULL
  WITH e ORDER BY e.from DESC, e.claim
  LIMIT toInteger($limit)
  RETURN e
}
CALL (e) {
  MATCH (k:Claim {id: e.claim})
  RETURN #projection(claim) AS claim
}
CALL (e) {
  OPTIONAL MATCH (l:Leaker {id: e.leaker})
  WHERE $withLeakers AND l.knownSince <= $asOf
  RETURN #projection(leaker) AS leaker
}
RETURN manufacturerId, e.claim AS claimId, e.leaker AS leakerId, e.direction AS direction, claim, leaker
