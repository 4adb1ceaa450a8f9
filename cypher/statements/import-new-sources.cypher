// Creates :Source nodes the graph does not hold yet (the importer looked each id up first), with their
// properties (rows from src/import/write-rows.ts). Sources have no outgoing relationships.
// $staged: a bulk import stages its new nodes as :StagedSource, which no read matches, until one
// transaction publishes them (src/import/staging.ts); row.to names targets under their real labels
// (stored, or written by this transaction), row.staged targets staged by this import.
UNWIND $rows AS row
CREATE (n:$(CASE WHEN $staged THEN 'StagedSource' ELSE 'Source' END))
SET n = row.props
