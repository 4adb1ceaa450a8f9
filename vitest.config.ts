import { defineConfig } from 'vitest/config';

/**
 * One graphql for everything: left to itself, vite gives the code under test graphql's ESM build (its
 * "module" field) while Pothos, yoga and graphql-query-complexity, loaded by Node, get the CJS one, as
 * `npm start` does; a schema built with one cannot be walked with the other (src/limits does).
 */
const oneGraphql = { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] };

export default defineConfig({
  test: {
    reporters: ['default'],
    projects: [
      {
        // Pure rules and validation: no database (`npm run test:unit`). The property tests take a few
        // seconds alone; on a shared, loaded machine several times that, hence the timeout.
        resolve: oneGraphql,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 60_000 },
      },
      {
        resolve: oneGraphql,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          // One Neo4j for the whole run, started before any test file and stopped after the last.
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 240_000,
          pool: 'forks',
          // The outlook counts every manufacturer in the database: test files run one after another so
          // one file's fixtures never show up in another's answer half-way.
          fileParallelism: false,
        },
      },
    ],
  },
});
