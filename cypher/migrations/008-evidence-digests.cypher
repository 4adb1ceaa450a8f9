// One evidence digest per partner (src/domain/evidence-digest.ts): writes MERGE it by partner to
// take its lock before rebuilding it (src/graph/evidence-digests.ts), and the outlook reads it by
// partner with one seek.
CREATE CONSTRAINT evidence_digest_partner IF NOT EXISTS FOR (d:EvidenceDigest) REQUIRE d.partner IS UNIQUE;
// A leaker's last credibility step carries this label too (replace-credibility-steps): its
// credibility on any later day, with one seek on the leaker.
CREATE INDEX latest_credibility_step IF NOT EXISTS FOR (s:LatestCredibilityStep) ON (s.leaker);
