// One page of the claims with a leaker whose outcome was decided by $asOf (and published by then),
// after $after in id order, each with its outcome history, its own credibility changes and its
// leaker's counts on the day it was published: the last CredibilityStep on or before that day
// (cypher/parts/credibility-on-day.cypher). analytics/calibration reads every such claim this way, page by page.
MATCH (k:Claim)
WHERE k.id > $after AND k.knownSince <= $asOf AND k.leakerId IS NOT NULL
  AND size(k.outcomeDays) > 0 AND k.outcomeDays[0] <= $asOf
WITH k ORDER BY k.id LIMIT toInteger($limit)
CALL (k) {
  WITH k.leakerId AS leakerId, k.publishedOn AS day
  #part(credibility-on-day)
  RETURN step.hits AS stepHits, step.resolved AS stepResolved
}
RETURN k.id AS id, k.leakerId AS leakerId, head([(k)-[:BY]->(l:Leaker) | l.name]) AS leakerName, k.publishedOn AS publishedOn,
  k.outcomeDays AS outcomeDays, k.outcomeValues AS outcomeValues,
  k.credibilityDays AS credibilityDays, k.credibilityHits AS credibilityHits, k.credibilityResolved AS credibilityResolved,
  stepHits, stepResolved
