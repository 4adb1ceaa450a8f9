// How many write transactions have changed the graph (cypher/migrations/006): one indexed read.
OPTIONAL MATCH (v:GraphVersion {id: 'graph'})
RETURN coalesce(v.n, 0) AS version
