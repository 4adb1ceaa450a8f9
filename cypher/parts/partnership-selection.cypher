// The partnerships partnerships(...) asks for, known on $asOf, as rows `p`; `activeOn` keeps those
// running that day as known on $asOf (an end not yet public on $asOf does not count): the rule of
// partnershipRunningOn in src/domain/as-of.ts (test/integration/as-of-cypher.test.ts checks they agree).
MATCH (m:Company)<-[:MANUFACTURER]-(p:Partnership)-[:OPTICS_PARTNER]->(o:Company)
WHERE p.knownSince <= $asOf
  AND ($manufacturer IS NULL OR m.id = $manufacturer)
  AND ($opticsPartner IS NULL OR o.id = $opticsPartner)
  AND ($activeOn IS NULL OR (p.startFirstDay <= $activeOn AND
       (p.end IS NULL OR p.endKnownSince > $asOf OR p.endLastDay >= $activeOn)))
