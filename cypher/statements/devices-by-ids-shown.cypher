// Devices by id, each as known on its own day (`$keys`: {id, asOf} pairs), as far as the query
// shows them: the device projection narrowed to the fields asked for (src/schema/page-shape.ts), and
// only the companies the device points at through $embedVia (the relationships the query shows,
// cypher/parts/companies-shown-by-device.cypher), each once. device(id:) reads this when it shows only fields the device page shape knows; the
// whole rows the device loader keeps come from devices-by-ids.
UNWIND $keys AS key
WITH key.id AS id, key.asOf AS asOf
MATCH (d:Device {id: id})
WHERE d.knownSince <= asOf
RETURN asOf, #projection(device, asOf) AS row, [c IN COLLECT {
    #part(companies-shown-by-device, asOf)
    RETURN DISTINCT c
  } | #projection(company-summary, asOf)] AS embeddedCompanies
