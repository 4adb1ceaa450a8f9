CALL dbms.components() YIELD versions, edition
WITH versions[0] AS neo4jVersion, edition
CALL { MATCH (c:Company) RETURN count(c) AS companies }
CALL { MATCH (c:Claim) RETURN count(c) AS claims }
RETURN neo4jVersion, edition, companies, claims
