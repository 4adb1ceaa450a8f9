// Every entity is found by its natural id (a slug such as `leica` or `huawei-p50`): one uniqueness
// constraint per label, which also gives the lookups an index.
CREATE CONSTRAINT company_id IF NOT EXISTS FOR (n:Company) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT device_id IF NOT EXISTS FOR (n:Device) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT partnership_id IF NOT EXISTS FOR (n:Partnership) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT exclusivity_id IF NOT EXISTS FOR (n:Exclusivity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT ownership_id IF NOT EXISTS FOR (n:Ownership) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT leaker_id IF NOT EXISTS FOR (n:Leaker) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT resolution_id IF NOT EXISTS FOR (n:Resolution) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
