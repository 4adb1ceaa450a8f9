// Companies as known on $asOf, with the ids of everything a nested query may walk to, so each
// level of a query costs one round trip whatever the number of companies.
UNWIND $ids AS id
MATCH (c:Company {id: id})
WHERE c.knownSince <= $asOf
RETURN c {
  .*,
  roles: [role IN labels(c) WHERE role IN ['Manufacturer', 'OpticsPartner']],
  sourceIds: [(c)-[:REPORTED_IN]->(s:Source) WHERE s.knownSince <= $asOf | s.id],
  madeDeviceIds: [(c)<-[:MADE_BY]-(d:Device) WHERE d.knownSince <= $asOf | d.id],
  coEngineeredDeviceIds: [(c)<-[:CO_ENGINEERED_WITH]-(d:Device) WHERE d.knownSince <= $asOf | d.id],
  partnershipIds: [(c)<-[:MANUFACTURER|OPTICS_PARTNER]-(p:Partnership) WHERE p.knownSince <= $asOf | p.id],
  exclusivityIds: [(c)<-[:MANUFACTURER|OPTICS_PARTNER]-(:Partnership)<-[:CLAUSE_OF]-(x:Exclusivity) WHERE x.knownSince <= $asOf | x.id],
  claimIds: [(c)<-[:ABOUT]-(k:Claim) WHERE k.knownSince <= $asOf | k.id],
  ownershipIds: [(c)<-[:OWNED_COMPANY|OWNER]-(o:Ownership) WHERE o.knownSince <= $asOf | o.id]
} AS row
