// The companies companies(...) / manufacturers(...) / opticsPartners(...) ask for, known on $asOf, as rows `c`.
MATCH (c:Company)
WHERE c.knownSince <= $asOf
  AND ($role IS NULL OR $role IN labels(c))
  AND ($nameContains IS NULL OR toLower(c.name) CONTAINS toLower($nameContains))
  AND ($country IS NULL OR c.country = $country)
