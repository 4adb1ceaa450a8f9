// Replaces the (:Evidence) entries of the claims in $claims ({id, entries}: what
// src/domain/evidence-entries.ts computed from evidence-inputs). Runs in the transaction of every
// write that changes a claim's properties or subjects; new claims of an import get theirs as they are
// created. A claim no longer stored comes with no entries, and loses its old ones.
// Returns the entries it deleted, which the writer takes out of their partners' digests
// (src/graph/evidence-digests.ts; it knows the entries it made itself).
UNWIND $claims AS claim
CALL (claim) {
  MATCH (old:Evidence {claim: claim.id})
  WITH old, old {.partner, .manufacturer, .leaker, .direction, .from, .until} AS entry
  DELETE old
  RETURN collect(entry) AS removed
}
CALL (claim) {
  UNWIND claim.entries AS entry
  CREATE (e:Evidence)
  SET e = entry
}
UNWIND removed AS entry
RETURN entry
