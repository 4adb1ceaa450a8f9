CALL () {
  WITH $withTotal AS wanted WHERE wanted
  MATCH (s:Source)
  WHERE s.knownSince <= $asOf AND ($publisher IS NULL OR toLower(s.publisher) = toLower($publisher))
  RETURN count(s) AS total
}
CALL () {
  MATCH (s:Source)
  WHERE s.knownSince <= $asOf AND ($publisher IS NULL OR toLower(s.publisher) = toLower($publisher))
  WITH s ORDER BY s.publishedOnFirstDay DESC, s.id
  SKIP toInteger($offset) LIMIT toInteger($limit)
  RETURN collect(#projection(source)) AS rows
}
RETURN total, rows
