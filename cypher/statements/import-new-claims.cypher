// Creates :Claim nodes the graph does not hold yet (the importer looked each id up first), with their
// outgoing relationships (rows from src/import/write-rows.ts). Plain CREATE and one index seek per
// target: nothing to compare. The importer checks the counts Neo4j reports against what it sent, so a
// target that is missing fails the import instead of leaving a relationship out.
// $staged: a bulk import stages its new nodes as :StagedClaim, which no read matches, until one
// transaction publishes them (src/import/staging.ts); row.to names targets under their real labels
// (stored, or written by this transaction), row.staged targets staged by this import.
// A subject is a company or a device: the importer knows which, and sends the ids apart so each is
// one seek under its own label. A new claim's resolutions are new too, and are created here with it,
// and so are its evidence entries (row.evidence, from src/domain/evidence-entries.ts), instead of
// reading the claim back afterwards.
UNWIND $rows AS row
CREATE (n:$(CASE WHEN $staged THEN 'StagedClaim' ELSE 'Claim' END))
SET n = row.props
WITH n, row
CALL (n, row) { UNWIND row.to.BY AS id MATCH (t:Leaker {id: id}) CREATE (n)-[:BY]->(t) }
CALL (n, row) { UNWIND row.staged.BY AS id MATCH (t:StagedLeaker {id: id}) CREATE (n)-[:BY]->(t) }
CALL (n, row) { UNWIND row.to.ABOUT_COMPANY AS id MATCH (t:Company {id: id}) CREATE (n)-[:ABOUT]->(t) }
CALL (n, row) { UNWIND row.staged.ABOUT_COMPANY AS id MATCH (t:StagedCompany {id: id}) CREATE (n)-[:ABOUT]->(t) }
CALL (n, row) { UNWIND row.to.ABOUT_DEVICE AS id MATCH (t:Device {id: id}) CREATE (n)-[:ABOUT]->(t) }
CALL (n, row) { UNWIND row.staged.ABOUT_DEVICE AS id MATCH (t:StagedDevice {id: id}) CREATE (n)-[:ABOUT]->(t) }
CALL (n, row) { UNWIND row.to.REPORTED_IN AS id MATCH (t:Source {id: id}) CREATE (n)-[:REPORTED_IN]->(t) }
CALL (n, row) { UNWIND row.staged.REPORTED_IN AS id MATCH (t:StagedSource {id: id}) CREATE (n)-[:REPORTED_IN]->(t) }
CALL (n, row) {
  UNWIND row.resolutions AS resolution
  CREATE (n)-[:RESOLVED_AS]->(r:$(CASE WHEN $staged THEN 'StagedResolution' ELSE 'Resolution' END))
  SET r = resolution.props, r.position = toInteger(resolution.props.position)
  WITH r, resolution
  CALL (r, resolution) { UNWIND resolution.to.REPORTED_IN AS id MATCH (t:Source {id: id}) CREATE (r)-[:REPORTED_IN]->(t) }
  CALL (r, resolution) { UNWIND resolution.staged.REPORTED_IN AS id MATCH (t:StagedSource {id: id}) CREATE (r)-[:REPORTED_IN]->(t) }
}
CALL (row) {
  UNWIND row.evidence AS entry
  CREATE (e:$(CASE WHEN $staged THEN 'StagedEvidence' ELSE 'Evidence' END))
  SET e = entry
}
