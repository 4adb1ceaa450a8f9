// For test/integration/import-credibility.test.ts: a leaker's stored credibility steps, in day order.
MATCH (s:CredibilityStep {leaker: $leaker})
WHERE s.day IS NOT NULL
RETURN s.day AS day, s.hits AS hits, s.resolved AS resolved
ORDER BY day
