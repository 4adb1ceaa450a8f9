import { afterAll, describe, expect, inject, it } from 'vitest';
import { createHarness } from '../support/harness.ts';

const harness = createHarness();
afterAll(() => harness.close());

describe('the foundation', () => {
  it('runs against Neo4j 5.26', () => {
    const { version, origin } = inject('neo4j');
    console.log(`Neo4j under test: ${version} (${origin})`);
    expect(version).toMatch(/^5\.26\./);
  });

  it('answers a GraphQL query that reads from Neo4j', async () => {
    const result = await harness.graphql('{ serviceInfo { neo4jVersion edition } }');
    expect(result.errors).toBeUndefined();
    expect(result.data.serviceInfo.neo4jVersion).toBe(inject('neo4j').version);
    expect(result.data.serviceInfo.edition).toBe('community');
  });

  it('reports healthy and, with migrations applied, ready', async () => {
    expect((await harness.app.fetch('http://test/health')).status).toBe(200);
    expect((await harness.app.fetch('http://test/ready')).status).toBe(200);
  });

  it("gives every response a request id, echoing the caller's own", async () => {
    const result = await harness.graphql('{ serviceInfo { edition } }', {}, { 'x-request-id': 'trace-me-42' });
    expect(result.headers.get('x-request-id')).toBe('trace-me-42');
    const other = await harness.graphql('{ serviceInfo { edition } }');
    expect(other.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rejects a query deeper than the configured limit, naming the limit', async () => {
    const shallow = createHarness({ MAX_QUERY_DEPTH: '3' });
    try {
      const result = await shallow.graphql('{ manufacturers { edges { node { devices { edges { node { name } } } } } } }');
      expect(result.errors?.[0]?.message).toMatch(/at most 3 are allowed \(MAX_QUERY_DEPTH\)/);
      expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
    } finally {
      await shallow.close();
    }
  });

  it('rejects a query that asks for more than the cost limit', async () => {
    const frugal = createHarness({ MAX_QUERY_COST: '10' });
    try {
      const result = await frugal.graphql('{ manufacturers(first: 50) { edges { node { name } } } }');
      expect(result.errors?.[0]?.message).toMatch(/at most 10 is allowed \(MAX_QUERY_COST\)/);
      expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    } finally {
      await frugal.close();
    }
  });

  it('refuses an as-of day that is not a calendar day, saying why', async () => {
    const result = await harness.graphql('{ company(id: "leica", asOf: "2021-02-30") { name } }');
    expect(result.errors?.[0]?.message).toMatch(/"2021-02-30" is not on the calendar: February 2021 has 28 days/);
  });
});
