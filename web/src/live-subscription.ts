/**
 * A subscription over yoga's server-sent events: one EventSource (GET /graphql, `next` events with a
 * result, `complete` at the end). The browser reconnects by itself after a dropped connection; the
 * page shows that state instead of silently showing old data.
 */
import type { TypedDocumentString } from './gql/graphql.ts';
import { documentTransport, endpoint, failureOf, requestParams } from './graphql-client.ts';

export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'closed';

export interface LiveHandlers<R> {
  /** The stream is open (again, after a reconnect): changes from now on arrive through `next`. */
  open(): void;
  next(data: R): void;
  error(error: Error): void;
  state(state: LiveState): void;
}

function urlOf(params: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    search.set(name, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return `${endpoint}?${search}`;
}

/** Subscribes and returns the function that ends the subscription. */
export function subscribe<R, V>(document: TypedDocumentString<R, V>, variables: V, handlers: LiveHandlers<R>): () => void {
  let source: EventSource | null = null;
  let ended = false;

  const open = () => {
    handlers.state('connecting');
    const current = new EventSource(urlOf(requestParams(document, variables, documentTransport.sendText)));
    source = current;
    current.addEventListener('open', () => {
      handlers.state('live');
      handlers.open();
    });
    current.addEventListener('next', (event) => {
      const result = JSON.parse((event as MessageEvent<string>).data) as { data?: R | null; errors?: { message: string; extensions?: { code?: string } }[] };
      if (!documentTransport.sendText && documentTransport.wantsText(result)) {
        documentTransport.preferText();
        current.close();
        open();
        return;
      }
      const failure = failureOf(result);
      if (failure) handlers.error(failure);
      if (result.data) handlers.next(result.data);
    });
    current.addEventListener('complete', () => {
      current.close();
      if (!ended) handlers.state('closed');
    });
    current.addEventListener('error', () => {
      if (ended || source !== current) return;
      const closed = current.readyState === EventSource.CLOSED;
      handlers.state(closed ? 'closed' : 'reconnecting');
      // A refused subscription (HTTP 4xx) closes the stream for good: say so once.
      if (closed) handlers.error(new Error('the service refused the live subscription'));
    });
  };

  open();
  return () => {
    ended = true;
    source?.close();
  };
}
