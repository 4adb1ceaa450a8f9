// An optics partner's partnerships public on $asOf, each with its manufacturer and the clauses on it
// public on $asOf (with the launch a clause ends with), for analytics/timeline: at most the partner's
// partnerships, whatever the size of the graph. No row when the partner was not public on $asOf.
MATCH (partner:Company:OpticsPartner {id: $partner})
WHERE partner.knownSince <= $asOf
OPTIONAL MATCH (p:Partnership)-[:OPTICS_PARTNER]->(partner)
WHERE p.knownSince <= $asOf
OPTIONAL MATCH (p)-[:MANUFACTURER]->(m:Company)
WITH partner, p, m ORDER BY p.startFirstDay, p.id
RETURN partner.name AS partnerName, [row IN collect(CASE WHEN p IS NULL THEN null ELSE p {
  .*, manufacturerId: m.id, manufacturerName: m.name, opticsPartnerId: partner.id,
  clauses: [(x:Exclusivity)-[:CLAUSE_OF]->(p) WHERE x.knownSince <= $asOf | x {
    .*, partnershipId: p.id, manufacturerId: m.id, opticsPartnerId: partner.id,
    // For a clause that ends with its partnership: that end, counted once its endKnownSince is past.
    partnershipEnd: p.end, partnershipEndKnownSince: p.endKnownSince,
    launch: head([(x)-[:ENDS_WITH_LAUNCH_OF]->(d:Device) WHERE d.knownSince <= $asOf |
      {deviceId: d.id, deviceName: d.name, announced: d.announced, announcedKnownSince: d.announcedKnownSince}])
  }]
} END) WHERE row IS NOT NULL] AS partnerships
