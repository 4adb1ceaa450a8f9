// Every partnership of the given companies known on $asOf, in the shape of partnerships-by-ids.
UNWIND $ids AS id
MATCH (c:Company {id: id})<-[:MANUFACTURER|OPTICS_PARTNER]-(p:Partnership)
WHERE p.knownSince <= $asOf
MATCH (p)-[:MANUFACTURER]->(m:Company), (p)-[:OPTICS_PARTNER]->(o:Company)
WITH DISTINCT p, m, o
RETURN p {
  .*,
  manufacturerId: m.id,
  opticsPartnerId: o.id,
  sourceIds: [(p)-[:REPORTED_IN]->(s:Source) WHERE s.knownSince <= $asOf | s.id]
} AS row
