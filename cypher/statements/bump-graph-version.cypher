// The last statement of every write transaction: the graph changed (cypher/migrations/006). Taken
// last, its lock is held only while the transaction commits, so writers never wait on each other
// in a cycle through it.
MERGE (v:GraphVersion {id: 'graph'})
SET v.n = coalesce(v.n, 0) + 1
