// Upserts :Ownership nodes by natural id (rows: {id, props} from src/import/normalise.ts). The bundle's
// version replaces the stored one: properties it leaves out are removed. Reports which ids were
// created and which existed with different properties.
UNWIND $rows AS row
OPTIONAL MATCH (old:Ownership {id: row.id})
WITH row, old IS NULL AS isNew, properties(old) AS before
MERGE (n:Ownership {id: row.id})
SET n = row.props
WITH row, isNew, before <> properties(n) AS changed
RETURN collect(CASE WHEN isNew THEN row.id END) AS createdIds,
       collect(CASE WHEN NOT isNew AND changed THEN row.id END) AS changedIds
