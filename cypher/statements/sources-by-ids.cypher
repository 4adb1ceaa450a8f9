UNWIND $ids AS id
MATCH (s:Source {id: id})
WHERE s.knownSince <= $asOf
RETURN #projection(source) AS row
