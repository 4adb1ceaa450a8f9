// Companies known on $asOf, optionally of one role, by name: one page of rows, and how many match
// in all when $withTotal (a count, never a list of ids).
CALL () {
  WITH $withTotal AS wanted WHERE wanted
  #part(company-selection)
  RETURN count(c) AS total
}
CALL () {
  #part(company-selection)
  WITH c ORDER BY toLower(c.name), c.id
  SKIP toInteger($offset) LIMIT toInteger($limit)
  RETURN collect(#projection(company)) AS rows
}
RETURN total, rows
