// Companies as known on $asOf: their own properties and sources. Lists of related things are
// fields with statements of their own, read only when a query selects them.
UNWIND $ids AS id
MATCH (c:Company {id: id})
WHERE c.knownSince <= $asOf
RETURN #projection(company) AS row
