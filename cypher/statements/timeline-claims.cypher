// One page of the claims that name the optics partner $partner, published by $asOf, after $after in id
// order, with the manufacturers each names besides the partner (analytics/timeline).
MATCH (:Company {id: $partner})<-[:ABOUT]-(k:Claim)
WHERE k.knownSince <= $asOf AND k.id > $after
WITH k ORDER BY k.id LIMIT toInteger($limit)
RETURN k.id AS id, k.statement AS statement, k.kind AS kind, k.publishedOn AS publishedOn,
  k.outcomeDays AS outcomeDays, k.outcomeValues AS outcomeValues,
  head([(k)-[:BY]->(l:Leaker) | l.name]) AS leakerName,
  [(k)-[:ABOUT]->(m:Company:Manufacturer) WHERE m.id <> $partner AND m.knownSince <= $asOf | {id: m.id, name: m.name}] AS manufacturers
