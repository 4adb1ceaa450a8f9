// Rebuilds the credibility steps of the leakers $leakerIds from the credibility changes their claims
// store (src/domain/outcome-history.ts): one (:CredibilityStep {leaker, day, hits, resolved}) per day
// the leaker's running totals change. Runs in the same transaction as every write that adds, changes
// or resolves a claim, so a read finds a leaker's credibility as of any day with one index seek.
UNWIND $leakerIds AS leakerId
CALL (leakerId) {
  MATCH (old:CredibilityStep {leaker: leakerId})
  DELETE old
}
CALL (leakerId) {
  MATCH (:Leaker {id: leakerId})<-[:BY]-(k:Claim)
  WHERE size(k.credibilityDays) > 0
  UNWIND range(0, size(k.credibilityDays) - 1) AS i
  WITH k.credibilityDays[i] AS day, sum(k.credibilityHits[i]) AS hits, sum(k.credibilityResolved[i]) AS resolved
  ORDER BY day
  WITH collect({day: day, hits: hits, resolved: resolved}) AS changes
  // Running totals; a leaker has at most one change per day, a few thousand in all.
  WITH reduce(run = {hits: 0.0, resolved: 0, steps: []}, c IN changes |
    {hits: run.hits + c.hits, resolved: run.resolved + c.resolved,
     steps: run.steps + [{day: c.day, hits: run.hits + c.hits, resolved: run.resolved + c.resolved}]}) AS run
  UNWIND run.steps AS step
  CREATE (:CredibilityStep {leaker: leakerId, day: step.day, hits: step.hits, resolved: toInteger(step.resolved)})
  RETURN count(*) AS steps
}
RETURN sum(steps) AS steps
