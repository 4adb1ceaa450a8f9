// The stored evidence digest of each partner in $partners (null when it has none yet), which a write
// patches with the entries it removed and added (src/graph/evidence-digests.ts).
UNWIND $partners AS partner
OPTIONAL MATCH (d:EvidenceDigest {partner: partner})
RETURN partner, d.manufacturers AS manufacturers, coalesce(d.leakers, []) AS leakers, d.entries AS entries
