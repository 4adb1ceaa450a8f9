// Each leaker's credibility counts as of $asOf: its last CredibilityStep on or before that day, one
// index seek each (src/graph/credibility-steps.ts keeps them on write). None yet: no row.
UNWIND $ids AS id
CALL (id) {
  MATCH (s:CredibilityStep)
  WHERE s.leaker = id AND s.day <= $asOf
  WITH s ORDER BY s.leaker DESC, s.day DESC LIMIT 1
  RETURN s.hits AS hits, s.resolved AS resolved
}
RETURN id, hits, resolved
