// Claims published by $asOf with their outcome as known that day (the last step of the outcome
// history stored on the claim, src/domain/outcome-history.ts, on or before $asOf): one page of rows,
// and the total when $withTotal.
CALL () {
  WITH $withTotal AS wanted WHERE wanted
  #part(claim-selection)
  RETURN count(k) AS total
}
CALL () {
  #part(claim-selection)
  WITH k ORDER BY
    CASE WHEN $order = 'PUBLISHED_ASC' THEN k.publishedOn END ASC,
    CASE WHEN $order = 'PUBLISHED_DESC' THEN k.publishedOn END DESC,
    k.id
  SKIP toInteger($offset) LIMIT toInteger($limit)
  RETURN collect(#projection(claim)) AS rows
}
RETURN total, rows
