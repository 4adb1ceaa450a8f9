/**
 * How the page talks to /graphql: typed documents in, typed data out. Each operation goes by its
 * SHA-256 hash first (`extensions.persistedQuery`, what the server's trusted-documents mode accepts);
 * a server that keeps no documents answers that it needs the text, and from then on the page sends
 * the text instead, as Apollo's persisted queries do.
 */
import type { TypedDocumentString } from './gql/graphql.ts';

export const endpoint = '/graphql';

/** An error the server gave for an operation, with its code when it sent one. */
export class GraphQLRequestError extends Error {
  readonly codes: string[];
  constructor(messages: string[], codes: string[]) {
    super(messages.join('; '));
    this.codes = codes;
  }
}

interface GraphQLResponse<R> {
  data?: R | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Whether the server looks documents up by hash; unknown until the first answer says. */
let sendText = false;

/** The server holds no such document, or keeps no documents at all: send the text instead. */
function wantsText(response: GraphQLResponse<unknown>): boolean {
  return (
    !response.data &&
    (response.errors ?? []).some(
      (error) => error.message === 'Must provide query string.' || error.extensions?.code === 'PERSISTED_QUERY_NOT_IN_LIST' || error.message === 'PersistedQueryNotFound',
    )
  );
}

export function requestParams<V>(document: TypedDocumentString<unknown, V>, variables: V, asText: boolean): Record<string, unknown> {
  const hash = (document.__meta__ as { hash?: string } | undefined)?.hash;
  if (asText || !hash) return { query: document.toString(), variables };
  return { variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } };
}

export function failureOf(response: GraphQLResponse<unknown>): GraphQLRequestError | null {
  if (!response.errors?.length) return null;
  return new GraphQLRequestError(
    response.errors.map((error) => error.message),
    response.errors.map((error) => error.extensions?.code ?? ''),
  );
}

async function post<R>(body: Record<string, unknown>, signal?: AbortSignal): Promise<GraphQLResponse<R>> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify(body),
    signal,
  });
  const text = await response.text();
  try {
    return JSON.parse(text) as GraphQLResponse<R>;
  } catch {
    throw new GraphQLRequestError([`the server answered ${response.status} without a GraphQL response`], []);
  }
}

/** Who hears of errors that came with data (e.g. a company not yet public on the day, NOT_FOUND). */
let partialListener: (error: GraphQLRequestError) => void = () => {};
export function onPartialData(listener: (error: GraphQLRequestError) => void): void {
  partialListener = listener;
}

/**
 * Runs a query and returns its data. Without data it rejects with every message; errors that come
 * with data (a field nulled with a reason) go to the `onPartialData` listener and the data is used.
 */
export async function execute<R, V>(document: TypedDocumentString<R, V>, variables: V, signal?: AbortSignal): Promise<R> {
  let response = await post<R>(requestParams(document, variables, sendText), signal);
  if (!sendText && wantsText(response)) {
    sendText = true;
    response = await post<R>(requestParams(document, variables, true), signal);
  }
  const failure = failureOf(response);
  if (!response.data) throw failure ?? new GraphQLRequestError(['the server sent no data'], []);
  if (failure) partialListener(failure);
  return response.data;
}

/** For the live subscription: the same choice between hash and text. */
export const documentTransport = {
  get sendText(): boolean {
    return sendText;
  },
  preferText(): void {
    sendText = true;
  },
  wantsText,
};
