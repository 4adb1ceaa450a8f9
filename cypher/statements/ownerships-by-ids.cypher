UNWIND $keys AS key
WITH key.id AS id, key.asOf AS asOf
MATCH (o:Ownership {id: id})-[:OWNED_COMPANY]->(c:Company), (o)-[:OWNER]->(owner:Company)
WHERE o.knownSince <= asOf
RETURN asOf, o {
  .*,
  companyId: c.id,
  ownerId: owner.id,
  sourceIds: [(o)-[:REPORTED_IN]->(s:Source) WHERE s.knownSince <= asOf | s.id]
} AS row
