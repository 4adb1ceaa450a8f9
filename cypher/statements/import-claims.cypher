// Upserts :Claim nodes by natural id (rows: {id, props} from src/import/normalise.ts). The bundle's
// version replaces the stored one: properties it leaves out are removed. Reports which ids were
// created and which existed with different properties, and the leakers whose credibility steps
// must be rebuilt: the claim's leaker now and before (read here, before import-claim-links moves BY).
UNWIND $rows AS row
OPTIONAL MATCH (old:Claim {id: row.id})
WITH row, old IS NULL AS isNew, properties(old) AS before, [(old)-[:BY]->(l:Leaker) | l.id] AS leakersBefore
MERGE (n:Claim {id: row.id})
SET n = row.props
WITH row, isNew, leakersBefore, before <> properties(n) AS changed
RETURN collect(CASE WHEN isNew THEN row.id END) AS createdIds,
       collect(CASE WHEN NOT isNew AND changed THEN row.id END) AS changedIds,
       collect(CASE WHEN isNew OR changed THEN leakersBefore + [row.props.leakerId] END) AS leakersOfChanged
