// The bulk imports running now: the open transactions that hold the import guard, by the metadata
// they were opened with (src/import/staging.ts).
SHOW TRANSACTIONS YIELD metaData
WHERE metaData.importGuard IS NOT NULL
RETURN collect(metaData.importGuard) AS runs
