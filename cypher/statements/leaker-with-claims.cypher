// Leaker $id as known on $asOf, in the row of the leaker loader, and one page of its claims by the
// rule of Leaker.claims (cypher/parts/leaker-claim-page.cypher; $claimsOffset, $claimsLimit,
// $claimsWithTotal) as `nestedPage` {id, total, rows}: `leaker(id:) { claims { ... } }` (read 4 of
// the scale bench) in one round trip instead of the leaker and then its page. No row when no such
// leaker was known on $asOf.
MATCH (l:Leaker {id: $id})
WHERE l.knownSince <= $asOf
WITH l, l.id AS id
#part(leaker-claim-page, claims)
RETURN #projection(leaker) AS row, {id: id, total: total, rows: rows} AS nestedPage
