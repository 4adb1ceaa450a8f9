// The evidence digest of optics partner $partner (src/domain/evidence-digest.ts: its evidence index
// entries in one string, kept on write by src/graph/evidence-digests.ts) and the credibility of each
// leaker it lists on each day of $evidenceDays. The service sums it per manufacturer
// (summariesOfDigest), beside outlook-facts, which says whether the partner was known
// (src/graph/outlook-facts.ts). One seek for the digest; its cost grows with the leakers who spoke
// about the partner, not with the claims about it or the graph.
//
// Each credibility is its step's hits and resolved (null: no step by the day; the service works out
// the value by the rule, src/domain/credibility.ts, and the page's claims show all three), and they
// come one of two ways (the rule for which step is cypher/parts/credibility-on-day.cypher):
// - `latest`, [[leaker, hits, resolved]] for every leaker with a step: when every day asked about
//   is on or after the newest step of any leaker, each leaker's credibility on each of those days
//   is its latest step; and when the partner's leakers are at least $scanShare of all leakers with
//   a step (src/graph/outlook-facts.ts), one scan of the latest steps costs less than a seek per
//   leaker (the busiest partner at 1M claims: 1,000 leakers, 8 against 15 ms of server time). That
//   is the outlook asked about today, of a partner many leakers name.
// - otherwise `credibilities`, [day, [[index in the list, hits, resolved]]] for each day, a
//   seek or two per leaker and day; `latest` is null.
OPTIONAL MATCH (d:EvidenceDigest {partner: $partner})
WITH d, coalesce(d.leakers, []) AS leakers
CALL () {
  MATCH (s:LatestCredibilityStep)
  RETURN count(s) AS withSteps
}
CALL (leakers, withSteps) {
  WITH leakers WHERE size(leakers) > 0 AND size(leakers) >= $scanShare * withSteps
  MATCH (s:LatestCredibilityStep)
  RETURN collect([s.leaker, s.hits, s.resolved]) AS latest, max(s.day) AS newest
}
WITH d, leakers, CASE WHEN newest IS NOT NULL AND all(day IN $evidenceDays WHERE day >= newest) THEN latest END AS latest
CALL (leakers, latest) {
  UNWIND CASE WHEN latest IS NULL THEN $evidenceDays ELSE [] END AS day
  CALL (leakers, day) {
    UNWIND range(0, size(leakers) - 1) AS i
    WITH i, leakers[i] AS leakerId, day
    #part(credibility-on-day)
    RETURN collect([i, step.hits, step.resolved]) AS credibilities
  }
  RETURN collect([day, credibilities]) AS credibilities
}
// A digest of claims that all lack a leaker stores no leakers (store-evidence-digests): none.
RETURN d.manufacturers AS manufacturers, leakers, d.entries AS entries, latest, credibilities
