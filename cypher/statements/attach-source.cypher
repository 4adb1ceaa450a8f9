// Links any fact to a source; each branch matches one label through its uniqueness index.
MATCH (s:Source {id: $source})
CALL (s) {
  MATCH (n:Company {id: $id}) WHERE $kind = 'COMPANY' RETURN n
  UNION MATCH (n:Device {id: $id}) WHERE $kind = 'DEVICE' RETURN n
  UNION MATCH (n:Partnership {id: $id}) WHERE $kind = 'PARTNERSHIP' RETURN n
  UNION MATCH (n:Exclusivity {id: $id}) WHERE $kind = 'EXCLUSIVITY' RETURN n
  UNION MATCH (n:Ownership {id: $id}) WHERE $kind = 'OWNERSHIP' RETURN n
  UNION MATCH (n:Leaker {id: $id}) WHERE $kind = 'LEAKER' RETURN n
  UNION MATCH (n:Claim {id: $id}) WHERE $kind = 'CLAIM' RETURN n
}
MERGE (n)-[link:REPORTED_IN]->(s)
RETURN n.id AS id
