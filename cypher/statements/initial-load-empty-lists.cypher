// Sets properties of bulk-loaded nodes to empty lists (the offline importer cannot store one):
// $ids of nodes labelled $label, each property of $empties ({name: []}). One branch per label that
// has list properties, so each id is one index seek.
UNWIND $ids AS id
CALL (id) { WITH id WHERE $label = 'Claim' MATCH (n:Claim {id: id}) SET n += $empties }
CALL (id) { WITH id WHERE $label = 'Company' MATCH (n:Company {id: id}) SET n += $empties }
CALL (id) { WITH id WHERE $label = 'Exclusivity' MATCH (n:Exclusivity {id: id}) SET n += $empties }
RETURN count(*) AS nodes
