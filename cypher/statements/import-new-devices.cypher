// Creates :Device nodes the graph does not hold yet (the importer looked each id up first), with their
// outgoing relationships (rows from src/import/write-rows.ts). Plain CREATE and one index seek per
// target: nothing to compare. The importer checks the counts Neo4j reports against what it sent, so a
// target that is missing fails the import instead of leaving a relationship out.
// $staged: a bulk import stages its new nodes as :StagedDevice, which no read matches, until one
// transaction publishes them (src/import/staging.ts); row.to names targets under their real labels
// (stored, or written by this transaction), row.staged targets staged by this import.
UNWIND $rows AS row
CREATE (n:$(CASE WHEN $staged THEN 'StagedDevice' ELSE 'Device' END))
SET n = row.props
WITH n, row
CALL (n, row) { UNWIND row.to.MADE_BY AS id MATCH (t:Company {id: id}) CREATE (n)-[:MADE_BY]->(t) }
CALL (n, row) { UNWIND row.staged.MADE_BY AS id MATCH (t:StagedCompany {id: id}) CREATE (n)-[:MADE_BY]->(t) }
CALL (n, row) { UNWIND row.to.BUILT_BY AS id MATCH (t:Company {id: id}) CREATE (n)-[:BUILT_BY]->(t) }
CALL (n, row) { UNWIND row.staged.BUILT_BY AS id MATCH (t:StagedCompany {id: id}) CREATE (n)-[:BUILT_BY]->(t) }
CALL (n, row) { UNWIND row.to.CO_ENGINEERED_WITH AS id MATCH (t:Company {id: id}) CREATE (n)-[:CO_ENGINEERED_WITH]->(t) }
CALL (n, row) { UNWIND row.staged.CO_ENGINEERED_WITH AS id MATCH (t:StagedCompany {id: id}) CREATE (n)-[:CO_ENGINEERED_WITH]->(t) }
CALL (n, row) { UNWIND row.to.UNDER AS id MATCH (t:Partnership {id: id}) CREATE (n)-[:UNDER]->(t) }
CALL (n, row) { UNWIND row.staged.UNDER AS id MATCH (t:StagedPartnership {id: id}) CREATE (n)-[:UNDER]->(t) }
CALL (n, row) { UNWIND row.to.BECAME AS id MATCH (t:Device {id: id}) CREATE (n)-[:BECAME]->(t) }
CALL (n, row) { UNWIND row.staged.BECAME AS id MATCH (t:StagedDevice {id: id}) CREATE (n)-[:BECAME]->(t) }
CALL (n, row) { UNWIND row.to.REPORTED_IN AS id MATCH (t:Source {id: id}) CREATE (n)-[:REPORTED_IN]->(t) }
CALL (n, row) { UNWIND row.staged.REPORTED_IN AS id MATCH (t:StagedSource {id: id}) CREATE (n)-[:REPORTED_IN]->(t) }
