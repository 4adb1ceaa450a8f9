d {
  .*,
  // Unfiltered: a manufacturer public later than its device answers null with a reason, not silently.
  manufacturerId: head([(d)-[:MADE_BY]->(c:Company) | c.id]),
  builtById: head([(d)-[:BUILT_BY]->(c:Company) WHERE c.knownSince <= $asOf | c.id]),
  opticsPartnerId: head([(d)-[:CO_ENGINEERED_WITH]->(c:Company) WHERE c.knownSince <= $asOf | c.id]),
  partnershipId: head([(d)-[:UNDER]->(p:Partnership) WHERE p.knownSince <= $asOf | p.id]),
  becameId: head([(d)-[:BECAME]->(b:Device) WHERE b.knownSince <= $asOf | b.id]),
  sourceIds: [(d)-[:REPORTED_IN]->(s:Source) WHERE s.knownSince <= $asOf | s.id]
}
