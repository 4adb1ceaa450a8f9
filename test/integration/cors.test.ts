/**
 * Which pages may call from a browser: listed origins with credentials, others without (by default)
 * or not at all (when `*` is left out). A preflight is answered as a browser needs it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createHarness } from '../support/harness.ts';

const open = createHarness();
const listed = createHarness({ CORS_ORIGINS: 'https://app.example.com, http://localhost:5173, *' });
const closed = createHarness({ CORS_ORIGINS: 'https://app.example.com' });
afterAll(async () => {
  await Promise.all([open.close(), listed.close(), closed.close()]);
});

function preflight(app: typeof open.app, origin: string) {
  return app.fetch('http://test/graphql', {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-api-key' },
  });
}

function post(app: typeof open.app, origin: string) {
  return app.fetch('http://test/graphql', {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ serviceInfo { companies } }' }),
  });
}

describe('CORS', () => {
  it('by default lets any origin call, but never with credentials', async () => {
    const response = await preflight(open.app, 'https://evil.example');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://evil.example');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(response.headers.get('access-control-allow-headers')).toMatch(/x-api-key/);
    const answer = await post(open.app, 'https://evil.example');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
    expect(answer.headers.get('vary')).toMatch(/Origin/);
  });

  it('gives credentials to a listed origin only', async () => {
    for (const origin of ['https://app.example.com', 'http://localhost:5173']) {
      const response = await preflight(listed.app, origin);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(response.headers.get('access-control-allow-credentials')).toBe('true');
      const answer = await post(listed.app, origin);
      expect(answer.headers.get('access-control-allow-credentials')).toBe('true');
      expect(answer.headers.get('access-control-expose-headers')).toMatch(/x-request-id/);
    }
    const other = await preflight(listed.app, 'https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBe('https://evil.example');
    expect(other.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('without *, answers an unlisted origin with no CORS headers, so the browser blocks it', async () => {
    const response = await preflight(closed.app, 'https://evil.example');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    const answer = await post(closed.app, 'https://evil.example');
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    const allowed = await preflight(closed.app, 'https://app.example.com');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
  });

  it('refuses a CORS_ORIGINS entry that is not an origin, naming it and the fix', () => {
    expect(() => loadConfig({ CORS_ORIGINS: 'https://app.example.com/path' })).toThrow(/CORS_ORIGINS: "https:\/\/app.example.com\/path" is not an origin; write scheme:\/\/host/);
  });
});
