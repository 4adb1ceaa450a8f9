// One page of the devices `company` makes (a node, or null for an id that names none), known on
// $asOf, by announcement as known then, then id ($offset, $limit): `page` the nodes, `rows` the same
// devices in the device projection; and how many in all as `total` when $withTotal (else 0).
// The one rule for a company's devices page: Company.devices read alone (company-devices) and read
// with the page of companies it hangs under (list-companies) both use it. Each row is projected here,
// one device at a time, rather than over the collected page: 496 devices of 50 makers cost 15 ms
// instead of 21 at 1M claims (server time, .scratch-style interleaved runs).
CALL (company) {
  WITH $withTotal AS wanted WHERE wanted
  MATCH (company)<-[:MADE_BY]-(d:Device) WHERE d.knownSince <= $asOf
  RETURN count(*) AS total
}
CALL (company) {
  MATCH (company)<-[:MADE_BY]-(d:Device) WHERE d.knownSince <= $asOf
  WITH d ORDER BY coalesce(CASE WHEN d.announcedKnownSince <= $asOf THEN d.announcedFirstDay END, d.knownSince), d.id
  SKIP toInteger($offset) LIMIT toInteger($limit)
  RETURN collect(d) AS page, collect(#projection(device)) AS rows
}