// The devices a company makes (cypher/parts/company-device-page.cypher), one page per parent in $ids,
// read in Cypher and never as a list of every id. The rows fill the entity loader (or, narrowed to
// what the query shows, are the page's nodes), so the page costs one round trip.
UNWIND $ids AS id
OPTIONAL MATCH (company:Company {id: id})
#part(company-device-page)
WITH collect({id: id, total: total, page: page, rows: rows}) AS parents
#part(device-pages)
