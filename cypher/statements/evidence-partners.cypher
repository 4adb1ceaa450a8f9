// Every partner the evidence index has entries about, once each (the start-up backfill of the
// evidence digests walks them; src/graph/evidence-digests.ts).
MATCH (e:Evidence)
WHERE e.partner IS NOT NULL
RETURN DISTINCT e.partner AS partner
ORDER BY partner
