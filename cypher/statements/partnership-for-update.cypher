// The partnership as stored, read inside the write transaction that ends it; the write lock taken by
// setting a property makes a concurrent endPartnership wait here and then read this one's end.
MATCH (p:Partnership {id: $id})
SET p._lock = true
REMOVE p._lock
RETURN p.id AS id, p.start AS start, p.startFirstDay AS startFirstDay, p.end AS end, p.endKnownSince AS endKnownSince, p.knownSince AS knownSince
