// How many write transactions have changed the graph (bump-graph-version): from the count store.
MATCH (c:GraphChange)
RETURN count(c) AS version
