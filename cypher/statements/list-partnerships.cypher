// Partnerships known on $asOf; `activeOn` keeps those running that day as known on $asOf
// (an end not yet public on $asOf does not count).
MATCH (p:Partnership)-[:MANUFACTURER]->(m:Company), (p)-[:OPTICS_PARTNER]->(o:Company)
WHERE p.knownSince <= $asOf
  AND ($manufacturer IS NULL OR m.id = $manufacturer)
  AND ($opticsPartner IS NULL OR o.id = $opticsPartner)
  AND ($activeOn IS NULL OR (p.startFirstDay <= $activeOn AND
       (p.end IS NULL OR p.endKnownSince > $asOf OR p.endLastDay >= $activeOn)))
WITH p ORDER BY p.startFirstDay, p.id
WITH collect(p.id) AS ids
RETURN size(ids) AS total, ids[$offset..$offset + $limit] AS ids
