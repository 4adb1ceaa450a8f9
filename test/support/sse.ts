/**
 * Reads a GraphQL subscription over Server-Sent Events the way a browser's fetch does: POST with
 * `Accept: text/event-stream`, then the body as a stream of `event:`/`data:` blocks.
 */
export interface EventStream<T> {
  status: number;
  headers: Headers;
  /** The next `next` event's payload (data and errors), or a failure after `timeoutMs`. */
  next(timeoutMs?: number): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;
  /** Events received so far and not yet taken. */
  pending(): number;
  close(): Promise<void>;
}

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** `query` is the document, or the whole request body (e.g. `{ documentId, variables }` for a trusted document). */
export async function openEventStream<T = any>(
  fetch: Fetch,
  url: string,
  query: string | Record<string, unknown>,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<EventStream<T>> {
  const controller = new AbortController();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
    body: JSON.stringify(typeof query === 'string' ? { query, variables } : query),
    signal: controller.signal,
  });
  const queue: any[] = [];
  const waiting: ((value: any) => void)[] = [];
  let ended = false;
  let reader: ReadableStreamDefaultReader<string> | null = null;
  const deliver = (payload: any) => {
    const waiter = waiting.shift();
    if (waiter) waiter(payload);
    else queue.push(payload);
  };
  const reading = (async () => {
    if (!response.body) return;
    reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader!.read();
        if (done) break;
        buffer += value;
        for (let boundary = buffer.indexOf('\n\n'); boundary >= 0; boundary = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          const lines = block.split('\n');
          const event = lines
            .find((l) => l.startsWith('event:'))
            ?.slice(6)
            .trim();
          const data = lines
            .filter((l) => l.startsWith('data:'))
            .map((l) => l.slice(5).trim())
            .join('\n');
          if (event === 'next' && data) deliver(JSON.parse(data));
        }
      }
    } catch {
      // Aborted by close().
    } finally {
      ended = true;
      for (const waiter of waiting.splice(0)) waiter({ errors: [{ message: 'the stream ended' }] });
    }
  })();
  return {
    status: response.status,
    headers: response.headers,
    pending: () => queue.length,
    next(timeoutMs = 15_000) {
      if (queue.length > 0) return Promise.resolve(queue.shift());
      if (ended) return Promise.reject(new Error('the event stream has ended'));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no event within ${timeoutMs} ms`)), timeoutMs);
        waiting.push((payload) => {
          clearTimeout(timer);
          resolve(payload);
        });
      });
    },
    async close() {
      // Cancelling the body is what a browser does when a page goes away: the server's stream ends.
      await reader?.cancel().catch(() => {});
      controller.abort();
      await reading;
    },
  };
}
