// The evidence entries of claim `k` about the companies `companies` (ids), created under the label
// `evidenceLabel`: one per ordered pair of them (partner, manufacturer) and per period the claim
// counts in (countsFrom/countsUntil, stored from src/domain/outcome-history.ts), with its leaker
// ('' for none) and direction. Claims of other kinds (no evidenceDirection) have none.
WITH k, companies, evidenceLabel
WHERE k.evidenceDirection IS NOT NULL AND size(k.countsFrom) > 0
UNWIND companies AS partner
UNWIND companies AS manufacturer
WITH k, partner, manufacturer, evidenceLabel
WHERE partner <> manufacturer
UNWIND range(0, size(k.countsFrom) - 1) AS i
CREATE (e:$(evidenceLabel))
SET e = {
  claim: k.id, partner: partner, manufacturer: manufacturer, leaker: coalesce(k.leakerId, ''),
  direction: k.evidenceDirection, from: k.countsFrom[i], until: k.countsUntil[i]
}
