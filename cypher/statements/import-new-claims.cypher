// Creates :Claim nodes the graph does not hold yet (the importer looked each id up first), with their
// outgoing relationships to targets written earlier in the same transaction or stored before
// (rows from src/import/write-rows.ts). Plain CREATE and one index seek per target: nothing to
// compare. The importer checks the counts Neo4j reports against what it sent, so a target that
// is missing fails the import instead of leaving a relationship out.
// A subject is a company or a device: the importer knows which, and sends the ids apart so each is
// one seek under its own label. A new claim's resolutions are new too, and are created here with it.
UNWIND $rows AS row
CREATE (n:Claim)
SET n = row.props
WITH n, row
CALL (n, row) { UNWIND row.to.BY AS id MATCH (t:Leaker {id: id}) CREATE (n)-[:BY]->(t) }
CALL (n, row) { UNWIND row.to.ABOUT_COMPANY AS id MATCH (t:Company {id: id}) CREATE (n)-[:ABOUT]->(t) }
CALL (n, row) { UNWIND row.to.ABOUT_DEVICE AS id MATCH (t:Device {id: id}) CREATE (n)-[:ABOUT]->(t) }
CALL (n, row) { UNWIND row.to.REPORTED_IN AS id MATCH (t:Source {id: id}) CREATE (n)-[:REPORTED_IN]->(t) }
CALL (n, row) {
  UNWIND row.resolutions AS resolution
  CREATE (n)-[:RESOLVED_AS]->(r:Resolution)
  SET r = resolution.props, r.position = toInteger(resolution.props.position)
  WITH r, resolution
  UNWIND resolution.to.REPORTED_IN AS id
  MATCH (t:Source {id: id})
  CREATE (r)-[:REPORTED_IN]->(t)
}
