// One page of the devices the company `id` makes, known on $asOf, by announcement as known then,
// then id ($offset, $limit), as `page`; and how many in all as `total` when $withTotal (else 0).
// The one rule for a company's devices page: Company.devices read alone (company-devices) and read
// with the page of companies it hangs under (list-companies) both use it.
CALL (id) {
  WITH $withTotal AS wanted WHERE wanted
  MATCH (:Company {id: id})<-[:MADE_BY]-(d:Device) WHERE d.knownSince <= $asOf
  RETURN count(*) AS total
}
CALL (id) {
  MATCH (:Company {id: id})<-[:MADE_BY]-(d:Device) WHERE d.knownSince <= $asOf
  WITH d ORDER BY coalesce(CASE WHEN d.announcedKnownSince <= $asOf THEN d.announcedFirstDay END, d.knownSince), d.id
  SKIP toInteger($offset) LIMIT toInteger($limit)
  RETURN collect(d) AS page
}
