// Records a partnership's end and when it became public; returns the stored end it replaced.
MATCH (p:Partnership {id: $id})
WITH p, p.end AS previousEnd, p.start AS start
SET p.end = $end, p.endFirstDay = $endFirstDay, p.endLastDay = $endLastDay, p.endKnownSince = $endKnownSince
WITH p, previousEnd, start
UNWIND (CASE WHEN size($sources) = 0 THEN [null] ELSE $sources END) AS sourceId
OPTIONAL MATCH (s:Source {id: sourceId})
FOREACH (_ IN CASE WHEN s IS NULL THEN [] ELSE [1] END | MERGE (p)-[:REPORTED_IN]->(s))
RETURN DISTINCT p.id AS id, previousEnd, start
