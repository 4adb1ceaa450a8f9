UNWIND $ids AS id
MATCH (l:Leaker {id: id})
WHERE l.knownSince <= $asOf
RETURN #projection(leaker) AS row
