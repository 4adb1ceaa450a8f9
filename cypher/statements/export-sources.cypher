// One page of the Source nodes public on $asOf, after $after in id order (the uniqueness index gives
// the order, so a page costs the same wherever it starts), each with its out-edges (analytics/export).
MATCH (n:Source)
WHERE n.id > $after AND n.knownSince <= $asOf
WITH n ORDER BY n.id LIMIT toInteger($limit)
RETURN n {.*} AS node, #part(export-out-edges) AS edges
