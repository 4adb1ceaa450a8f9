// A leaker's claims (cypher/parts/leaker-claim-page.cypher), one page per leaker in $ids.
UNWIND $ids AS id
#part(leaker-claim-page)
RETURN id, total, rows
