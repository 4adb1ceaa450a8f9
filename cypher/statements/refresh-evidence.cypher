// Replaces the (:Evidence) entries of the claims in $claims ({id, entries}: what
// src/domain/evidence-entries.ts computed from evidence-inputs). Runs in the transaction of every
// write that changes a claim's properties or subjects; new claims of an import get theirs as they are
// created. A claim no longer stored comes with no entries, and loses its old ones.
// Returns the partners of the entries it deleted, whose digests the writer rebuilds
// (src/graph/evidence-digests.ts; it knows the new entries' partners itself).
UNWIND $claims AS claim
CALL (claim) {
  MATCH (old:Evidence {claim: claim.id})
  WITH old, old.partner AS partner
  DELETE old
  RETURN collect(DISTINCT partner) AS oldPartners
}
CALL (claim) {
  UNWIND claim.entries AS entry
  CREATE (e:Evidence)
  SET e = entry
}
UNWIND oldPartners AS partner
RETURN DISTINCT partner
