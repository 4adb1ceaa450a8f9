// Partnerships known on $asOf; `activeOn` keeps those running that day as known on $asOf
// (an end not yet public on $asOf does not count).
CALL () {
  WITH $withTotal AS wanted WHERE wanted
  #part(partnership-selection)
  RETURN count(p) AS total
}
CALL () {
  #part(partnership-selection)
  WITH p ORDER BY p.startFirstDay, p.id
  SKIP toInteger($offset) LIMIT toInteger($limit)
  RETURN collect(#projection(partnership)) AS rows
}
RETURN total, rows
