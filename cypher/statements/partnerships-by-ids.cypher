UNWIND $ids AS id
MATCH (p:Partnership {id: id})-[:MANUFACTURER]->(m:Company), (p)-[:OPTICS_PARTNER]->(o:Company)
WHERE p.knownSince <= $asOf
RETURN p {
  .*,
  manufacturerId: m.id,
  opticsPartnerId: o.id,
  deviceIds: [(p)<-[:UNDER]-(d:Device) WHERE d.knownSince <= $asOf | d.id],
  exclusivityIds: [(p)<-[:CLAUSE_OF]-(x:Exclusivity) WHERE x.knownSince <= $asOf | x.id],
  sourceIds: [(p)-[:REPORTED_IN]->(s:Source) WHERE s.knownSince <= $asOf | s.id]
} AS row
