// The credibility step of leaker `leakerId` on day `day`, as `step` (null: none yet, a newcomer):
// the one rule for reading it. A leaker's last step is also its LatestCredibilityStep
// (replace-credibility-steps): on any day on or after it, that step, found with one seek on the
// leaker; before it, the last step on or before the day, one ordered seek on (leaker, day).
// Every question about today takes the first way (the outlook's digest reads a thousand leakers').
OPTIONAL MATCH (latest:LatestCredibilityStep {leaker: leakerId})
WITH *, CASE WHEN latest.day <= day THEN latest ELSE head(COLLECT {
  MATCH (s:CredibilityStep)
  WHERE s.leaker = leakerId AND s.day <= day
  WITH s ORDER BY s.leaker DESC, s.day DESC LIMIT 1
  RETURN s
}) END AS step
