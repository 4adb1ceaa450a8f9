// Devices known on $asOf with their status as of that day: one page of rows in the chosen order,
// and the total when $withTotal. The selection (cypher/parts/device-selection.cypher) runs once to
// count and once to page, so that counting stays a count.
CALL () {
  WITH $withTotal AS wanted WHERE wanted
  #part(device-selection)
  RETURN count(d) AS total
}
CALL () {
  #part(device-selection)
  WITH d ORDER BY
    CASE WHEN $order = 'NAME' THEN toLower(d.name) END,
    CASE WHEN $order = 'ANNOUNCED_ASC' THEN coalesce(CASE WHEN d.announcedKnownSince <= $asOf THEN d.announcedFirstDay END, d.knownSince) END ASC,
    CASE WHEN $order = 'ANNOUNCED_DESC' THEN coalesce(CASE WHEN d.announcedKnownSince <= $asOf THEN d.announcedFirstDay END, d.knownSince) END DESC,
    d.id
  SKIP toInteger($offset) LIMIT toInteger($limit)
  RETURN collect(d) AS page, collect(#projection(device)) AS rows
}
WITH [{id: null, total: total, page: page, rows: rows}] AS parents
#part(device-pages)
