UNWIND $ids AS id
OPTIONAL MATCH (s:Source {id: id})
RETURN id, s IS NOT NULL AS found
