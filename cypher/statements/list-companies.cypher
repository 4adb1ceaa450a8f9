// Companies known on $asOf, optionally of one role, by name; ids of one page and the total.
MATCH (c:Company)
WHERE c.knownSince <= $asOf
  AND ($role IS NULL OR $role IN labels(c))
  AND ($nameContains IS NULL OR toLower(c.name) CONTAINS toLower($nameContains))
  AND ($country IS NULL OR c.country = $country)
WITH c ORDER BY toLower(c.name), c.id
WITH collect(c.id) AS ids
RETURN size(ids) AS total, ids[$offset..$offset + $limit] AS ids
