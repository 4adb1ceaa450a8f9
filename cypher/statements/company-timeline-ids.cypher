// Everything a company's timeline tells, as known on $asOf: its partnerships, the clauses on them,
// the devices it makes or co-engineers, and the claims that name it. The timeline is the company's
// whole story, so this grows with the company's own facts (and only with them).
UNWIND $ids AS id
MATCH (c:Company {id: id})
RETURN id,
  [(c)<-[:MANUFACTURER|OPTICS_PARTNER]-(p:Partnership) WHERE p.knownSince <= $asOf | p.id] AS partnershipIds,
  [(c)<-[:MANUFACTURER|OPTICS_PARTNER]-(:Partnership)<-[:CLAUSE_OF]-(x:Exclusivity) WHERE x.knownSince <= $asOf | x.id] AS exclusivityIds,
  [(c)<-[:MADE_BY|CO_ENGINEERED_WITH]-(d:Device) WHERE d.knownSince <= $asOf | d.id] AS deviceIds,
  [(c)<-[:ABOUT]-(k:Claim) WHERE k.knownSince <= $asOf | k.id] AS claimIds
