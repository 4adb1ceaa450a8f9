UNWIND $keys AS key
WITH key.id AS id, key.asOf AS asOf
MATCH (p:Partnership {id: id})
WHERE p.knownSince <= asOf
RETURN asOf, #projection(partnership, asOf) AS row
