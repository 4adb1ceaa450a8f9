// For test/integration/import-staged.test.ts: the (:GraphChange) nodes every committed write adds
// (cypher/statements/bump-graph-version.cypher), which a staged import's batches and clean-up add too;
// the test compares the graph without them.
MATCH (c:GraphChange)
RETURN count(c) AS changes
