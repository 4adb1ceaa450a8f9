// Everything the partnership outlook for one optics partner needs, in one round trip: the
// manufacturers (and the partner), every partnership and clause known on $asOf, the claims that
// say the partner will or will not partner, and every claim of their leakers (for credibility).
CALL {
  MATCH (c:Company)
  WHERE c.knownSince <= $asOf AND (c:Manufacturer OR c.id = $partner)
  RETURN collect(c {
    .*,
    roles: [role IN labels(c) WHERE role IN ['Manufacturer', 'OpticsPartner']],
    sourceIds: [(c)-[:REPORTED_IN]->(s:Source) WHERE s.knownSince <= $asOf | s.id]
  }) AS companies
}
CALL {
  MATCH (p:Partnership)-[:MANUFACTURER]->(m:Company), (p)-[:OPTICS_PARTNER]->(o:Company)
  WHERE p.knownSince <= $asOf
  RETURN collect(p {
    .*, manufacturerId: m.id, opticsPartnerId: o.id,
    sourceIds: [(p)-[:REPORTED_IN]->(s:Source) WHERE s.knownSince <= $asOf | s.id]
  }) AS partnerships
}
CALL {
  MATCH (x:Exclusivity)-[:CLAUSE_OF]->(p:Partnership)-[:MANUFACTURER]->(m:Company), (p)-[:OPTICS_PARTNER]->(o:Company)
  WHERE x.knownSince <= $asOf
  OPTIONAL MATCH (x)-[:ENDS_WITH_LAUNCH_OF]->(d:Device)
  RETURN collect(x {
    .*, partnershipId: p.id, manufacturerId: m.id, opticsPartnerId: o.id,
    launch: CASE WHEN d IS NULL THEN null ELSE d {
      deviceId: d.id, deviceName: d.name, .announced, .announcedFirstDay, .announcedKnownSince, .knownSince
    } END,
    sourceIds: [(x)-[:REPORTED_IN]->(s:Source) WHERE s.knownSince <= $asOf | s.id]
  }) AS exclusivities
}
CALL {
  OPTIONAL MATCH (:Company {id: $partner})<-[:ABOUT]-(k:Claim)
  WHERE k.knownSince <= $asOf AND k.kind IN ['WILL_PARTNER', 'WILL_NOT_PARTNER']
  OPTIONAL MATCH (k)-[:BY]->(:Leaker)<-[:BY]-(sibling:Claim)
  WHERE sibling.knownSince <= $asOf
  WITH collect(k) + collect(sibling) AS found
  UNWIND (CASE WHEN size(found) = 0 THEN [null] ELSE found END) AS claim
  WITH DISTINCT claim WHERE claim IS NOT NULL
  RETURN collect(claim {
    .*,
    leakerId: head([(claim)-[:BY]->(l:Leaker) | l.id]),
    subjects: [(claim)-[:ABOUT]->(s) | {id: s.id}],
    resolutions: [(claim)-[:RESOLVED_AS]->(r:Resolution) | r {.*}],
    sourceIds: [(claim)-[:REPORTED_IN]->(s:Source) WHERE s.knownSince <= $asOf | s.id]
  }) AS claims
}
CALL {
  MATCH (l:Leaker) WHERE l.knownSince <= $asOf
  RETURN collect(l {.*}) AS leakers
}
RETURN companies, partnerships, exclusivities, claims, leakers
