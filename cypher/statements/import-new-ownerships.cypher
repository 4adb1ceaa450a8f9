// Creates :Ownership nodes the graph does not hold yet (the importer looked each id up first), with their
// outgoing relationships (rows from src/import/write-rows.ts). Plain CREATE and one index seek per
// target: nothing to compare. The importer checks the counts Neo4j reports against what it sent, so a
// target that is missing fails the import instead of leaving a relationship out.
// $staged: a bulk import stages its new nodes as :StagedOwnership, which no read matches, until one
// transaction publishes them (src/import/staging.ts); row.to names targets under their real labels
// (stored, or written by this transaction), row.staged targets staged by this import.
UNWIND $rows AS row
CREATE (n:$(CASE WHEN $staged THEN 'StagedOwnership' ELSE 'Ownership' END))
SET n = row.props
WITH n, row
CALL (n, row) { UNWIND row.to.OWNED_COMPANY AS id MATCH (t:Company {id: id}) CREATE (n)-[:OWNED_COMPANY]->(t) }
CALL (n, row) { UNWIND row.staged.OWNED_COMPANY AS id MATCH (t:StagedCompany {id: id}) CREATE (n)-[:OWNED_COMPANY]->(t) }
CALL (n, row) { UNWIND row.to.OWNER AS id MATCH (t:Company {id: id}) CREATE (n)-[:OWNER]->(t) }
CALL (n, row) { UNWIND row.staged.OWNER AS id MATCH (t:StagedCompany {id: id}) CREATE (n)-[:OWNER]->(t) }
CALL (n, row) { UNWIND row.to.REPORTED_IN AS id MATCH (t:Source {id: id}) CREATE (n)-[:REPORTED_IN]->(t) }
CALL (n, row) { UNWIND row.staged.REPORTED_IN AS id MATCH (t:StagedSource {id: id}) CREATE (n)-[:REPORTED_IN]->(t) }
