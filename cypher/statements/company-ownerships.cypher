// The ids of the ownerships each company is part of (owned or owner), known on $asOf.
UNWIND $ids AS id
RETURN id, [(:Company {id: id})<-[:OWNED_COMPANY|OWNER]-(o:Ownership) WHERE o.knownSince <= $asOf | o.id] AS ids
