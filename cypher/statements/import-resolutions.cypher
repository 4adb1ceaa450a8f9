// Upserts :Resolution nodes by id `<claim id>#<n>` (rows: {id, props} from src/import/normalise.ts);
// position is stored as an integer. Reports which ids were created and which changed.
UNWIND $rows AS row
OPTIONAL MATCH (old:Resolution {id: row.id})
WITH row, old IS NULL AS isNew, properties(old) AS before
MERGE (n:Resolution {id: row.id})
SET n = row.props
SET n.position = toInteger(row.props.position)
WITH row, isNew, before <> properties(n) AS changed
RETURN collect(CASE WHEN isNew THEN row.id END) AS createdIds,
       collect(CASE WHEN NOT isNew AND changed THEN row.id END) AS changedIds
