// Rebuilds the (:Evidence) entries of the claims $claimIds (cypher/parts/evidence-entries.cypher
// says what they are) from the claims as stored. Runs in the transaction of every write that changes
// a claim's properties or subjects; new claims of an import get theirs as they are created.
UNWIND $claimIds AS claimId
CALL (claimId) {
  MATCH (old:Evidence {claim: claimId})
  DELETE old
}
CALL (claimId) {
  MATCH (k:Claim {id: claimId})
  WITH k, [(k)-[:ABOUT]->(c:Company) | c.id] AS companies, 'Evidence' AS evidenceLabel
  #part(evidence-entries)
}
RETURN count(*) AS claims
