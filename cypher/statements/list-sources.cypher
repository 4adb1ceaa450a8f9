MATCH (s:Source)
WHERE s.knownSince <= $asOf
  AND ($publisher IS NULL OR toLower(s.publisher) = toLower($publisher))
WITH s ORDER BY s.publishedOnFirstDay DESC, s.id
WITH collect(s.id) AS ids
RETURN size(ids) AS total, ids[$offset..$offset + $limit] AS ids
