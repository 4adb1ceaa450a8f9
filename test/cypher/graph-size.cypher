// Test only (test/integration/bad-bundles.test.ts): every node and relationship in the graph, so a
// test can show that a refused bundle wrote nothing at all.
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
