// The devices devices(...) asks for, known on $asOf, as rows `d`: found from the optics partner or the
// manufacturer when one is given (reading only theirs), else from all devices; the branches that do
// not apply read nothing. Status filters by the same rule as deviceStatusAsOf in src/domain/device-status.ts
// (test/integration/as-of-cypher.test.ts checks they agree).
CALL () {
  WITH $opticsPartner AS partnerId WHERE partnerId IS NOT NULL
  MATCH (:Company {id: partnerId})<-[:CO_ENGINEERED_WITH]-(d:Device)
  RETURN d
  UNION
  WITH $opticsPartner AS partnerId, $manufacturer AS makerId WHERE partnerId IS NULL AND makerId IS NOT NULL
  MATCH (:Company {id: makerId})<-[:MADE_BY]-(d:Device)
  RETURN d
  UNION
  WITH $opticsPartner AS partnerId, $manufacturer AS makerId WHERE partnerId IS NULL AND makerId IS NULL
  MATCH (d:Device)
  RETURN d
}
WITH d
WHERE d.knownSince <= $asOf
  AND ($manufacturer IS NULL OR EXISTS { (d)-[:MADE_BY]->(:Company {id: $manufacturer}) })
  AND ($announcedFrom IS NULL OR (d.announcedFirstDay >= $announcedFrom AND d.announcedKnownSince <= $asOf))
  AND ($announcedTo IS NULL OR (d.announcedFirstDay <= $announcedTo AND d.announcedKnownSince <= $asOf))
  AND ($status IS NULL OR CASE
    WHEN d.cancelled IS NOT NULL AND d.cancelledKnownSince <= $asOf THEN 'CANCELLED'
    WHEN d.released IS NOT NULL AND d.releasedKnownSince <= $asOf AND d.releasedFirstDay <= $asOf THEN 'RELEASED'
    WHEN d.announced IS NOT NULL AND d.announcedKnownSince <= $asOf THEN 'ANNOUNCED'
    ELSE 'RUMOURED' END IN $status)
