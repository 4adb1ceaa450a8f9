// The claims a source reports, published by $asOf, newest first, then id.
// One page per parent in $ids ($offset, $limit), read in Cypher and never as a list of every id;
// the count when $withTotal. The rows fill the entity loader, so the page costs one round trip.
UNWIND $ids AS id
CALL (id) {
  WITH $withTotal AS wanted WHERE wanted
  MATCH (:Source {id: id})<-[:REPORTED_IN]-(k:Claim) WHERE k.knownSince <= $asOf
  RETURN count(*) AS total
}
CALL (id) {
  MATCH (:Source {id: id})<-[:REPORTED_IN]-(k:Claim) WHERE k.knownSince <= $asOf
  WITH k ORDER BY k.publishedOn DESC, k.id
  SKIP toInteger($offset) LIMIT toInteger($limit)
  RETURN collect(#projection(claim)) AS rows
}
RETURN id, total, rows
