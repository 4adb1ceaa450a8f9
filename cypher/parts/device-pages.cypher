// The pages of devices of every parent in `parents` ({id, total, page, rows}: `page` a list of
// devices, already ordered and limited, `rows` the same devices in the device projection, each
// projected where it was read, one at a time, which costs less than projecting over the collected
// page) as one row per parent: its `rows`, and on the first row only, `embeddedCompanies`: the
// companies the devices of all the pages point at through $embedVia (the relationships the query
// shows; cypher/parts/companies-shown-by-device.cypher), each once. Fifty makers' pages that share
// ten optics partners carry ten company rows, not five hundred: what rows weigh is what the service
// spends decoding them.
WITH parents, [c IN COLLECT {
    UNWIND parents AS parent
    UNWIND parent.page AS d
    #part(companies-shown-by-device)
    RETURN DISTINCT c
  } | #projection(company-summary)] AS embedded
UNWIND range(0, size(parents) - 1) AS i
WITH parents[i] AS parent, CASE i WHEN 0 THEN embedded ELSE [] END AS embeddedCompanies
RETURN parent.id AS id, parent.total AS total, parent.rows AS rows, embeddedCompanies
