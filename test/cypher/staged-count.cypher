// For test/integration/import-staged.test.ts: nodes under a staging label (src/import/staging.ts),
// which no import should leave behind once it ended or was cleaned up.
MATCH (n) WHERE any(label IN labels(n) WHERE label STARTS WITH 'Staged')
RETURN count(n) AS staged
