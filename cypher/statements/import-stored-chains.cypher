// The ownerships and BECAME links stored around a bundle's, so the importer can refuse a bundle
// that closes a cycle through what the graph already holds (src/import/cycles.ts): every ownership
// of the companies reachable from $companies through ownerships, and every BECAME link of the
// devices reachable from $devices through BECAME links (chains are short: a few hops).
CALL () {
  UNWIND $companies AS id
  MATCH (:Company {id: id})((:Company)-[:OWNED_COMPANY|OWNER]-(:Ownership)-[:OWNED_COMPANY|OWNER]-(:Company)){0,20}(c:Company)
  WITH DISTINCT c
  MATCH (c)<-[:OWNED_COMPANY]-(o:Ownership)-[:OWNER]->(owner:Company)
  RETURN collect(DISTINCT {id: o.id, company: c.id, owner: owner.id, from: o.startFirstDay, until: o.endLastDay}) AS ownerships
}
CALL () {
  UNWIND $devices AS id
  MATCH (:Device {id: id})((:Device)-[:BECAME]-(:Device)){0,50}(d:Device)
  WITH DISTINCT d
  MATCH (d)-[:BECAME]->(next:Device)
  RETURN collect(DISTINCT {device: d.id, became: next.id}) AS became
}
RETURN ownerships, became
