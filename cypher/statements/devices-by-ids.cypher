UNWIND $ids AS id
MATCH (d:Device {id: id})
WHERE d.knownSince <= $asOf
RETURN #projection(device) AS row, #projection(device-companies) AS embeddedCompanies
