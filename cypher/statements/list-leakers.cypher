MATCH (l:Leaker)
WHERE l.knownSince <= $asOf
  AND ($nameContains IS NULL OR toLower(l.name) CONTAINS toLower($nameContains))
WITH l ORDER BY toLower(l.name), l.id
WITH collect(l.id) AS ids
RETURN size(ids) AS total, ids[$offset..$offset + $limit] AS ids
