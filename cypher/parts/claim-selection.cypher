// The claims claims(...) asks for, published by $asOf, as rows `k`; the outcome filter reads the
// outcome as known on $asOf from the claim's stored outcome history (src/domain/outcome-history.ts),
// which must agree with outcomeAsOf in src/domain/as-of.ts (test/integration/as-of-cypher.test.ts).
MATCH (k:Claim)
WHERE k.knownSince <= $asOf
  AND ($leaker IS NULL OR k.leakerId = $leaker)
  AND ($subject IS NULL OR $subject IN k.subjectIds)
  AND ($kind IS NULL OR k.kind IN $kind)
  AND ($publishedFrom IS NULL OR k.publishedOn >= $publishedFrom)
  AND ($publishedTo IS NULL OR k.publishedOn <= $publishedTo)
  AND ($outcome IS NULL OR coalesce(last([i IN range(0, size(k.outcomeDays) - 1) WHERE k.outcomeDays[i] <= $asOf | k.outcomeValues[i]]), 'UNRESOLVED') IN $outcome)
