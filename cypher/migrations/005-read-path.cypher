// The read path at size (issue 7).
// A leaker's credibility as of a day is the last CredibilityStep on or before it: one seek on (leaker, day).
CREATE INDEX credibility_step IF NOT EXISTS FOR (n:CredibilityStep) ON (n.leaker, n.day);
// A leaker's claims page newest first on (leakerId, publishedOn) without walking every claim.
CREATE INDEX claim_leaker_published IF NOT EXISTS FOR (n:Claim) ON (n.leakerId, n.publishedOn);
// The outlook reads the evidence about one optics partner as of a day from this index alone: every
// property it needs is in the index, so no claim node is touched (src/graph/evidence.ts).
CREATE INDEX evidence_by_partner IF NOT EXISTS FOR (n:Evidence) ON (n.partner, n.from, n.until, n.manufacturer, n.leaker, n.direction);
CREATE INDEX evidence_by_claim IF NOT EXISTS FOR (n:Evidence) ON (n.claim);
// The claims behind one candidate's score: the evidence of one (partner, manufacturer) pair.
CREATE INDEX evidence_by_pair IF NOT EXISTS FOR (n:Evidence) ON (n.partner, n.manufacturer, n.from, n.until, n.claim);
