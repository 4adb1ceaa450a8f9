UNWIND $keys AS key
WITH key.id AS id, key.asOf AS asOf
MATCH (s:Source {id: id})
WHERE s.knownSince <= asOf
RETURN asOf, #projection(source, asOf) AS row
