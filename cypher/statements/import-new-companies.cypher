// Creates :Company nodes the graph does not hold yet (the importer looked each id up first), with their
// outgoing relationships to targets written earlier in the same transaction or stored before
// (rows from src/import/write-rows.ts). Plain CREATE and one index seek per target: nothing to
// compare. The importer checks the counts Neo4j reports against what it sent, so a target that
// is missing fails the import instead of leaving a relationship out.
UNWIND $rows AS row
CREATE (n:Company)
SET n = row.props
FOREACH (_ IN CASE WHEN row.manufacturer THEN [1] ELSE [] END | SET n:Manufacturer)
FOREACH (_ IN CASE WHEN row.opticsPartner THEN [1] ELSE [] END | SET n:OpticsPartner)
WITH n, row
CALL (n, row) { UNWIND row.to.REPORTED_IN AS id MATCH (t:Source {id: id}) CREATE (n)-[:REPORTED_IN]->(t) }
