// The evidence digest of optics partner $partner (src/domain/evidence-digest.ts: its evidence index
// entries in one string, kept on write by src/graph/evidence-digests.ts) and, for each day of
// $evidenceDays, the credibility that day of each leaker the digest lists ([day, [[index in the
// list, credibility]]]; null for a leaker with no step by then). The service sums it per
// manufacturer (summariesOfDigest), beside outlook-facts, which says whether the partner was known
// (src/graph/outlook-facts.ts). One seek for the digest, one or two per leaker and day: its cost
// grows with the leakers who spoke about the partner, not with the claims about it or the graph.
OPTIONAL MATCH (d:EvidenceDigest {partner: $partner})
CALL (d) {
  UNWIND $evidenceDays AS day
  CALL (d, day) {
    UNWIND range(0, size(coalesce(d.leakers, [])) - 1) AS i
    WITH i, d.leakers[i] AS leakerId, day
    #part(credibility-on-day)
    RETURN collect([i, step.value]) AS credibilities
  }
  RETURN collect([day, credibilities]) AS credibilities
}
// A digest of claims that all lack a leaker stores no leakers (store-evidence-digests): none.
RETURN d.manufacturers AS manufacturers, coalesce(d.leakers, []) AS leakers, d.entries AS entries, credibilities
