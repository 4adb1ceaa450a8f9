// Each leaker's credibility counts as of $asOf: its last CredibilityStep on or before that day
// (cypher/parts/credibility-on-day.cypher; src/graph/credibility-steps.ts keeps them on write).
// None yet: no row.
UNWIND $ids AS id
CALL (id) {
  WITH id AS leakerId, $asOf AS day
  #part(credibility-on-day)
  WITH step WHERE step IS NOT NULL
  RETURN step.hits AS hits, step.resolved AS resolved
}
RETURN id, hits, resolved
