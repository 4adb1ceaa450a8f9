// A claim with its whole resolution history; which outcome was known on its key's day is decided in
// src/domain/as-of.ts by the same rule the derived answers use.
UNWIND $keys AS key
WITH key.id AS id, key.asOf AS asOf
MATCH (k:Claim {id: id})
WHERE k.knownSince <= asOf
RETURN asOf, #projection(claim, asOf) AS row
