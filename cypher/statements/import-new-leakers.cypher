// Creates :Leaker nodes the graph does not hold yet (the importer looked each id up first), with their
// outgoing relationships to targets written earlier in the same transaction or stored before
// (rows from src/import/write-rows.ts). Plain CREATE and one index seek per target: nothing to
// compare. The importer checks the counts Neo4j reports against what it sent, so a target that
// is missing fails the import instead of leaving a relationship out.
UNWIND $rows AS row
CREATE (n:Leaker)
SET n = row.props
WITH n, row
CALL (n, row) { UNWIND row.to.REPORTED_IN AS id MATCH (t:Source {id: id}) CREATE (n)-[:REPORTED_IN]->(t) }
