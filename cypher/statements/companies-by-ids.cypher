// Companies as known on its key's day: their own properties and sources. Lists of related things are
// fields with statements of their own, read only when a query selects them.
UNWIND $keys AS key
WITH key.id AS id, key.asOf AS asOf
MATCH (c:Company {id: id})
WHERE c.knownSince <= asOf
RETURN asOf, #projection(company, asOf) AS row
