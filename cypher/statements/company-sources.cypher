// The ids of the sources that report each company, known on $asOf: for company rows that came along
// with another entity's row (cypher/projections/company-summary.cypher), which leaves them out.
UNWIND $ids AS id
RETURN id, [(:Company {id: id})-[:REPORTED_IN]->(s:Source) WHERE s.knownSince <= $asOf | s.id] AS ids
