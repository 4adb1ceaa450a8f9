// Replaces the (:CredibilityStep {leaker, day, hits, resolved, value}) nodes of each leaker in $leakers
// ({id, steps: [{day, hits, resolved, value}]}) with the running totals src/domain/outcome-history.ts
// computed from credibility-changes. A read then finds a leaker's counts as of any day with one
// seek on the (leaker, day) index: the last step on or before that day.
UNWIND $leakers AS leaker
CALL (leaker) {
  MATCH (old:CredibilityStep {leaker: leaker.id})
  // A composite index is used only with a predicate on each of its properties.
  WHERE old.day IS NOT NULL
  DELETE old
}
CALL (leaker) {
  UNWIND leaker.steps AS step
  CREATE (:CredibilityStep {leaker: leaker.id, day: step.day, hits: step.hits, resolved: step.resolved, value: step.value})
}
// The last step (steps come in day order) is also a LatestCredibilityStep: on any day on or after
// it, the leaker's credibility is its value, found with one seek on the leaker alone (the outlook's
// evidence digest reads a thousand leakers' that way; outlook-evidence-digest.cypher).
CALL (leaker) {
  WITH leaker, last(leaker.steps) AS step WHERE step IS NOT NULL
  MATCH (s:CredibilityStep {leaker: leaker.id, day: step.day})
  SET s:LatestCredibilityStep
}
RETURN count(*) AS leakers
