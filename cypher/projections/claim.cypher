k {
  .id, .statement, .kind, .publishedOn, .knownSince, .evidence,
  leakerId: head([(k)-[:BY]->(l:Leaker) | l.id]),
  subjects: [(k)-[:ABOUT]->(s) WHERE s.knownSince <= $asOf | {id: s.id, kind: CASE WHEN s:Device THEN 'Device' ELSE 'Company' END}],
  resolutions: [(k)-[:RESOLVED_AS]->(r:Resolution) | r {
    .*, sourceIds: [(r)-[:REPORTED_IN]->(s:Source) WHERE s.knownSince <= $asOf | s.id]
  }],
  sourceIds: [(k)-[:REPORTED_IN]->(s:Source) WHERE s.knownSince <= $asOf | s.id],
  // The companies and devices it names come along (a handful), and the companies of those devices,
  // to fill their loaders. A page that shows its devices narrowed reads the devices' companies only
  // when it shows one of them (claimPageShape in src/schema/claim.ts).
  embeddedCompanies: [(k)-[:ABOUT]->(c:Company) WHERE c.knownSince <= $asOf | #projection(company-summary)],
  embeddedDeviceCompanies: [(k)-[:ABOUT]->(d:Device)-[:MADE_BY|BUILT_BY|CO_ENGINEERED_WITH]->(c:Company) WHERE d.knownSince <= $asOf AND c.knownSince <= $asOf | #projection(company-summary)],
  embeddedDevices: [(k)-[:ABOUT]->(d:Device) WHERE d.knownSince <= $asOf | #projection(device)]
}
