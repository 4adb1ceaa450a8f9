// Test only (test/integration/neo4j-outage-and-limits.test.ts): counts up to $n without holding anything, so a
// large $n runs past the transaction timeout.
UNWIND range(1, $n) AS i
WITH i WHERE i % 1000003 = -1
RETURN count(i) AS matched
