// Devices known on $asOf with their status as of that day (the same rule as src/graph/views.ts).
MATCH (d:Device)-[:MADE_BY]->(m:Company)
WHERE d.knownSince <= $asOf
  AND ($manufacturer IS NULL OR m.id = $manufacturer)
  AND ($opticsPartner IS NULL OR EXISTS { (d)-[:CO_ENGINEERED_WITH]->(:Company {id: $opticsPartner}) })
  AND ($announcedFrom IS NULL OR (d.announcedFirstDay >= $announcedFrom AND d.announcedKnownSince <= $asOf))
  AND ($announcedTo IS NULL OR (d.announcedFirstDay <= $announcedTo AND d.announcedKnownSince <= $asOf))
WITH d,
  CASE
    WHEN d.cancelled IS NOT NULL AND d.cancelledKnownSince <= $asOf THEN 'CANCELLED'
    WHEN d.released IS NOT NULL AND d.releasedKnownSince <= $asOf AND d.releasedFirstDay <= $asOf THEN 'RELEASED'
    WHEN d.announced IS NOT NULL AND d.announcedKnownSince <= $asOf THEN 'ANNOUNCED'
    ELSE 'RUMOURED'
  END AS status
WHERE $status IS NULL OR status IN $status
WITH d ORDER BY
  CASE WHEN $order = 'NAME' THEN toLower(d.name) END,
  CASE WHEN $order = 'ANNOUNCED_ASC' THEN coalesce(CASE WHEN d.announcedKnownSince <= $asOf THEN d.announcedFirstDay END, d.knownSince) END ASC,
  CASE WHEN $order = 'ANNOUNCED_DESC' THEN coalesce(CASE WHEN d.announcedKnownSince <= $asOf THEN d.announcedFirstDay END, d.knownSince) END DESC,
  d.id
WITH collect(d.id) AS ids
RETURN size(ids) AS total, ids[$offset..$offset + $limit] AS ids
