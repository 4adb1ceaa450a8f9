// Reads filter by what was known on an as-of date and list things in date order; these range
// indexes serve those filters and orderings (days are stored as ISO strings, which sort as dates).
CREATE INDEX company_known_since IF NOT EXISTS FOR (n:Company) ON (n.knownSince);
CREATE INDEX company_name IF NOT EXISTS FOR (n:Company) ON (n.name);
CREATE INDEX device_announced IF NOT EXISTS FOR (n:Device) ON (n.announcedFirstDay);
CREATE INDEX device_known_since IF NOT EXISTS FOR (n:Device) ON (n.knownSince);
CREATE INDEX partnership_start IF NOT EXISTS FOR (n:Partnership) ON (n.startFirstDay);
CREATE INDEX claim_published IF NOT EXISTS FOR (n:Claim) ON (n.publishedOn);
CREATE INDEX claim_kind IF NOT EXISTS FOR (n:Claim) ON (n.kind);
CREATE INDEX source_published IF NOT EXISTS FOR (n:Source) ON (n.publishedFirstDay);
