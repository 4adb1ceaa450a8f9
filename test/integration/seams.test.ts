/**
 * Where GraphQL meets the database: regressions found by probing the API against a real Neo4j
 * (issue 9). Each test is named after what it pins, and goes through the public surface.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { importBundle } from '../../src/import/import-bundle.ts';
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
  const data = await write(`mutation ($input: CompanyInput!) { upsertCompany(input: $input) { __typename ... on ValidationError { message } } }`, {
    input: { roles: ['MANUFACTURER'], knownSince: '2000-01-01', ...input },
  });
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

  it("is stored by addExclusivityClause and ends when the partnership's end is known, on that end", async () => {
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

  it("frees the partner in the outlook only once the partnership's end is known", async () => {
    const query = `query ($asOf: Date) { partnershipOutlook(opticsPartner: "${lens}", asOf: $asOf) { evaluatedOn freeFrom assumesEndOf { clause { slug } end { basis } } } }`;
    const before = await harness.graphql(query, { asOf: '2022-05-22' });
    expect(before.data.partnershipOutlook).toEqual({
      evaluatedOn: '2022-05-22',
      freeFrom: null,
      assumesEndOf: [{ clause: { slug: clause }, end: { basis: 'AWAITING_PARTNERSHIP_END' } }],
    });
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

describe('a partnership or device public before its manufacturer (defect 1)', () => {
  const maker = `${p}-late-maker`;
  const lens = `${p}-early-lens`;
  const deal = `${p}-early-deal`;
  const phone = `${p}-early-phone`;

  it('answers a null manufacturer with a NOT_FOUND reason, and keeps the partnership and device', async () => {
    await upsertCompany({ id: maker, name: 'Seams Late Maker', knownSince: '2021-06-01' });
    await upsertCompany({ id: lens, name: 'Seams Early Lens', roles: ['OPTICS_PARTNER'] });
    await write(`mutation { upsertPartnership(input: { id: "${deal}", manufacturer: "${maker}", opticsPartner: "${lens}", start: "2021-01-10" }) { __typename } }`);
    await write(
      `mutation { upsertDevice(input: { id: "${phone}", name: "Seams Early Phone", manufacturer: "${maker}", opticsPartner: "${lens}", knownSince: "2021-02-01" }) { __typename } }`,
    );

    const query = `query ($asOf: Date) {
      partnership(id: "${deal}", asOf: $asOf) { slug manufacturer { slug } opticsPartner { slug } }
      device(id: "${phone}", asOf: $asOf) { slug manufacturer { slug } opticsPartner { slug } }
    }`;
    const early = await harness.graphql(query, { asOf: '2021-03-01' });
    expect(early.data).toEqual({
      partnership: { slug: deal, manufacturer: null, opticsPartner: { slug: lens } },
      device: { slug: phone, manufacturer: null, opticsPartner: { slug: lens } },
    });
    // Both fields resolve in parallel: their errors come in either order.
    expect(early.errors?.map((e) => [e.path?.join('.'), e.extensions?.code, e.message]).sort()).toEqual([
      ['device.manufacturer', 'NOT_FOUND', `No company "${maker}" was known on 2021-03-01`],
      ['partnership.manufacturer', 'NOT_FOUND', `No company "${maker}" was known on 2021-03-01`],
    ]);

    const later = await harness.graphql(query, { asOf: '2021-06-01' });
    expect(later.errors).toBeUndefined();
    expect(later.data.partnership.manufacturer).toEqual({ slug: maker });
    expect(later.data.device.manufacturer).toEqual({ slug: maker });
  });
});

describe('concurrent resolveClaim on one claim (defect 2)', () => {
  const leaker = `${p}-leaker2`;
  const claimId = `${p}-claim2`;
  const resolve = `mutation ($outcome: Outcome!, $decidedOn: Date!) {
    resolveClaim(claim: "${claimId}", outcome: $outcome, decidedOn: $decidedOn) {
      __typename
      ... on MutationResolveClaimSuccess { data { outcome resolutions { outcome decidedOn } } }
      ... on ConflictError { message }
    }
  }`;

  it('answers every one of three identical concurrent calls, and stores the decision once', async () => {
    await upsertCompany({ id: `${p}-maker2`, name: 'Seams Maker 2' });
    await write(`mutation { upsertLeaker(input: { id: "${leaker}", name: "Seams Leaker 2", knownSince: "2020-01-01" }) { __typename } }`);
    await write(
      `mutation { recordClaim(input: { id: "${claimId}", leaker: "${leaker}", statement: "Seams", kind: OTHER, subjects: ["${p}-maker2"], publishedOn: "2021-01-01" }) { __typename } }`,
    );

    const answers = await Promise.all([0, 1, 2].map(() => harness.graphql(resolve, { outcome: 'CONFIRMED', decidedOn: '2021-02-01' }, asWriter)));
    for (const answer of answers) {
      expect(answer.errors).toBeUndefined();
      expect(answer.data.resolveClaim).toEqual({
        __typename: 'MutationResolveClaimSuccess',
        data: { outcome: 'CONFIRMED', resolutions: [{ outcome: 'CONFIRMED', decidedOn: '2021-02-01' }] },
      });
    }
  });

  it("serialises different concurrent decisions: each is stored once, none is lost, the leaker's credibility counts the last", async () => {
    const answers = await Promise.all(
      [
        ['REFUTED', '2021-03-01'],
        ['CONFIRMED', '2021-04-01'],
        ['PARTLY_CONFIRMED', '2021-05-01'],
      ].map(([outcome, decidedOn]) => harness.graphql(resolve, { outcome, decidedOn }, asWriter)),
    );
    for (const answer of answers) {
      expect(answer.errors).toBeUndefined();
      expect(['MutationResolveClaimSuccess', 'ConflictError']).toContain(answer.data.resolveClaim.__typename);
    }
    const stored = await harness.graphql(`{ claim(id: "${claimId}") { resolutions { outcome decidedOn } } leaker(id: "${leaker}") { credibility { hits resolved } } }`);
    const resolutions = stored.data.claim.resolutions;
    const accepted = answers.filter((a) => a.data.resolveClaim.__typename === 'MutationResolveClaimSuccess').length;
    expect(resolutions).toHaveLength(1 + accepted);
    expect(new Set(resolutions.map((r: any) => r.decidedOn)).size).toBe(resolutions.length);
    const last = resolutions.at(-1);
    const hits = { CONFIRMED: 1, PARTLY_CONFIRMED: 0.5, REFUTED: 0 }[last.outcome as 'CONFIRMED'];
    expect(stored.data.leaker.credibility).toEqual({ hits, resolved: 1 });
  });
});

describe('concurrent writes to the claims of one leaker (defect 2)', () => {
  it("counts every decision in the leaker's credibility when resolveClaim and an import run at once", async () => {
    const leaker = `${p}-leaker2c`;
    const subject = `${p}-maker2c`;
    await upsertCompany({ id: subject, name: 'Seams Maker 2c' });
    await write(`mutation { upsertLeaker(input: { id: "${leaker}", name: "Seams Leaker 2c", knownSince: "2020-01-01" }) { __typename } }`);
    const claims = [0, 1, 2].map((n) => `${p}-claim2c-${n}`);
    for (const id of claims) {
      await write(
        `mutation { recordClaim(input: { id: "${id}", leaker: "${leaker}", statement: "${id}", kind: OTHER, subjects: ["${subject}"], publishedOn: "2021-01-01" }) { __typename } }`,
      );
    }
    const imported = claims.map((id, n) => ({
      id: `${id}-imported`,
      leaker,
      statement: `imported ${n}`,
      kind: 'OTHER',
      subjects: [subject],
      publishedOn: '2021-01-01',
      resolutions: [{ outcome: 'CONFIRMED', decidedOn: '2021-02-01' }],
    }));
    const answers = await Promise.all([
      ...claims.map((id) => harness.graphql(`mutation { resolveClaim(claim: "${id}", outcome: REFUTED, decidedOn: "2021-02-01") { __typename } }`, {}, asWriter)),
      importBundle(harness.graph, { format: 'optics-graph-bundle/1', claims: imported }),
    ]);
    // The errors first: a failure then says what the write met, not that data was null.
    for (const answer of answers.slice(0, 3)) expect((answer as any).errors).toBeUndefined();
    for (const answer of answers.slice(0, 3)) expect((answer as any).data.resolveClaim.__typename).toBe('MutationResolveClaimSuccess');
    const result = await harness.graphql(`{ leaker(id: "${leaker}") { credibility { hits resolved } } }`);
    expect(result.data.leaker.credibility).toEqual({ hits: 3, resolved: 6 });
  });
});

describe('concurrent endPartnership calls with different ends (defect 2)', () => {
  it('stores one end and answers the others with a ConflictError naming it, never an unexpected error', async () => {
    const deal = `${p}-deal2`;
    await upsertCompany({ id: `${p}-maker2e`, name: 'Seams Maker 2e' });
    await upsertCompany({ id: `${p}-lens2e`, name: 'Seams Lens 2e', roles: ['OPTICS_PARTNER'] });
    await write(`mutation { upsertPartnership(input: { id: "${deal}", manufacturer: "${p}-maker2e", opticsPartner: "${p}-lens2e", start: "2020-01-01" }) { __typename } }`);
    const ends = ['2022-03-31', '2022-06-30', '2022-09-30'];
    const answers = await Promise.all(
      ends.map((end) => harness.graphql(`mutation { endPartnership(id: "${deal}", end: "${end}") { __typename ... on ConflictError { message } } }`, {}, asWriter)),
    );
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    const kinds = answers.map((a) => a.data.endPartnership.__typename).sort();
    expect(kinds).toEqual(['ConflictError', 'ConflictError', 'MutationEndPartnershipSuccess']);
    const stored = await harness.graphql(`{ partnership(id: "${deal}") { end { text } } }`);
    const winner = ends[answers.findIndex((a) => a.data.endPartnership.__typename === 'MutationEndPartnershipSuccess')];
    expect(stored.data.partnership.end).toEqual({ text: winner });
    for (const answer of answers.filter((a) => a.data.endPartnership.__typename === 'ConflictError')) {
      expect(answer.data.endPartnership.message).toContain(`already ended ${winner}`);
    }
  });
});

describe('two writes of one entity in one mutation document (defect 3)', () => {
  it("returns each write's own value, not the first one's", async () => {
    const id = `${p}-renamed`;
    const result = await harness.graphql(
      `mutation {
        first: upsertCompany(input: { id: "${id}", name: "First Name", roles: [MANUFACTURER], knownSince: "2000-01-01" }) { ... on MutationUpsertCompanySuccess { data { name } } }
        second: upsertCompany(input: { id: "${id}", name: "Second Name", roles: [MANUFACTURER], knownSince: "2000-01-01" }) { ... on MutationUpsertCompanySuccess { data { name } } }
      }`,
      {},
      asWriter,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ first: { data: { name: 'First Name' } }, second: { data: { name: 'Second Name' } } });
  });

  it("shows a claim's new outcome after resolveClaim when the document read it before", async () => {
    const claimId = `${p}-claim3`;
    await upsertCompany({ id: `${p}-maker3`, name: 'Seams Maker 3' });
    const recorded = await write(
      `mutation { recordClaim(input: { id: "${claimId}", statement: "Seams 3", kind: OTHER, subjects: ["${p}-maker3"], publishedOn: "2021-01-01" }) { __typename } }`,
    );
    expect(recorded.recordClaim.__typename).toBe('MutationRecordClaimSuccess');
    const result = await harness.graphql(
      `mutation {
        before: resolveClaim(claim: "${claimId}", outcome: REFUTED, decidedOn: "2021-02-01") { ... on MutationResolveClaimSuccess { data { outcome } } }
        after: resolveClaim(claim: "${claimId}", outcome: CONFIRMED, decidedOn: "2021-03-01") { ... on MutationResolveClaimSuccess { data { outcome resolutions { outcome } } } }
      }`,
      {},
      asWriter,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.before.data.outcome).toBe('REFUTED');
    expect(result.data.after.data).toEqual({ outcome: 'CONFIRMED', resolutions: [{ outcome: 'REFUTED' }, { outcome: 'CONFIRMED' }] });
  });
});

describe('equal scores (defect 5)', () => {
  it('orders candidates whose scores are equal to 9 decimal places by name, not by their last bits', async () => {
    const lens = `${p}-lens5`;
    const [able, zed] = [`${p}-able5`, `${p}-zed5`];
    const leaker = `${p}-leaker5`;
    await upsertCompany({ id: lens, name: 'Seams Lens 5', roles: ['OPTICS_PARTNER'] });
    await upsertCompany({ id: able, name: 'Able Seams' });
    await upsertCompany({ id: zed, name: 'Zed Seams' });
    await write(`mutation { upsertLeaker(input: { id: "${leaker}", name: "Seams Leaker 5", knownSince: "2020-01-01" }) { __typename } }`);
    const claim = (id: string, kind: string, subjects: string[], withLeaker: boolean) =>
      write(
        `mutation { recordClaim(input: { id: "${p}-${id}", ${withLeaker ? `leaker: "${leaker}",` : ''} statement: "${id}", kind: ${kind}, subjects: ${JSON.stringify(subjects)}, publishedOn: "2021-01-01" }) { __typename } }`,
      );
    // One refuted claim gives the leaker a credibility of (0 + 1) / (1 + 2) = 1/3.
    await claim('refuted5', 'OTHER', [able], true);
    await write(`mutation { resolveClaim(claim: "${p}-refuted5", outcome: REFUTED, decidedOn: "2021-01-02") { __typename } }`);
    // Able: 1 - (1 - 1/3). Zed: (1 - (1 - 0.5)) x (1 - 1/3). Both 1/3, reached by different float operations.
    await claim('able-for5', 'WILL_PARTNER', [able, lens], true);
    await claim('zed-for5', 'WILL_PARTNER', [zed, lens], false);
    await claim('zed-against5', 'WILL_NOT_PARTNER', [zed, lens], true);

    const result = await harness.graphql(
      `{ partnershipOutlook(opticsPartner: "${lens}", asOf: "2021-06-01") { candidates(first: 200) { edges { node { manufacturer { slug } score } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const ranked = result.data.partnershipOutlook.candidates.edges.map((e: any) => e.node).filter((n: any) => [able, zed].includes(n.manufacturer.slug));
    expect(ranked.map((n: any) => n.manufacturer.slug)).toEqual([able, zed]);
    expect(ranked[0].score).toBeCloseTo(1 / 3, 9);
    expect(ranked[1].score).toBeCloseTo(1 / 3, 9);
  });
});
