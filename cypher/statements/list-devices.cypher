// Devices known on $asOf with their status as of that day (the same rule as deviceStatus in
// src/schema/device.ts): one page of rows in the chosen order, and the total when $withTotal.
// The filters are written twice, once to count and once to page, so that counting stays a count.
CALL () {
  WITH $withTotal AS wanted WHERE wanted
  MATCH (d:Device)-[:MADE_BY]->(m:Company)
  WHERE d.knownSince <= $asOf
    AND ($manufacturer IS NULL OR m.id = $manufacturer)
    AND ($opticsPartner IS NULL OR EXISTS { (d)-[:CO_ENGINEERED_WITH]->(:Company {id: $opticsPartner}) })
    AND ($announcedFrom IS NULL OR (d.announcedFirstDay >= $announcedFrom AND d.announcedKnownSince <= $asOf))
    AND ($announcedTo IS NULL OR (d.announcedFirstDay <= $announcedTo AND d.announcedKnownSince <= $asOf))
    AND ($status IS NULL OR CASE
      WHEN d.cancelled IS NOT NULL AND d.cancelledKnownSince <= $asOf THEN 'CANCELLED'
      WHEN d.released IS NOT NULL AND d.releasedKnownSince <= $asOf AND d.releasedFirstDay <= $asOf THEN 'RELEASED'
      WHEN d.announced IS NOT NULL AND d.announcedKnownSince <= $asOf THEN 'ANNOUNCED'
      ELSE 'RUMOURED' END IN $status)
  RETURN count(d) AS total
}
CALL () {
  // Starting from the optics partner when one is given reads only its devices.
  OPTIONAL MATCH (partner:Company {id: $opticsPartner})
  WITH partner
  MATCH (d:Device)-[:MADE_BY]->(m:Company)
  WHERE (partner IS NULL OR (d)-[:CO_ENGINEERED_WITH]->(partner)) AND ($opticsPartner IS NULL OR partner IS NOT NULL)
    AND d.knownSince <= $asOf
    AND ($manufacturer IS NULL OR m.id = $manufacturer)
    AND ($announcedFrom IS NULL OR (d.announcedFirstDay >= $announcedFrom AND d.announcedKnownSince <= $asOf))
    AND ($announcedTo IS NULL OR (d.announcedFirstDay <= $announcedTo AND d.announcedKnownSince <= $asOf))
    AND ($status IS NULL OR CASE
      WHEN d.cancelled IS NOT NULL AND d.cancelledKnownSince <= $asOf THEN 'CANCELLED'
      WHEN d.released IS NOT NULL AND d.releasedKnownSince <= $asOf AND d.releasedFirstDay <= $asOf THEN 'RELEASED'
      WHEN d.announced IS NOT NULL AND d.announcedKnownSince <= $asOf THEN 'ANNOUNCED'
      ELSE 'RUMOURED' END IN $status)
  WITH d ORDER BY
    CASE WHEN $order = 'NAME' THEN toLower(d.name) END,
    CASE WHEN $order = 'ANNOUNCED_ASC' THEN coalesce(CASE WHEN d.announcedKnownSince <= $asOf THEN d.announcedFirstDay END, d.knownSince) END ASC,
    CASE WHEN $order = 'ANNOUNCED_DESC' THEN coalesce(CASE WHEN d.announcedKnownSince <= $asOf THEN d.announcedFirstDay END, d.knownSince) END DESC,
    d.id
  SKIP toInteger($offset) LIMIT toInteger($limit)
  RETURN collect(#projection(device)) AS rows
}
RETURN total, rows
