/**
 * Trusted documents: with `TRUSTED_DOCUMENTS=<manifest.json>` the service runs only the operations
 * listed in the manifest, sent by id, the way yoga's persisted-operations plugin does it (the plugin
 * does the work; this file reads the manifest and words the errors). Off by default.
 *
 * The manifest is what the page's client tooling writes at build time (`web/persisted-documents.json`):
 * one JSON object mapping each document's id (its sha256 hash, with or without a `sha256:` prefix)
 * to the document's text. Every document is checked against the schema at start, so a manifest
 * built for an older schema stops the service with the ids that no longer fit, not at a request.
 *
 * A client sends `{"documentId": "<id>", "variables": ...}` (GraphQL over HTTP's trusted-documents
 * form) or Apollo's `{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "<hash>"}}}`.
 * Callers that may write (an API key, a JWT with "write") may still send any document, so GraphiQL
 * works for the people who run the service when its key is in the Headers pane.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { GraphQLSchema } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { ConfigError } from '../config.ts';
import type { ArrivalOf } from './request-arrival.ts';

export type TrustedDocuments = ReadonlyMap<string, string>;

const PREFIX = 'sha256:';

/**
 * graphql's CommonJS build, the one the schema's builder and yoga load under Node: graphql 16 ships
 * an ESM build too, and a test runner that resolves `import 'graphql'` to it would see the schema as
 * coming from "another realm".
 */
const { parse, validate } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

/** Reads and checks the manifest; every problem is named with the document's id. */
export function loadTrustedDocuments(file: string, schema: GraphQLSchema): TrustedDocuments {
  const fail = (why: string) => {
    throw new ConfigError(`TRUSTED_DOCUMENTS=${JSON.stringify(file)}: ${why}`);
  };
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(
      code === 'ENOENT'
        ? 'no such file; build the page (its client tooling writes web/persisted-documents.json) or unset TRUSTED_DOCUMENTS'
        : `not readable JSON (${(error as Error).message})`,
    );
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) fail('must be a JSON object mapping each document id to the document text');
  const documents = new Map<string, string>();
  const problems: string[] = [];
  for (const [id, text] of Object.entries(manifest as Record<string, unknown>)) {
    if (typeof text !== 'string') {
      problems.push(`"${id}": the document must be a string of GraphQL`);
      continue;
    }
    try {
      const errors = validate(schema, parse(text));
      if (errors.length > 0) problems.push(`"${id}": ${errors.map((e) => e.message).join('; ')}`);
    } catch (error) {
      problems.push(`"${id}": ${(error as Error).message}`);
    }
    // Clients differ on the prefix; either spelling finds the document.
    const bare = id.startsWith(PREFIX) ? id.slice(PREFIX.length) : id;
    documents.set(bare, text);
    documents.set(`${PREFIX}${bare}`, text);
  }
  if (problems.length > 0) fail(`${problems.length} document(s) do not fit the schema; rebuild the manifest:\n    ${problems.join('\n    ')}`);
  if (documents.size === 0) fail('lists no documents, so every request would be refused');
  return documents;
}

function idOf(params: { extensions?: { persistedQuery?: { sha256Hash?: unknown } } } & Record<string, unknown>, request: Request): string | null {
  if (typeof params.documentId === 'string') return params.documentId;
  const hash = params.extensions?.persistedQuery?.sha256Hash;
  if (typeof hash === 'string') return hash;
  return new URL(request.url).searchParams.get('documentId');
}

const refusal = (message: string, code: string) => ({ message, extensions: { code, http: { status: 400 } } });

export function useTrustedDocuments(documents: TrustedDocuments, arrivalOf: ArrivalOf): Plugin {
  return usePersistedOperations({
    getPersistedOperation: (id) => documents.get(id) ?? null,
    extractPersistedOperationId: (params, request) => idOf(params as never, request),
    allowArbitraryOperations: async (request) => {
      try {
        return (await arrivalOf(request).caller()).canWrite;
      } catch {
        return false;
      }
    },
    customErrors: {
      persistedQueryOnly: refusal(
        'This server runs only trusted documents (TRUSTED_DOCUMENTS is set): send the id of a document in its manifest as "documentId", not the document text; callers with a write key may send any document.',
        'TRUSTED_DOCUMENT_REQUIRED',
      ),
      keyNotFound: refusal('Send a query, or the id of a trusted document as "documentId".', 'TRUSTED_DOCUMENT_ID_REQUIRED'),
      notFound: (payload) => {
        const id = idOf(payload.params as never, payload.request);
        return createGraphQLError(
          `No trusted document has the id ${JSON.stringify(id)}: the page and the server were built from different manifests; rebuild the page and restart the server with its web/persisted-documents.json.`,
          {
            extensions: { code: 'TRUSTED_DOCUMENT_NOT_FOUND', http: { status: 400 } },
          },
        );
      },
    },
  });
}
