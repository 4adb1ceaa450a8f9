// Test only (test/integration/import.test.ts): deletes exactly the nodes a test made (ids starting
// with its unique $prefix) and their relationships.
MATCH (n) WHERE n.id STARTS WITH $prefix
DETACH DELETE n
RETURN count(*) AS deleted
