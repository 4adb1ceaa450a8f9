// Creates :Source nodes the graph does not hold yet (the importer looked each id up first; rows
// from src/import/write-rows.ts). Sources have no outgoing relationships.
UNWIND $rows AS row
CREATE (n:Source)
SET n = row.props
