// What the claims of each leaker in $leakerIds add to its hits and n, summed per day, in day order:
// the input of credibilitySteps (src/domain/outcome-history.ts), which turns them into running totals.
// Runs inside the write that changed the claims, and first takes each leaker's write lock (setting a
// property holds it until the transaction ends): two writes touching one leaker's claims at once (an
// import and a resolveClaim) then rebuild its steps one after the other, the second from what the
// first committed, instead of each from claims that miss the other's change.
UNWIND $leakerIds AS leakerId
CALL (leakerId) {
  MATCH (l:Leaker {id: leakerId})
  SET l._lock = true
  REMOVE l._lock
  RETURN count(l) AS locked
}
CALL (leakerId) {
  MATCH (:Leaker {id: leakerId})<-[:BY]-(k:Claim)
  WHERE size(k.credibilityDays) > 0
  UNWIND range(0, size(k.credibilityDays) - 1) AS i
  WITH k.credibilityDays[i] AS day, sum(k.credibilityHits[i]) AS hits, sum(k.credibilityResolved[i]) AS resolved
  ORDER BY day
  RETURN collect({day: day, hits: hits, resolved: resolved}) AS changes
}
RETURN leakerId, changes
