MATCH (p:Partnership {id: $id})
RETURN p.id AS id, p.start AS start, p.startFirstDay AS startFirstDay, p.end AS end, p.endKnownSince AS endKnownSince, p.knownSince AS knownSince
