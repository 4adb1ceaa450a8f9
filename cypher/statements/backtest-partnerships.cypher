// Every partnership public on $asOf as a link of the manufacturer–optics partner network: who, with
// whom, and the day it became public (the backtest's K). Bounded by the number of partnerships (a few
// thousand in the scale benchmark's world), never by claims. The whole network, because the
// baselines (popularity, common neighbours) read all of it; the events are picked from it.
MATCH (p:Partnership)-[:MANUFACTURER]->(m:Company), (p)-[:OPTICS_PARTNER]->(o:Company)
WHERE p.knownSince <= $asOf
RETURN p.id AS id, m.id AS manufacturerId, o.id AS opticsPartnerId, p.knownSince AS knownSince
ORDER BY p.knownSince, p.id
