// A company's partnerships on either side, known on $asOf, by start, then id.
// One page per parent in $ids ($offset, $limit), read in Cypher and never as a list of every id;
// the count when $withTotal. The rows fill the entity loader, so the page costs one round trip.
UNWIND $ids AS id
CALL (id) {
  WITH $withTotal AS wanted WHERE wanted
  MATCH (:Company {id: id})<-[:MANUFACTURER|OPTICS_PARTNER]-(p:Partnership) WHERE p.knownSince <= $asOf
  RETURN count(*) AS total
}
CALL (id) {
  MATCH (:Company {id: id})<-[:MANUFACTURER|OPTICS_PARTNER]-(p:Partnership) WHERE p.knownSince <= $asOf
  WITH p ORDER BY p.startFirstDay, p.id
  SKIP toInteger($offset) LIMIT toInteger($limit)
  RETURN collect(#projection(partnership)) AS rows
}
RETURN id, total, rows
