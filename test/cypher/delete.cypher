// For test/integration/import*.test.ts: deletes exactly the nodes a test made (ids starting
// with its unique $prefix) and their relationships, and the credibility steps and evidence entries
// kept for its leakers and claims.
CALL () {
  MATCH (s:CredibilityStep) WHERE s.leaker STARTS WITH $prefix
  DELETE s
}
CALL () {
  MATCH (e:Evidence) WHERE e.claim STARTS WITH $prefix
  DELETE e
}
MATCH (n) WHERE n.id STARTS WITH $prefix
DETACH DELETE n
RETURN count(*) AS deleted
