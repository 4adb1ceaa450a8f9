// Companies known on $asOf, optionally of one role, by name: one page of rows, and how many match
// in all when $withTotal (a count, never a list of ids).
// When the query shows each company's devices ($devicesLimit not null), the same round trip reads
// them too: `nestedPages`, one {id, total, rows} per company of the page, by the rule of
// Company.devices ($devicesOffset, $devicesLimit, $devicesWithTotal, $devicesEmbedVia; see
// cypher/parts/company-device-page.cypher), and `embeddedCompanies`, the companies those devices
// show, each once. Read 3 of the scale bench (manufacturers > devices > optics partner) is then
// one statement, not a page of companies and then a batch of device pages.
CALL () {
  WITH $withTotal AS wanted WHERE wanted
  #part(company-selection)
  RETURN count(c) AS total
}
CALL () {
  #part(company-selection)
  WITH c ORDER BY toLower(c.name), c.id
  SKIP toInteger($offset) LIMIT toInteger($limit)
  RETURN collect(c) AS companies, collect(#projection(company)) AS rows
}
CALL (companies) {
  CALL (companies) {
    WITH companies WHERE $devicesLimit IS NOT NULL
    UNWIND companies AS company
    WITH company, company.id AS id
    #part(company-device-page, devices)
    WITH collect({id: id, total: total, page: page, rows: rows}) AS parents
    #part(device-pages, devices)
  }
  RETURN collect({id: id, total: total, rows: rows}) AS nestedPages, reduce(flat = [], each IN collect(embeddedCompanies) | flat + each) AS embeddedCompanies
}
RETURN total, rows, nestedPages, embeddedCompanies
