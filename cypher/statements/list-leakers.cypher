CALL () {
  WITH $withTotal AS wanted WHERE wanted
  MATCH (l:Leaker)
  WHERE l.knownSince <= $asOf AND ($nameContains IS NULL OR toLower(l.name) CONTAINS toLower($nameContains))
  RETURN count(l) AS total
}
CALL () {
  MATCH (l:Leaker)
  WHERE l.knownSince <= $asOf AND ($nameContains IS NULL OR toLower(l.name) CONTAINS toLower($nameContains))
  WITH l ORDER BY toLower(l.name), l.id
  SKIP toInteger($offset) LIMIT toInteger($limit)
  RETURN collect(#projection(leaker)) AS rows
}
RETURN total, rows
