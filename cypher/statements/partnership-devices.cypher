// The devices made under a partnership, by announcement as known on $asOf, then id.
// One page per parent in $ids ($offset, $limit), read in Cypher and never as a list of every id;
// the count when $withTotal. The rows fill the entity loader (or, narrowed to what the query shows,
// are the page's nodes), so the page costs one round trip.
UNWIND $ids AS id
CALL (id) {
  WITH $withTotal AS wanted WHERE wanted
  MATCH (:Partnership {id: id})<-[:UNDER]-(d:Device) WHERE d.knownSince <= $asOf
  RETURN count(*) AS total
}
CALL (id) {
  MATCH (:Partnership {id: id})<-[:UNDER]-(d:Device) WHERE d.knownSince <= $asOf
  WITH d ORDER BY coalesce(CASE WHEN d.announcedKnownSince <= $asOf THEN d.announcedFirstDay END, d.knownSince), d.id
  SKIP toInteger($offset) LIMIT toInteger($limit)
  RETURN collect(d) AS page, collect(#projection(device)) AS rows
}
WITH collect({id: id, total: total, page: page, rows: rows}) AS parents
#part(device-pages)
