UNWIND $ids AS id
MATCH (l:Leaker {id: id})
WHERE l.knownSince <= $asOf
RETURN l {
  .*,
  claimIds: [(l)<-[:BY]-(k:Claim) WHERE k.knownSince <= $asOf | k.id],
  sourceIds: [(l)-[:REPORTED_IN]->(s:Source) WHERE s.knownSince <= $asOf | s.id]
} AS row
