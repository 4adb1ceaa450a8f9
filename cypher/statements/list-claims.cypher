// Claims published by $asOf with their outcome as known that day (the last step of the outcome
// history stored on the claim, src/domain/outcome-history.ts, on or before $asOf): one page of rows,
// and the total when $withTotal.
CALL () {
  WITH $withTotal AS wanted WHERE wanted
  MATCH (k:Claim)
  WHERE k.knownSince <= $asOf
    AND ($leaker IS NULL OR k.leakerId = $leaker)
    AND ($subject IS NULL OR $subject IN k.subjectIds)
    AND ($kind IS NULL OR k.kind IN $kind)
    AND ($publishedFrom IS NULL OR k.publishedOn >= $publishedFrom)
    AND ($publishedTo IS NULL OR k.publishedOn <= $publishedTo)
    AND ($outcome IS NULL OR coalesce(last([i IN range(0, size(k.outcomeDays) - 1) WHERE k.outcomeDays[i] <= $asOf | k.outcomeValues[i]]), 'UNRESOLVED') IN $outcome)
  RETURN count(k) AS total
}
CALL () {
  MATCH (k:Claim)
  WHERE k.knownSince <= $asOf
    AND ($leaker IS NULL OR k.leakerId = $leaker)
    AND ($subject IS NULL OR $subject IN k.subjectIds)
    AND ($kind IS NULL OR k.kind IN $kind)
    AND ($publishedFrom IS NULL OR k.publishedOn >= $publishedFrom)
    AND ($publishedTo IS NULL OR k.publishedOn <= $publishedTo)
    AND ($outcome IS NULL OR coalesce(last([i IN range(0, size(k.outcomeDays) - 1) WHERE k.outcomeDays[i] <= $asOf | k.outcomeValues[i]]), 'UNRESOLVED') IN $outcome)
  WITH k ORDER BY
    CASE WHEN $order = 'PUBLISHED_ASC' THEN k.publishedOn END ASC,
    CASE WHEN $order = 'PUBLISHED_DESC' THEN k.publishedOn END DESC,
    k.id
  SKIP toInteger($offset) LIMIT toInteger($limit)
  RETURN collect(#projection(claim)) AS rows
}
RETURN total, rows
