// What the partnership outlook for optics partner $partner needs besides its evidence, in one round
// trip, all of it bounded by the partner and the clauses, never by the rest of the graph: the
// manufacturers known on $asOf (a compact row each), the partner's partnerships, and the clauses that
// bind the partner or bind a manufacturer (and clause $afterExclusivity). The evidence about the
// partner is outlook-evidence-digest, which the service runs at the same time (src/graph/outlook-facts.ts).
// The outlook asks with $stillBindingOn = $asOf. The backtest asks once per optics partner for all its
// cut-off days: $asOf the latest, $stillBindingOn the earliest, and the outlook's rules hide, per
// cut-off, what was not yet known (src/domain/as-of.ts).
MATCH (partner:Company {id: $partner})
WHERE partner.knownSince <= $asOf
CALL () {
  MATCH (c:Manufacturer)
  WHERE c.knownSince <= $asOf
  RETURN collect([c.id, c.name, c.founded, c.dissolved, c.dissolvedKnownSince, c.knownSince, c:OpticsPartner]) AS manufacturers
}
CALL (partner) {
  MATCH (partner)<-[:OPTICS_PARTNER]-(p:Partnership)
  WHERE p.knownSince <= $asOf
  RETURN collect(#projection(partnership)) AS partnerships
}
CALL (partner) {
  MATCH (x:Exclusivity)-[:CLAUSE_OF]->(p:Partnership)-[:MANUFACTURER]->(m:Company), (p)-[:OPTICS_PARTNER]->(o:Company)
  WHERE x.knownSince <= $asOf
    AND (o = partner OR x.id = $afterExclusivity OR (x.binds <> 'OPTICS_PARTNER'
      // A clause elsewhere whose end was public and past on $stillBindingOn can bind nobody on or
      // after it (nor, its end being public, as known on any later day). coalesce: endsWithPartnership
      // is true or absent, and NOT (null AND true) is null, which would drop a clause that outlives its
      // ended partnership and still binds.
      AND NOT coalesce(x.end IS NOT NULL AND x.endKnownSince <= $stillBindingOn AND x.endLastDay < $stillBindingOn, false)
      AND NOT coalesce(x.endsWithPartnership AND p.end IS NOT NULL AND p.endKnownSince <= $stillBindingOn AND p.endLastDay < $stillBindingOn, false)))
  OPTIONAL MATCH (x)-[:ENDS_WITH_LAUNCH_OF]->(d:Device)
  RETURN collect(x {
    .*, partnershipId: p.id, manufacturerId: m.id, opticsPartnerId: o.id, partnershipEnd: p.end, partnershipEndKnownSince: p.endKnownSince,
    launch: CASE WHEN d IS NULL THEN null ELSE d {
      deviceId: d.id, deviceName: d.name, .announced, .announcedFirstDay, .announcedKnownSince, .knownSince
    } END,
    sourceIds: [(x)-[:REPORTED_IN]->(s:Source) WHERE s.knownSince <= $asOf | s.id]
  }) AS exclusivities
}
// In records of at most 100 manufacturers, 20 partnerships and 20 clauses, the partner on the first
// (src/graph/outlook-facts.ts puts them together again): neo4j-driver decodes each string of a record
// that spans many network chunks by walking all of them (channel/utf8.js, decodeCombinedBuffer), so
// the busiest partner's facts at 1M claims as one 300 KB record cost the service 22 ms of CPU to
// read, and in these 21 records 13 ms (interleaved runs of the whole statement).
UNWIND range(0, reduce(most = 0, rows IN [size(manufacturers) / 100, size(partnerships) / 20, size(exclusivities) / 20] | CASE WHEN rows > most THEN rows ELSE most END)) AS i
RETURN CASE i WHEN 0 THEN partner {
  .*, roles: [role IN labels(partner) WHERE role IN ['Manufacturer', 'OpticsPartner']],
  sourceIds: [(partner)-[:REPORTED_IN]->(s:Source) WHERE s.knownSince <= $asOf | s.id]
} END AS partner,
  manufacturers[i * 100..(i + 1) * 100] AS manufacturers,
  partnerships[i * 20..(i + 1) * 20] AS partnerships,
  exclusivities[i * 20..(i + 1) * 20] AS exclusivities
