c {
  .*,
  roles: [role IN labels(c) WHERE role IN ['Manufacturer', 'OpticsPartner']],
  sourceIds: [(c)-[:REPORTED_IN]->(s:Source) WHERE s.knownSince <= $asOf | s.id]
}
