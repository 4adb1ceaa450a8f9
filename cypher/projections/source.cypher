s {
  .*,
  partnershipIds: [(s)<-[:REPORTED_IN]-(p:Partnership) WHERE p.knownSince <= $asOf | p.id],
  deviceIds: [(s)<-[:REPORTED_IN]-(d:Device) WHERE d.knownSince <= $asOf | d.id],
  exclusivityIds: [(s)<-[:REPORTED_IN]-(x:Exclusivity) WHERE x.knownSince <= $asOf | x.id]
}
