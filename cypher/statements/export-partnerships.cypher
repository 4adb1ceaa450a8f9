// One page of the Partnership nodes public on $asOf, after $after in id order (the uniqueness index gives
// the order, so a page costs the same wherever it starts), each with its out-edges (analytics/export).
MATCH (n:Partnership)
WHERE n.id > $after AND n.knownSince <= $asOf
WITH n ORDER BY n.id LIMIT toInteger($limit)
RETURN n {.*, manufacturerId: head([(n)-[:MANUFACTURER]->(c:Company) | c.id]), opticsPartnerId: head([(n)-[:OPTICS_PARTNER]->(c:Company) | c.id])} AS node, #part(export-out-edges) AS edges
