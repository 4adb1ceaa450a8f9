// One full-text index over every name and claim statement, behind the `search` query.
CREATE FULLTEXT INDEX text_search IF NOT EXISTS
FOR (n:Company|Device|Leaker|Claim|Source)
ON EACH [n.name, n.statement, n.title];
