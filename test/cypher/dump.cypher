// For test/integration/import-staged.test.ts: everything stored for the ids starting with $prefix
// (nodes with labels and properties, their outgoing relationships, the evidence entries of its
// claims and the credibility steps of its leakers), in a fixed order, to compare two imports.
CALL () {
  MATCH (n) WHERE n.id STARTS WITH $prefix
  WITH n ORDER BY n.id
  RETURN collect({labels: labels(n), properties: properties(n)}) AS nodes
}
CALL () {
  MATCH (n)-[r]->(m) WHERE n.id STARTS WITH $prefix
  WITH type(r) + ' ' + n.id + ' ' + m.id AS relationship ORDER BY relationship
  RETURN collect(relationship) AS relationships
}
CALL () {
  MATCH (e:Evidence) WHERE e.claim STARTS WITH $prefix
  WITH e ORDER BY e.claim, e.partner, e.manufacturer, e.from
  RETURN collect(properties(e)) AS evidence
}
CALL () {
  MATCH (s:CredibilityStep) WHERE s.leaker STARTS WITH $prefix
  WITH s ORDER BY s.leaker, s.day
  RETURN collect(properties(s)) AS steps
}
RETURN nodes, relationships, evidence, steps
