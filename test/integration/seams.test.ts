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

describe('a clause that ends with its partnership (defect 6)', () => {
  const maker = `${p}-maker6`;
  const lens = `${p}-lens6`;
  const deal = `${p}-deal6`;
  const clause = `${p}-deal6-exclusivity`;
  const clauseQuery = `query ($asOf: Date) {
    partnership(id: "${deal}", asOf: $asOf) { exclusivityClauses { slug endsWithPartnership end { lastDay basis } } }
    opticsPartner(id: "${lens}", asOf: $asOf) { freeFrom { isFree freeFrom } }
  }`;

  it('is stored by addExclusivityClause and ends when the partnership\'s end is known, on that end', async () => {
    await upsertCompany({ id: maker, name: 'Seams Maker 6' });
    await upsertCompany({ id: lens, name: 'Seams Lens 6', roles: ['OPTICS_PARTNER'] });
    await write(`mutation { upsertPartnership(input: { id: "${deal}", manufacturer: "${maker}", opticsPartner: "${lens}", start: "2020-01-01" }) { __typename } }`);
    const added = await write(`mutation {
      addExclusivityClause(input: { id: "${clause}", partnership: "${deal}", binds: OPTICS_PARTNER, certainty: CONFIRMED, start: "2020-01-01", endsWithPartnership: true }) {
        __typename ... on MutationAddExclusivityClauseSuccess { data { endsWithPartnership end { lastDay basis } } } ... on ValidationError { message }
      }
    }`);
    expect(added.addExclusivityClause).toEqual({
      __typename: 'MutationAddExclusivityClauseSuccess',
      data: { endsWithPartnership: true, end: { lastDay: null, basis: 'AWAITING_PARTNERSHIP_END' } },
    });

    const ended = await write(`mutation { endPartnership(id: "${deal}", end: "2022-Q1", endKnownSince: "2022-05-23") { __typename } }`);
    expect(ended.endPartnership.__typename).toBe('MutationEndPartnershipSuccess');

    const before = await harness.graphql(clauseQuery, { asOf: '2022-05-22' });
    expect(before.errors).toBeUndefined();
    expect(before.data.partnership.exclusivityClauses).toEqual([{ slug: clause, endsWithPartnership: true, end: { lastDay: null, basis: 'AWAITING_PARTNERSHIP_END' } }]);
    expect(before.data.opticsPartner.freeFrom).toEqual({ isFree: false, freeFrom: null });

    const after = await harness.graphql(clauseQuery, { asOf: '2022-05-23' });
    expect(after.data.partnership.exclusivityClauses).toEqual([{ slug: clause, endsWithPartnership: true, end: { lastDay: '2022-03-31', basis: 'PARTNERSHIP_END' } }]);
    expect(after.data.opticsPartner.freeFrom).toEqual({ isFree: true, freeFrom: '2022-04-01' });
  });

  it('frees the partner in the outlook only once the partnership\'s end is known', async () => {
    const query = `query ($asOf: Date) { partnershipOutlook(opticsPartner: "${lens}", asOf: $asOf) { evaluatedOn freeFrom assumesEndOf { clause { slug } end { basis } } } }`;
    const before = await harness.graphql(query, { asOf: '2022-05-22' });
    expect(before.data.partnershipOutlook).toEqual({ evaluatedOn: '2022-05-22', freeFrom: null, assumesEndOf: [{ clause: { slug: clause }, end: { basis: 'AWAITING_PARTNERSHIP_END' } }] });
    const after = await harness.graphql(query, { asOf: '2022-05-23' });
    expect(after.data.partnershipOutlook).toEqual({ evaluatedOn: '2022-05-23', freeFrom: '2022-04-01', assumesEndOf: [] });
  });

  it('refuses endsWithPartnership together with an end date, naming the field', async () => {
    const refused = await write(`mutation {
      addExclusivityClause(input: { id: "${p}-both", partnership: "${deal}", binds: BOTH, certainty: REPORTED, start: "2020", end: "2021", endsWithPartnership: true }) {
        __typename ... on ValidationError { problems { field message } }
      }
    }`);
    expect(refused.addExclusivityClause.__typename).toBe('ValidationError');
    expect(refused.addExclusivityClause.problems).toEqual([{ field: 'input.endsWithPartnership', message: expect.stringMatching(/only one/) }]);
  });
});
