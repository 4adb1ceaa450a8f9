/**
 * The README's write example, taken from the README itself, changes what a reader sees on the demo
 * data: the outlook it names ranks the manufacturer differently afterwards. Cleans up what it made.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createHarness, writerKey } from '../support/harness.ts';
import { testWrite } from '../support/test-statements.ts';

const harness = createHarness();

/** The first ```graphql block of the README that holds a mutation. */
function readmeMutation(): string {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const block = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1] ?? '').find((text) => text.trimStart().startsWith('mutation'));
  if (!block) throw new Error('README.md has no ```graphql block that starts with "mutation"');
  return block;
}

const mutation = readmeMutation();
// The example's first id (its tipster) starts every id it makes, so deleting by it removes them all.
const firstId = /id: "([^"]+)"/.exec(mutation)?.[1] ?? '';
const claimId = /recordClaim\(input: \{\s*id: "([^"]+)"/.exec(mutation)?.[1] ?? '';

afterAll(async () => {
  await testWrite(harness.graph, 'delete', { prefix: firstId });
  await harness.close();
});

const samsungInOutlook = `{
  partnershipOutlook(opticsPartner: "leica") {
    candidates(first: 50) { edges { node { manufacturer { slug } score evidence { claim { slug } } } } }
  }
}`;

async function samsung(): Promise<{ score: number; evidence: { claim: { slug: string } }[] }> {
  const result = await harness.graphql(samsungInOutlook);
  expect(result.errors).toBeUndefined();
  const node = result.data.partnershipOutlook.candidates.edges.map((edge: any) => edge.node).find((n: any) => n.manufacturer.slug === 'samsung');
  expect(node).toBeDefined();
  return node;
}

describe("the README's mutation example", () => {
  it("records a claim that moves Samsung up in Leica's outlook on the demo data", async () => {
    expect(claimId.startsWith(firstId) && firstId !== '').toBe(true);
    const before = await samsung();
    expect(before.evidence.map((e) => e.claim.slug)).not.toContain(claimId);

    const result = await harness.graphql(mutation, {}, { 'x-api-key': writerKey });
    expect(result.errors).toBeUndefined();
    for (const answer of Object.values(result.data as Record<string, { __typename: string }>)) expect(answer.__typename).toMatch(/Success$/);

    const after = await samsung();
    expect(after.evidence.map((e) => e.claim.slug)).toContain(claimId);
    expect(before.score).toBe(0);
    expect(after.score).toBeCloseTo(0.5, 9);
  });
});
