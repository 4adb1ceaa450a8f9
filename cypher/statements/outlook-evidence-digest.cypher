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
    // On or after the leaker's last step (every question about today), that step; before it, a seek.
    OPTIONAL MATCH (latest:LatestCredibilityStep {leaker: d.leakers[i]})
    RETURN collect([i, CASE WHEN latest.day <= day THEN latest.value ELSE head(COLLECT {
      MATCH (s:CredibilityStep)
      WHERE s.leaker = d.leakers[i] AND s.day <= day
      WITH s ORDER BY s.leaker DESC, s.day DESC LIMIT 1
      RETURN s.value
    }) END]) AS credibilities
  }
  RETURN collect([day, credibilities]) AS credibilities
}
RETURN d.manufacturers AS manufacturers, d.leakers AS leakers, d.entries AS entries, credibilities
