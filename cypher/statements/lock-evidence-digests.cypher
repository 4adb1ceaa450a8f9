// Takes the write lock of the evidence digest of each partner in $partners (sorted, so two writes
// take them in one order), making the node when a partner has none yet. A write takes it before it
// reads the entries its digest is rebuilt from: a second write on one partner waits until the first
// commits, then reads the first's entries too, so neither drops the other's (src/graph/evidence-digests.ts).
UNWIND $partners AS partner
MERGE (d:EvidenceDigest {partner: partner})
SET d.locked = true
REMOVE d.locked
RETURN count(d) AS locked
