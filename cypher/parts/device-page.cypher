// One page of devices `d` (already ordered and limited) as `rows`, and the rows of the companies they
// point at as `embeddedCompanies`, each company once per page: fifty devices of one maker carry their
// maker's row once, not fifty times (what the rows weigh is what the service spends decoding them).
WITH collect(d) AS page
RETURN [d IN page | #projection(device)] AS rows,
  [c IN COLLECT {
    UNWIND page AS d
    MATCH (d)-[:MADE_BY|BUILT_BY|CO_ENGINEERED_WITH]->(c:Company) WHERE c.knownSince <= $asOf
    RETURN DISTINCT c
  } | #projection(company-summary)] AS embeddedCompanies
