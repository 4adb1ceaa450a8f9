/**
 * GraphQL Code Generator's client preset, for the page in web/: the committed, printed schema is the
 * source; the operations are the `graphql(...)` tagged documents in web/src; the preset writes typed
 * documents to web/src/gql and, for trusted documents, every operation's text by its SHA-256 hash.
 * `npm run codegen` writes them; `npm test` runs it in check mode first (scripts/web-codegen.ts).
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

export const generatedClientFolder = 'web/src/gql/';

export const codegenConfig: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['web/src/**/*.ts', '!web/src/gql/**'],
  // A document that does not match the schema stops generation with the field and the file named.
  ignoreNoDocuments: false,
  silent: true,
  generates: {
    [generatedClientFolder]: {
      preset: 'client',
      presetConfig: {
        // A plain page reads what its operations select; masking only pays off with components.
        fragmentMasking: false,
        // The hash the page sends instead of the text, and the key of web/persisted-documents.json.
        persistedDocuments: { mode: 'embedHashInDocument', hashAlgorithm: 'sha256' },
      },
      config: {
        // Documents as strings: the page sends text (or its hash), so graphql-js stays out of the bundle.
        documentMode: 'string',
        // Only the types the page's operations touch: a schema change elsewhere regenerates nothing.
        onlyOperationTypes: true,
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { Date: 'string' },
        strictScalars: true,
      },
    },
  },
};
