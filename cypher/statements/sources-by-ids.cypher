UNWIND $ids AS id
MATCH (s:Source {id: id})
WHERE s.knownSince <= $asOf
RETURN s {
  .*,
  claimIds: [(s)<-[:REPORTED_IN]-(k:Claim) WHERE k.knownSince <= $asOf | k.id],
  partnershipIds: [(s)<-[:REPORTED_IN]-(p:Partnership) WHERE p.knownSince <= $asOf | p.id],
  deviceIds: [(s)<-[:REPORTED_IN]-(d:Device) WHERE d.knownSince <= $asOf | d.id],
  exclusivityIds: [(s)<-[:REPORTED_IN]-(x:Exclusivity) WHERE x.knownSince <= $asOf | x.id]
} AS row
