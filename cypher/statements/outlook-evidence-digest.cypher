// The evidence digest of optics partner $partner (src/domain/evidence-digest.ts: its evidence index
// entries in one string, kept on write by src/graph/evidence-digests.ts) and, for each day of
// $evidenceDays, the credibility that day of each leaker the digest lists, in its order (null for
// a leaker with no step by then). The service sums it per
// manufacturer (summariesOfDigest), beside outlook-facts, which says whether the partner was known
// (src/graph/outlook-facts.ts). One seek for the digest, one per leaker and day: its cost grows
// with the leakers who spoke about the partner, not with the claims about it or the graph.
OPTIONAL MATCH (d:EvidenceDigest {partner: $partner})
RETURN d.manufacturers AS manufacturers, d.leakers AS leakers, d.entries AS entries,
  [day IN $evidenceDays | [leakerId IN coalesce(d.leakers, []) | head(COLLECT {
    MATCH (s:CredibilityStep)
    WHERE s.leaker = leakerId AND s.day <= day
    WITH s ORDER BY s.leaker DESC, s.day DESC LIMIT 1
    RETURN s.value
  })]] AS credibilities
