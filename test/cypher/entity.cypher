// For test/integration/import.test.ts: one node as stored, with its outgoing relationships.
MATCH (n) WHERE n.id = $id
RETURN labels(n) AS labels, properties(n) AS properties, [(n)-[r]->(t) | type(r) + ' ' + t.id] AS out
