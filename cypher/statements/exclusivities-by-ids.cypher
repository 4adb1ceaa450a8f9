// A clause with the launch it ends with (when event-bound), whose date only counts once known, and
// the end of its partnership (for a clause that ends with it; counted once its endKnownSince is past).
UNWIND $keys AS key
WITH key.id AS id, key.asOf AS asOf
MATCH (x:Exclusivity {id: id})-[:CLAUSE_OF]->(p:Partnership)-[:MANUFACTURER]->(m:Company),
      (p)-[:OPTICS_PARTNER]->(o:Company)
WHERE x.knownSince <= asOf
OPTIONAL MATCH (x)-[:ENDS_WITH_LAUNCH_OF]->(d:Device)
RETURN asOf, x {
  .*,
  partnershipId: p.id,
  manufacturerId: m.id,
  opticsPartnerId: o.id,
  partnershipEnd: p.end,
  partnershipEndKnownSince: p.endKnownSince,
  launch: CASE WHEN d IS NULL THEN null ELSE d {
    deviceId: d.id, deviceName: d.name, .announced, .announcedFirstDay, .announcedKnownSince, .knownSince
  } END,
  sourceIds: [(x)-[:REPORTED_IN]->(s:Source) WHERE s.knownSince <= asOf | s.id]
} AS row
