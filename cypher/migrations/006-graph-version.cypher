// One node counts the write transactions that changed the graph (src/graph/executor.ts bumps it as
// the last statement of every write). Answers kept in memory (src/graph/answer-cache.ts) are valid
// while it has not moved, whichever process or replica wrote: one indexed read checks it.
CREATE CONSTRAINT graph_version_id IF NOT EXISTS FOR (n:GraphVersion) REQUIRE n.id IS UNIQUE;
MERGE (v:GraphVersion {id: 'graph'}) ON CREATE SET v.n = 0;
