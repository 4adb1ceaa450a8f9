// The last statement of every write transaction: one more (:GraphChange) node. The graph's version
// is how many there are, which Neo4j keeps in its count store, so reading it is O(1), and writers
// never wait on each other for it (creating a node takes no lock another writer holds, where moving
// one shared counter would, and deadlocked concurrent writes that lock at commit). None is ever
// deleted: the count only grows, so a changed graph always has a changed version.
CREATE (:GraphChange)
