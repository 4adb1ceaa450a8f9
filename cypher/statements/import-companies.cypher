// Upserts :Company nodes by natural id (rows: {id, props, manufacturer, opticsPartner} from
// src/import/normalise.ts). The bundle's version replaces the stored properties; role labels are
// additive (a role once given stays). Reports which ids were created and which changed.
UNWIND $rows AS row
OPTIONAL MATCH (old:Company {id: row.id})
WITH row, old IS NULL AS isNew, properties(old) AS before, size(labels(old)) AS labelsBefore
MERGE (n:Company {id: row.id})
SET n = row.props
FOREACH (_ IN CASE WHEN row.manufacturer THEN [1] ELSE [] END | SET n:Manufacturer)
FOREACH (_ IN CASE WHEN row.opticsPartner THEN [1] ELSE [] END | SET n:OpticsPartner)
WITH row, isNew, before <> properties(n) OR labelsBefore <> size(labels(n)) AS changed
RETURN collect(CASE WHEN isNew THEN row.id END) AS createdIds,
       collect(CASE WHEN NOT isNew AND changed THEN row.id END) AS changedIds
