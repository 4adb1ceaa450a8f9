// Claims published by $asOf with their outcome as known that day: the last resolution public by then.
MATCH (k:Claim)
WHERE k.knownSince <= $asOf
  AND ($leaker IS NULL OR EXISTS { (k)-[:BY]->(:Leaker {id: $leaker}) })
  AND ($subject IS NULL OR EXISTS { (k)-[:ABOUT]->({id: $subject}) })
  AND ($kind IS NULL OR k.kind IN $kind)
  AND ($publishedFrom IS NULL OR k.publishedOn >= $publishedFrom)
  AND ($publishedTo IS NULL OR k.publishedOn <= $publishedTo)
WITH k, coalesce(COLLECT {
  MATCH (k)-[:RESOLVED_AS]->(r:Resolution) WHERE r.knownSince <= $asOf
  RETURN r.outcome ORDER BY r.position DESC LIMIT 1
}[0], 'UNRESOLVED') AS outcome
WHERE $outcome IS NULL OR outcome IN $outcome
WITH k ORDER BY
  CASE WHEN $order = 'PUBLISHED_ASC' THEN k.publishedOn END ASC,
  CASE WHEN $order = 'PUBLISHED_DESC' THEN k.publishedOn END DESC,
  k.id
WITH collect(k.id) AS ids
RETURN size(ids) AS total, ids[$offset..$offset + $limit] AS ids
