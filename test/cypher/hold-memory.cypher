// Test only (test/integration/neo4j-outage-and-limits.test.ts): holds about $n integers in one list, so a
// large $n runs into the transaction memory limit (db.memory.transaction.max).
UNWIND range(1, $n) AS i
WITH collect(i) AS held
RETURN size(held) AS held
