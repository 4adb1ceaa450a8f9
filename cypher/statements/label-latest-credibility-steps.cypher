// Marks each leaker's last credibility step as its LatestCredibilityStep (replace-credibility-steps
// does it on every write since): once, at the start, for a graph whose steps were written before.
MATCH (s:CredibilityStep)
WHERE s.leaker IS NOT NULL AND s.day IS NOT NULL
WITH s.leaker AS leaker, max(s.day) AS day
MATCH (s:CredibilityStep {leaker: leaker, day: day})
SET s:LatestCredibilityStep
RETURN count(s) AS labelled
