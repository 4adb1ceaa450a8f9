// The pages of devices of every parent in `parents` ({id, total, page}: a page is a list of devices,
// already ordered and limited) as one row per parent: `rows` in the device projection, and on the
// first row only, `embeddedCompanies`: the companies the devices of all the pages point at through
// $embedVia (the relationships the query shows), each once. Fifty makers' pages that share ten
// optics partners carry ten company rows, not five hundred: what rows weigh is what the service
// spends decoding them.
WITH parents, [c IN COLLECT {
    UNWIND parents AS parent
    UNWIND parent.page AS d
    MATCH (d)-[r:MADE_BY|BUILT_BY|CO_ENGINEERED_WITH]->(c:Company) WHERE c.knownSince <= $asOf AND type(r) IN $embedVia
    RETURN DISTINCT c
  } | #projection(company-summary)] AS embedded
UNWIND range(0, size(parents) - 1) AS i
WITH parents[i] AS parent, CASE i WHEN 0 THEN embedded ELSE [] END AS embeddedCompanies
RETURN parent.id AS id, parent.total AS total, [d IN parent.page | #projection(device)] AS rows, embeddedCompanies
