/**
 * Where GraphQL meets the database: regressions found by probing the API against a real Neo4j
 * (issue 9). Each test is named after what it pins, and goes through the public surface.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createHarness, uniquePrefix, writerKey } from '../support/harness.ts';

const harness = createHarness();
const p = uniquePrefix('seams');
const asWriter = { 'x-api-key': writerKey };

afterAll(async () => {
  await harness.graph.runScript('MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix: p });
  await harness.close();
});

/** Runs a mutation as a writer and fails the test on any error, returning its data. */
async function write(query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const result = await harness.graphql(query, variables, asWriter);
  expect(result.errors).toBeUndefined();
  return result.data;
}

async function upsertCompany(input: Record<string, unknown>): Promise<void> {
  const data = await write(
    `mutation ($input: CompanyInput!) { upsertCompany(input: $input) { __typename ... on ValidationError { message } } }`,
    { input: { roles: ['MANUFACTURER'], knownSince: '2000-01-01', ...input } },
  );
  expect(data.upsertCompany.__typename).toBe('MutationUpsertCompanySuccess');
}

const outlookReasons = `query ($partner: ID!, $asOf: Date) {
  partnershipOutlook(opticsPartner: $partner, asOf: $asOf) {
    candidates(first: 200) { edges { node { manufacturer { slug } score } } }
    excluded(first: 200) { edges { node { manufacturer { slug } reason dissolved } } }
  }
}`;

/** Where each of the given manufacturers stands in the partner's outlook: CANDIDATE or its exclusion reason. */
async function standing(partner: string, asOf: string, ids: string[]): Promise<Record<string, string>> {
  const result = await harness.graphql(outlookReasons, { partner, asOf });
  expect(result.errors).toBeUndefined();
  const answer = result.data.partnershipOutlook;
  const all: [string, string][] = [
    ...answer.candidates.edges.map((e: any): [string, string] => [e.node.manufacturer.slug, 'CANDIDATE']),
    ...answer.excluded.edges.map((e: any): [string, string] => [e.node.manufacturer.slug, e.node.reason]),
  ];
  return Object.fromEntries(all.filter(([slug]) => ids.includes(slug)));
}

describe('a dissolution is used only once it was public (defect 4)', () => {
  const lens = `${p}-lens`;
  const gone = `${p}-gone`;

  it('hides a dissolution from company(asOf) and the outlook until its dissolvedKnownSince', async () => {
    await upsertCompany({ id: lens, name: 'Seams Lens', roles: ['OPTICS_PARTNER'] });
    await upsertCompany({ id: gone, name: 'Seams Gone', dissolved: '2020-06', dissolvedKnownSince: '2021-03-01' });

    const query = `query ($id: ID!, $asOf: Date) { company(id: $id, asOf: $asOf) { dissolved { text } dissolvedKnownSince } }`;
    const before = await harness.graphql(query, { id: gone, asOf: '2021-02-28' });
    expect(before.data.company).toEqual({ dissolved: null, dissolvedKnownSince: null });
    const after = await harness.graphql(query, { id: gone, asOf: '2021-03-01' });
    expect(after.data.company).toEqual({ dissolved: { text: '2020-06' }, dissolvedKnownSince: '2021-03-01' });

    expect(await standing(lens, '2021-02-28', [gone])).toEqual({ [gone]: 'CANDIDATE' });
    expect(await standing(lens, '2021-03-01', [gone])).toEqual({ [gone]: 'DISSOLVED' });
  });

  it('keeps a company dissolved in a period in the outlook on every day of that period', async () => {
    const thisMonth = `${p}-this-month`;
    await upsertCompany({ id: thisMonth, name: 'Seams This Month', dissolved: '2021-03' });
    expect(await standing(lens, '2021-03-31', [thisMonth])).toEqual({ [thisMonth]: 'CANDIDATE' });
    expect(await standing(lens, '2021-04-01', [thisMonth])).toEqual({ [thisMonth]: 'DISSOLVED' });
  });
});
