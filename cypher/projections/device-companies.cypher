[(d)-[:MADE_BY|BUILT_BY|CO_ENGINEERED_WITH]->(c:Company) WHERE c.knownSince <= $asOf | #projection(company-summary)]
