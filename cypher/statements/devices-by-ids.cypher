UNWIND $keys AS key
WITH key.id AS id, key.asOf AS asOf
MATCH (d:Device {id: id})
WHERE d.knownSince <= asOf
RETURN asOf, #projection(device, asOf) AS row, #projection(device-companies, asOf) AS embeddedCompanies
