/**
 * The GraphQL-over-HTTP audit of graphql-http (the spec's reference suite), run against the app as it
 * is configured, limits included: every MUST and SHOULD passes, so the limits added in src/limits
 * changed no behaviour the spec describes.
 */
import { auditServer } from 'graphql-http';
import { afterAll, describe, expect, it } from 'vitest';
import { createHarness } from '../support/harness.ts';

const harness = createHarness();
afterAll(() => harness.close());

describe('GraphQL over HTTP', () => {
  it('passes every audit of graphql-http', async () => {
    const results = await auditServer({ url: 'http://test/graphql', fetchFn: (input: string, init: RequestInit) => harness.app.fetch(input, init) });
    const failed = results.filter((result) => result.status !== 'ok').map((result) => `${result.status}: ${result.name}: ${'reason' in result ? result.reason : ''}`);
    console.log(`graphql-http audit: ${results.length - failed.length} of ${results.length} ok`);
    expect(failed).toEqual([]);
  });
});
