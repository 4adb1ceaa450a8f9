// Which ids of a bundle the graph already holds, per label, with one index seek per id: the
// bundle's own ids per list ($companies and $devices both hold every company and device id of the
// bundle, since the two share one namespace and must not collide), and ids it refers to without
// defining them ($elsewhere, looked up under every label a reference can name). Entities found here
// are upserted and compared; the others are created outright (src/import/write.ts).
CALL () {
  UNWIND $companies + $elsewhere AS id
  MATCH (n:Company {id: id})
  RETURN collect(id) AS companies, collect(CASE WHEN n:Manufacturer THEN id END) AS manufacturers,
         collect(CASE WHEN n:OpticsPartner THEN id END) AS opticsPartners
}
CALL () { UNWIND $devices + $elsewhere AS id MATCH (n:Device {id: id}) RETURN collect(id) AS devices }
CALL () { UNWIND $partnerships + $elsewhere AS id MATCH (n:Partnership {id: id}) RETURN collect(id) AS partnerships }
CALL () { UNWIND $leakers + $elsewhere AS id MATCH (n:Leaker {id: id}) RETURN collect(id) AS leakers }
CALL () { UNWIND $sources + $elsewhere AS id MATCH (n:Source {id: id}) RETURN collect(id) AS sources }
CALL () { UNWIND $ownerships AS id MATCH (n:Ownership {id: id}) RETURN collect(id) AS ownerships }
CALL () { UNWIND $exclusivities AS id MATCH (n:Exclusivity {id: id}) RETURN collect(id) AS exclusivities }
CALL () { UNWIND $claims AS id MATCH (n:Claim {id: id}) RETURN collect(id) AS claims }
RETURN companies, manufacturers, opticsPartners, devices, partnerships, leakers, sources, ownerships, exclusivities, claims
