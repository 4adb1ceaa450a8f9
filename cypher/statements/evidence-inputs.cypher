// What the evidence entries of the claims $claimIds depend on (src/domain/evidence-entries.ts): the
// stored direction and counting periods, the leaker, and the companies the claim is about.
UNWIND $claimIds AS claimId
MATCH (k:Claim {id: claimId})
RETURN k.id AS id, k.leakerId AS leakerId, k.evidenceDirection AS evidenceDirection, k.countsFrom AS countsFrom, k.countsUntil AS countsUntil,
       [(k)-[:ABOUT]->(c:Company) | c.id] AS companies
