// Stores the digests in $digests ({partner, manufacturers, leakers, entries}: src/domain/evidence-digest.ts)
// on the nodes lock-evidence-digests made; a partner left with no entries keeps no digest, and a
// digest that names no leaker has no leakers property, as a graph loaded whole (the initial load,
// whose bulk importer stores no empty list) has them.
UNWIND $digests AS digest
MATCH (d:EvidenceDigest {partner: digest.partner})
CALL (d, digest) {
  WITH d, digest WHERE size(digest.manufacturers) > 0
  SET d.manufacturers = digest.manufacturers, d.leakers = CASE WHEN size(digest.leakers) > 0 THEN digest.leakers END, d.entries = digest.entries
}
CALL (d, digest) {
  WITH d, digest WHERE size(digest.manufacturers) = 0
  DELETE d
}
RETURN count(*) AS stored
