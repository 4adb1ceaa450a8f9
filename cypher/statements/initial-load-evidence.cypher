// Creates the (:Evidence) entries of every claim of a freshly bulk-loaded graph
// (tools/neo4j/initial-load.ts), by the rule the importer and every write use
// (cypher/parts/evidence-entries.cypher), committing every 10,000 claims. Only for a graph that holds
// no evidence entries yet: it adds, it does not replace.
MATCH (k:Claim)
WHERE k.evidenceDirection IS NOT NULL
CALL (k) {
  WITH k, [(k)-[:ABOUT]->(c:Company) | c.id] AS companies, 'Evidence' AS evidenceLabel
  #part(evidence-entries)
} IN TRANSACTIONS OF 10000 ROWS
RETURN count(k) AS claims
