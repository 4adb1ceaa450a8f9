/**
 * Which browser pages may call the service (CORS), from `CORS_ORIGINS`. Yoga's default reflects any
 * origin and allows credentials with it, so any site could make a visitor's browser send their
 * cookies here. Here only listed origins get credentials; `*` (the default) lets other origins call
 * without credentials, which suits an API whose keys travel in headers the calling code sets itself.
 * Without `*`, unlisted origins get no CORS headers at all and the browser blocks them.
 */
import type { Plugin, YogaServerOptions } from 'graphql-yoga';

type CorsOption = NonNullable<YogaServerOptions<Record<string, unknown>, Record<string, unknown>>['cors']>;

/** Headers a page may send: JSON bodies, SSE, the write credentials and a request id of its own. */
const allowedHeaders = ['content-type', 'accept', 'authorization', 'x-api-key', 'x-request-id', 'last-event-id'];

export function corsPolicy(origins: readonly string[]): CorsOption {
  const listed = new Set(origins.filter((origin) => origin !== '*'));
  const anyOrigin = origins.includes('*');
  const common = { methods: ['GET', 'POST', 'OPTIONS'], allowedHeaders, exposedHeaders: ['x-request-id'], maxAge: 600 };
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (!origin) return false;
    if (listed.has(origin)) return { ...common, origin: [origin], credentials: true };
    if (anyOrigin) return { ...common, origin: [origin], credentials: false };
    return false;
  };
}

/** The answer depends on the Origin header: shared caches must keep one copy per origin. */
export function useVaryByOrigin(): Plugin {
  return {
    onResponse({ response }) {
      const vary = response.headers.get('vary');
      if (!vary?.split(',').some((v) => v.trim().toLowerCase() === 'origin')) response.headers.set('vary', vary ? `${vary}, Origin` : 'Origin');
    },
  };
}
