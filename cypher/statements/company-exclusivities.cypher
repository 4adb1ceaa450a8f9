// The ids of the clauses on each company's partnerships (either side), known on $asOf.
UNWIND $ids AS id
RETURN id, [(:Company {id: id})<-[:MANUFACTURER|OPTICS_PARTNER]-(:Partnership)<-[:CLAUSE_OF]-(x:Exclusivity) WHERE x.knownSince <= $asOf | x.id] AS ids
