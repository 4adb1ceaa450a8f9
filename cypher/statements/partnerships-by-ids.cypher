UNWIND $ids AS id
MATCH (p:Partnership {id: id})
WHERE p.knownSince <= $asOf
RETURN #projection(partnership) AS row
