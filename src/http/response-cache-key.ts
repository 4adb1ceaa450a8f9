/**
 * What tells two kept answers apart, besides the document, operation name and variables (which the
 * response cache library hashes itself): pure rules, unit-tested without a database.
 */
import type { Caller } from '../context.ts';

/**
 * What makes an answer differ between callers. The schema decides what a caller sees by its scopes
 * alone (src/schema/builder.ts: `read` and `write`, from Caller.canRead and canWrite): two API keys
 * see the same answers, an anonymous caller on a server with REQUIRE_AUTH_FOR_READS does not.
 */
export function viewerScopes(caller: Pick<Caller, 'canRead' | 'canWrite'>): string {
  return `${caller.canRead ? 'read' : '-'}+${caller.canWrite ? 'write' : '-'}`;
}

/**
 * The part of the key that moves with the world: the viewer's scopes, the day (reads without asOf
 * answer as of today) and the graph's version (every write transaction moves it, whoever wrote it,
 * src/graph/executor.ts), so an answer kept before a write is never found after it.
 */
export function answerSession(viewer: string, today: string, graphVersion: number): string {
  return `${viewer}|${today}|v${graphVersion}`;
}

/**
 * Whether a document's first operation is a mutation or a subscription: their answers are never kept,
 * so reading the graph's version for them would be a round trip for nothing. Only a saving: a write
 * this misses (a fragment written first) is still never kept (the library skips mutations by their
 * parsed operation), and a query this takes for a write is answered anew.
 */
export function startsWithWriteOrSubscription(document: string): boolean {
  // GraphQL's ignored tokens before the first definition: BOM, white space, commas and # comments.
  const start = document.replace(/^(?:[\s,\uFEFF]+|#[^\n\r]*)*/, '');
  return /^(?:mutation|subscription)(?![_0-9A-Za-z])/.test(start);
}
