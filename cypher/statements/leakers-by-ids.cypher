UNWIND $keys AS key
WITH key.id AS id, key.asOf AS asOf
MATCH (l:Leaker {id: id})
WHERE l.knownSince <= asOf
RETURN asOf, #projection(leaker, asOf) AS row
