// A bulk import stages its new nodes under Staged* labels, which no read matches, and commits them in
// batches; one transaction then publishes them (src/import/staging.ts). Relationships of staged nodes
// find their staged targets by id through these indexes (the targets a bundle entry can name).
CREATE INDEX staged_source_id IF NOT EXISTS FOR (n:StagedSource) ON (n.id);
CREATE INDEX staged_company_id IF NOT EXISTS FOR (n:StagedCompany) ON (n.id);
CREATE INDEX staged_device_id IF NOT EXISTS FOR (n:StagedDevice) ON (n.id);
CREATE INDEX staged_partnership_id IF NOT EXISTS FOR (n:StagedPartnership) ON (n.id);
CREATE INDEX staged_leaker_id IF NOT EXISTS FOR (n:StagedLeaker) ON (n.id);
// One bulk import at a time: each holds the write lock of this node in a transaction open for as
// long as it runs, so a second waits, and a start-up finds an abandoned import by the lock's absence.
CREATE CONSTRAINT import_guard_id IF NOT EXISTS FOR (n:ImportGuard) REQUIRE n.id IS UNIQUE;
