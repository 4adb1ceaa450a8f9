// One page of the Exclusivity nodes public on $asOf, after $after in id order (the uniqueness index gives
// the order, so a page costs the same wherever it starts), each with its out-edges (analytics/export).
MATCH (n:Exclusivity)
WHERE n.id > $after AND n.knownSince <= $asOf
WITH n ORDER BY n.id LIMIT toInteger($limit)
RETURN n {
  .*,
  partnershipId: head([(n)-[:CLAUSE_OF]->(p:Partnership) | p.id]),
  manufacturerId: head([(n)-[:CLAUSE_OF]->(:Partnership)-[:MANUFACTURER]->(c:Company) | c.id]),
  opticsPartnerId: head([(n)-[:CLAUSE_OF]->(:Partnership)-[:OPTICS_PARTNER]->(c:Company) | c.id]),
  // For a clause that ends with its partnership: that end, counted once its endKnownSince is past.
  partnershipEnd: head([(n)-[:CLAUSE_OF]->(p:Partnership) | p.end]),
  partnershipEndKnownSince: head([(n)-[:CLAUSE_OF]->(p:Partnership) | p.endKnownSince]),
  launch: head([(n)-[:ENDS_WITH_LAUNCH_OF]->(d:Device) WHERE d.knownSince <= $asOf |
    {deviceId: d.id, deviceName: d.name, announced: d.announced, announcedKnownSince: d.announcedKnownSince}])
} AS node, #part(export-out-edges) AS edges
