// Sources store the first day of their publication as publishedOnFirstDay (see MODEL.md); 002
// indexed a property of another name, which nothing writes.
DROP INDEX source_published IF EXISTS;
CREATE INDEX source_published_on IF NOT EXISTS FOR (n:Source) ON (n.publishedOnFirstDay);
