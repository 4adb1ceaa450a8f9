// The evidence entries of each partner in $partners (the index of migration 005, every property of
// the entry from the index), which src/graph/evidence-digests.ts packs into the partner's digest.
UNWIND $partners AS partner
MATCH (e:Evidence)
WHERE e.partner = partner AND e.from IS NOT NULL AND e.until IS NOT NULL
  AND e.manufacturer IS NOT NULL AND e.leaker IS NOT NULL AND e.direction IS NOT NULL
RETURN partner, e.manufacturer AS manufacturer, e.leaker AS leaker, e.direction AS direction, e.from AS from, e.until AS until
