// Full-text search over names, titles and claim statements, among what was known on $asOf.
CALL db.index.fulltext.queryNodes('text_search', $query) YIELD node, score
WHERE node.knownSince <= $asOf
RETURN node.id AS id, [label IN labels(node) WHERE label IN ['Company', 'Device', 'Leaker', 'Claim', 'Source']][0] AS kind, score
ORDER BY score DESC, id
LIMIT toInteger($limit)
