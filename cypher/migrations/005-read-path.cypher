// The read path at size (issue 7). A leaker's credibility as of a day is the last CredibilityStep on
// or before it: one seek on (leaker, day). Claims keep their leaker's id so lists of a leaker's
// claims page on (leakerId, publishedOn) without walking every claim.
CREATE INDEX credibility_step IF NOT EXISTS FOR (n:CredibilityStep) ON (n.leaker, n.day);
CREATE INDEX claim_leaker_published IF NOT EXISTS FOR (n:Claim) ON (n.leakerId, n.publishedOn);
