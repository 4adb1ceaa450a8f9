// Which of the ids a bundle mentions ($ids) the graph already holds, per label: the importer
// resolves references against them and keeps company and device ids from colliding.
CALL () { MATCH (n:Company) WHERE n.id IN $ids RETURN collect(n.id) AS companies }
CALL () { MATCH (n:Company) WHERE n.id IN $ids AND n:Manufacturer RETURN collect(n.id) AS manufacturers }
CALL () { MATCH (n:Company) WHERE n.id IN $ids AND n:OpticsPartner RETURN collect(n.id) AS opticsPartners }
CALL () { MATCH (n:Device) WHERE n.id IN $ids RETURN collect(n.id) AS devices }
CALL () { MATCH (n:Partnership) WHERE n.id IN $ids RETURN collect(n.id) AS partnerships }
CALL () { MATCH (n:Leaker) WHERE n.id IN $ids RETURN collect(n.id) AS leakers }
CALL () { MATCH (n:Source) WHERE n.id IN $ids RETURN collect(n.id) AS sources }
RETURN companies, manufacturers, opticsPartners, devices, partnerships, leakers, sources
