// One evidence digest per partner (src/domain/evidence-digest.ts): writes MERGE it by partner to
// take its lock before rebuilding it (src/graph/evidence-digests.ts), and the outlook reads it by
// partner with one seek.
CREATE CONSTRAINT evidence_digest_partner IF NOT EXISTS FOR (d:EvidenceDigest) REQUIRE d.partner IS UNIQUE;
