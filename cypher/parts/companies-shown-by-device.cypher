// The companies device `d` points at through $embedVia (the relationships the query shows), known on
// $asOf, as `c`: the one rule for which companies come along with devices read as far as the query
// shows them, a page of them (device-pages) or a lookup (devices-by-ids-shown).
MATCH (d)-[r:MADE_BY|BUILT_BY|CO_ENGINEERED_WITH]->(c:Company) WHERE c.knownSince <= $asOf AND type(r) IN $embedVia
