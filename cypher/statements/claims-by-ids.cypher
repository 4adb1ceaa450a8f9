// A claim with its whole resolution history; which outcome was known on $asOf is decided in
// src/domain/as-of.ts by the same rule the derived answers use.
UNWIND $ids AS id
MATCH (k:Claim {id: id})
WHERE k.knownSince <= $asOf
RETURN #projection(claim) AS row
