// Claims stored before their derived properties existed (no outcome history yet), a batch at a time.
MATCH (k:Claim)
WHERE k.outcomeDays IS NULL
RETURN k.id AS id
LIMIT toInteger($limit)
