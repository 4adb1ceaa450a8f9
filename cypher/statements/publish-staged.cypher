// Publishes up to $limit staged nodes of each kind (src/import/staging.ts): the Staged* label becomes
// the real one, so reads see them from the commit of the publishing transaction on. The importer
// repeats it, inside that one transaction, until it publishes nothing.
CALL () { MATCH (n:StagedSource) WITH n LIMIT toInteger($limit) SET n:Source REMOVE n:StagedSource RETURN count(n) AS sources }
CALL () { MATCH (n:StagedCompany) WITH n LIMIT toInteger($limit) SET n:Company REMOVE n:StagedCompany RETURN count(n) AS companies }
CALL () { MATCH (n:StagedManufacturer) WITH n LIMIT toInteger($limit) SET n:Manufacturer REMOVE n:StagedManufacturer RETURN count(n) AS manufacturers }
CALL () { MATCH (n:StagedOpticsPartner) WITH n LIMIT toInteger($limit) SET n:OpticsPartner REMOVE n:StagedOpticsPartner RETURN count(n) AS opticsPartners }
CALL () { MATCH (n:StagedLeaker) WITH n LIMIT toInteger($limit) SET n:Leaker REMOVE n:StagedLeaker RETURN count(n) AS leakers }
CALL () { MATCH (n:StagedDevice) WITH n LIMIT toInteger($limit) SET n:Device REMOVE n:StagedDevice RETURN count(n) AS devices }
CALL () { MATCH (n:StagedPartnership) WITH n LIMIT toInteger($limit) SET n:Partnership REMOVE n:StagedPartnership RETURN count(n) AS partnerships }
CALL () { MATCH (n:StagedOwnership) WITH n LIMIT toInteger($limit) SET n:Ownership REMOVE n:StagedOwnership RETURN count(n) AS ownerships }
CALL () { MATCH (n:StagedExclusivity) WITH n LIMIT toInteger($limit) SET n:Exclusivity REMOVE n:StagedExclusivity RETURN count(n) AS exclusivities }
CALL () { MATCH (n:StagedClaim) WITH n LIMIT toInteger($limit) SET n:Claim REMOVE n:StagedClaim RETURN count(n) AS claims }
CALL () { MATCH (n:StagedResolution) WITH n LIMIT toInteger($limit) SET n:Resolution REMOVE n:StagedResolution RETURN count(n) AS resolutions }
CALL () { MATCH (n:StagedEvidence) WITH n LIMIT toInteger($limit) SET n:Evidence REMOVE n:StagedEvidence RETURN count(n) AS evidence }
RETURN sources + companies + manufacturers + opticsPartners + leakers + devices + partnerships + ownerships + exclusivities + claims + resolutions + evidence AS published
