p {
  .*,
  manufacturerId: head([(p)-[:MANUFACTURER]->(m:Company) | m.id]),
  opticsPartnerId: head([(p)-[:OPTICS_PARTNER]->(o:Company) | o.id]),
  exclusivityIds: [(p)<-[:CLAUSE_OF]-(x:Exclusivity) WHERE x.knownSince <= $asOf | x.id],
  sourceIds: [(p)-[:REPORTED_IN]->(s:Source) WHERE s.knownSince <= $asOf | s.id],
  // Its two companies come along, to fill the company loader.
  embeddedCompanies: [(p)-[:MANUFACTURER|OPTICS_PARTNER]->(c:Company) WHERE c.knownSince <= $asOf | #projection(company-summary)]
}
