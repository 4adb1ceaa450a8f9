// Deletes up to $limit staged nodes of each kind with their relationships: what an import that failed,
// or was killed, before it published left behind (src/import/staging.ts). Staged nodes are new (the
// import created them), so deleting them restores the graph; stored nodes were not touched before
// the publishing transaction. Run repeatedly, each time in its own transaction, until it deletes nothing.
CALL () { MATCH (n:StagedEvidence) WITH n LIMIT toInteger($limit) DETACH DELETE n RETURN count(*) AS evidence }
CALL () { MATCH (n:StagedResolution) WITH n LIMIT toInteger($limit) DETACH DELETE n RETURN count(*) AS resolutions }
CALL () { MATCH (n:StagedClaim) WITH n LIMIT toInteger($limit) DETACH DELETE n RETURN count(*) AS claims }
CALL () { MATCH (n:StagedExclusivity) WITH n LIMIT toInteger($limit) DETACH DELETE n RETURN count(*) AS exclusivities }
CALL () { MATCH (n:StagedOwnership) WITH n LIMIT toInteger($limit) DETACH DELETE n RETURN count(*) AS ownerships }
CALL () { MATCH (n:StagedPartnership) WITH n LIMIT toInteger($limit) DETACH DELETE n RETURN count(*) AS partnerships }
CALL () { MATCH (n:StagedDevice) WITH n LIMIT toInteger($limit) DETACH DELETE n RETURN count(*) AS devices }
CALL () { MATCH (n:StagedLeaker) WITH n LIMIT toInteger($limit) DETACH DELETE n RETURN count(*) AS leakers }
CALL () { MATCH (n:StagedCompany) WITH n LIMIT toInteger($limit) DETACH DELETE n RETURN count(*) AS companies }
CALL () { MATCH (n:StagedSource) WITH n LIMIT toInteger($limit) DETACH DELETE n RETURN count(*) AS sources }
RETURN evidence + resolutions + claims + exclusivities + ownerships + partnerships + devices + leakers + companies + sources AS discarded
