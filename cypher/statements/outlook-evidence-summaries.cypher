// The evidence about optics partner $partner, for each day of $evidenceDays, summarised per
// manufacturer from the evidence index: the logarithms of the products of (1 - w) over the claims for
// and against, w being the leaker's credibility on that day (one index seek per leaker) or
// $weightWithoutLeaker. Its cost grows with the claims about the partner, not with the graph. The service
// runs it beside outlook-facts, which says whether the partner was known (src/graph/outlook-facts.ts).
UNWIND $evidenceDays AS day
CALL (day) {
  OPTIONAL MATCH (e:Evidence)
  WHERE e.partner = $partner AND e.from <= day AND e.until > day
    AND e.manufacturer IS NOT NULL AND e.leaker IS NOT NULL AND e.direction IS NOT NULL
  WITH e.leaker AS leakerId, collect([e.manufacturer, e.direction]) AS claims
  WHERE leakerId IS NOT NULL
  CALL (leakerId, day) {
    OPTIONAL MATCH (s:CredibilityStep)
    WHERE s.leaker = leakerId AND s.day <= day
    WITH s ORDER BY s.leaker DESC, s.day DESC LIMIT 1
    RETURN s.value AS credibility
  }
  // Products of (1 - w) as sums of logarithms: one pass, no lists (w < 1 always).
  WITH claims, log(1.0 - CASE WHEN leakerId = '' THEN $weightWithoutLeaker ELSE coalesce(credibility, $newcomerCredibility) END) AS logDoubt
  UNWIND claims AS claim
  WITH claim[0] AS manufacturerId,
    sum(CASE WHEN claim[1] = 'FOR' THEN logDoubt ELSE 0.0 END) AS logDoubtFor,
    sum(CASE WHEN claim[1] = 'AGAINST' THEN logDoubt ELSE 0.0 END) AS logDoubtAgainst,
    count(*) AS claims
  RETURN collect([manufacturerId, logDoubtFor, logDoubtAgainst, claims]) AS summaries
}
RETURN collect([day, summaries]) AS evidence
