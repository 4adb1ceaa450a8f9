// One page of the optics partners public on $asOf, after $after in id order, each with what ties it to
// each manufacturer as known on $asOf (analytics/network): partnerships started by then (ended ones
// too), co-engineered devices, and claims that they will partner counting on the day (the outlook's
// evidence index: published, not refuted). Rows are per (partner, manufacturer, kind), so a page
// returns at most its partners' links, whatever the number of claims behind them.
MATCH (partner:Company:OpticsPartner)
WHERE partner.id > $after AND partner.knownSince <= $asOf
WITH partner ORDER BY partner.id LIMIT toInteger($limit)
// The inner union is collected in an outer CALL, so a partner with no ties still returns its row
// (the page's last id is where the next page starts).
CALL (partner) {
CALL (partner) {
  MATCH (p:Partnership)-[:OPTICS_PARTNER]->(partner), (p)-[:MANUFACTURER]->(m:Company)
  WHERE p.knownSince <= $asOf AND p.startFirstDay <= $asOf AND m.knownSince <= $asOf
  RETURN m.id AS manufacturerId, m.name AS manufacturerName, 'partnerships' AS kind, count(*) AS n
  UNION ALL
  MATCH (d:Device)-[:CO_ENGINEERED_WITH]->(partner), (d)-[:MADE_BY]->(m:Company)
  WHERE d.knownSince <= $asOf AND m.knownSince <= $asOf AND m <> partner
  RETURN m.id AS manufacturerId, m.name AS manufacturerName, 'devices' AS kind, count(*) AS n
  UNION ALL
  MATCH (e:Evidence)
  WHERE e.partner = partner.id AND e.from <= $asOf AND e.until > $asOf AND e.direction = 'FOR'
  WITH e.manufacturer AS manufacturerId, count(DISTINCT e.claim) AS n
  MATCH (m:Company:Manufacturer {id: manufacturerId})
  WHERE m.knownSince <= $asOf
  RETURN m.id AS manufacturerId, m.name AS manufacturerName, 'claims' AS kind, n
}
RETURN collect({manufacturerId: manufacturerId, manufacturerName: manufacturerName, kind: kind, n: n}) AS links
}
RETURN partner.id AS partnerId, partner.name AS partnerName, links
