// Companies known on $asOf, optionally of one role, by name: one page of rows, and how many match
// in all when $withTotal (a count, never a list of ids).
CALL () {
  WITH $withTotal AS wanted WHERE wanted
  MATCH (c:Company)
  WHERE c.knownSince <= $asOf
    AND ($role IS NULL OR $role IN labels(c))
    AND ($nameContains IS NULL OR toLower(c.name) CONTAINS toLower($nameContains))
    AND ($country IS NULL OR c.country = $country)
  RETURN count(c) AS total
}
CALL () {
  MATCH (c:Company)
  WHERE c.knownSince <= $asOf
    AND ($role IS NULL OR $role IN labels(c))
    AND ($nameContains IS NULL OR toLower(c.name) CONTAINS toLower($nameContains))
    AND ($country IS NULL OR c.country = $country)
  WITH c ORDER BY toLower(c.name), c.id
  SKIP toInteger($offset) LIMIT toInteger($limit)
  RETURN collect(#projection(company)) AS rows
}
RETURN total, rows
