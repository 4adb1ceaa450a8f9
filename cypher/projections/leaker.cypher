l {
  .*,
  sourceIds: [(l)-[:REPORTED_IN]->(s:Source) WHERE s.knownSince <= $asOf | s.id]
}
