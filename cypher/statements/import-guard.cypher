// Takes the bulk-import guard (migration 007) in the caller's open transaction: its write lock is
// held until that transaction ends, so a second bulk import waits here for the first to end.
MERGE (g:ImportGuard {id: 'bulk-import'})
SET g.heldBy = $run, g.since = datetime()
RETURN g.id AS id
