// For test/integration/import.test.ts: nodes whose id starts with $prefix, and the
// relationships that touch them.
MATCH (n) WHERE n.id STARTS WITH $prefix
OPTIONAL MATCH (n)-[r]-()
RETURN count(DISTINCT n) AS nodes, count(DISTINCT r) AS relationships
