// Rebuilds the (:Evidence) entries of the claims $claimIds: one per ordered pair of companies a
// claim names (partner, manufacturer) and per period it counts in (countsFrom/countsUntil, stored
// from src/domain/outcome-history.ts), with its leaker ('' for none) and direction. Claims of other
// kinds have none. Runs in the transaction of every write that adds or changes a claim.
UNWIND $claimIds AS claimId
CALL (claimId) {
  MATCH (old:Evidence {claim: claimId})
  DELETE old
}
CALL (claimId) {
  MATCH (k:Claim {id: claimId})
  WHERE k.evidenceDirection IS NOT NULL AND size(k.countsFrom) > 0
  MATCH (k)-[:ABOUT]->(partner:Company), (k)-[:ABOUT]->(maker:Company)
  WHERE partner <> maker
  UNWIND range(0, size(k.countsFrom) - 1) AS i
  CREATE (:Evidence {
    claim: k.id, partner: partner.id, manufacturer: maker.id, leaker: coalesce(k.leakerId, ''),
    direction: k.evidenceDirection, from: k.countsFrom[i], until: k.countsUntil[i]
  })
}
RETURN count(*) AS claims
