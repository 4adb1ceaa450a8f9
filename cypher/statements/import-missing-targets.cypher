// Which relationship targets of rows the importer just sent are not in the graph ($rows: {id,
// targets: [{type, label, id}]}), to name them when a create statement made fewer relationships
// than it was sent: the import then fails and writes nothing.
UNWIND $rows AS row
UNWIND row.targets AS target
WITH row, target
WHERE NOT CASE target.label
  WHEN 'Source' THEN EXISTS { MATCH (:Source {id: target.id}) }
  WHEN 'Company' THEN EXISTS { MATCH (:Company {id: target.id}) }
  WHEN 'Device' THEN EXISTS { MATCH (:Device {id: target.id}) }
  WHEN 'Leaker' THEN EXISTS { MATCH (:Leaker {id: target.id}) }
  WHEN 'Partnership' THEN EXISTS { MATCH (:Partnership {id: target.id}) }
  ELSE false END
RETURN row.id AS id, collect(target.type + ' ' + target.id) AS missing
