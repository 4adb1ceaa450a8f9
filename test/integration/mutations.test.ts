/** Writes through GraphQL: who may write, what is refused and why, and what the graph holds after. */
import { SignJWT } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { BundleRejectedError, importBundle } from '../../src/import/import-bundle.ts';
import { createHarness, jwtSecret, uniquePrefix, writerKey } from '../support/harness.ts';

const harness = createHarness();
const p = uniquePrefix('mutations');
const asWriter = { 'x-api-key': writerKey };

afterAll(async () => {
  await harness.graph.runScript('MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix: p });
  await harness.close();
});

const upsertCompany = `mutation ($input: CompanyInput!) {
  upsertCompany(input: $input) {
    __typename
    ... on MutationUpsertCompanySuccess { data { slug name roles founded { text precision } } }
    ... on ValidationError { message problems { field message } }
  }
}`;

async function countPrefixed(): Promise<number> {
  const [row] = await harness.graph.runScript('MATCH (n) WHERE n.id STARTS WITH $prefix RETURN count(n) AS n', { prefix: p });
  return Number(row!.n);
}

async function token(scope: string): Promise<string> {
  return new SignJWT({ scope }).setProtectedHeader({ alg: 'HS256' }).setSubject('test').setExpirationTime('5m').sign(new TextEncoder().encode(jwtSecret));
}

describe('who may write', () => {
  it('refuses a write without credentials, saying what is needed, and writes nothing', async () => {
    const result = await harness.graphql(upsertCompany, { input: { id: `${p}-anon`, name: 'Anon', roles: ['MANUFACTURER'] } });
    expect(result.errors?.[0]?.message).toMatch(/API key|write/);
    expect(await countPrefixed()).toBe(0);
  });

  it('refuses a wrong API key with 401', async () => {
    const result = await harness.graphql(upsertCompany, { input: { id: `${p}-bad`, name: 'Bad', roles: ['MANUFACTURER'] } }, { 'x-api-key': 'not-the-key-at-all' });
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('accepts a JWT with the write scope and refuses one with only read', async () => {
    const reader = await harness.graphql(upsertCompany, { input: { id: `${p}-jwt`, name: 'Jwt', roles: ['MANUFACTURER'] } }, { authorization: `Bearer ${await token('read')}` });
    expect(reader.errors?.[0]?.message).toMatch(/write/);
    const writer = await harness.graphql(
      upsertCompany,
      { input: { id: `${p}-jwt`, name: 'Jwt Phones', roles: ['MANUFACTURER'] } },
      { authorization: `Bearer ${await token('read write')}` },
    );
    expect(writer.data.upsertCompany.data.name).toBe('Jwt Phones');
  });

  it('leaves reads open', async () => {
    const result = await harness.graphql('{ opticsPartner(id: "leica") { name } }');
    expect(result.data.opticsPartner.name).toMatch(/Leica/);
  });
});

describe('writing the model', () => {
  it('upserts a company and keeps the precision of its founding date', async () => {
    const result = await harness.graphql(
      upsertCompany,
      { input: { id: `${p}-lens`, name: 'Test Optics', roles: ['OPTICS_PARTNER', 'MANUFACTURER'], founded: '2019-Q2' } },
      asWriter,
    );
    expect(result.data.upsertCompany).toMatchObject({
      __typename: 'MutationUpsertCompanySuccess',
      data: { slug: `${p}-lens`, roles: ['MANUFACTURER', 'OPTICS_PARTNER'], founded: { text: '2019-Q2', precision: 'QUARTER' } },
    });
  });

  it('refuses bad input with every problem named by its field, and writes nothing', async () => {
    const before = await countPrefixed();
    const result = await harness.graphql(
      `mutation { upsertPartnership(input: { id: "${p}-broken", manufacturer: "${p}-nobody", opticsPartner: "${p}-lens", start: "2021-13", end: "2020" }) {
        __typename ... on ValidationError { problems { field message } }
      } }`,
      {},
      asWriter,
    );
    const problems = result.data.upsertPartnership.problems;
    expect(result.data.upsertPartnership.__typename).toBe('ValidationError');
    expect(problems.map((x: any) => x.field)).toEqual(expect.arrayContaining(['input.start', 'input.manufacturer']));
    expect(await countPrefixed()).toBe(before);
  });

  it('records a partnership, ends it, and shows the end only from when it was known', async () => {
    await harness.graphql(upsertCompany, { input: { id: `${p}-maker`, name: 'Test Phones', roles: ['MANUFACTURER'], knownSince: '2019-01-01' } }, asWriter);
    const created = await harness.graphql(
      `mutation { upsertPartnership(input: { id: "${p}-deal", manufacturer: "${p}-maker", opticsPartner: "${p}-lens", start: "2020-02-01" }) {
        ... on MutationUpsertPartnershipSuccess { data { status end { text } } } } }`,
      {},
      asWriter,
    );
    expect(created.data.upsertPartnership.data).toEqual({ status: 'ACTIVE', end: null });
    const ended = await harness.graphql(
      `mutation { endPartnership(id: "${p}-deal", end: "2022-03-31", endKnownSince: "2022-05-23") {
        __typename ... on MutationEndPartnershipSuccess { data { status end { text } endKnownSince } } } }`,
      {},
      asWriter,
    );
    expect(ended.data.endPartnership.data).toEqual({ status: 'ENDED', end: { text: '2022-03-31' }, endKnownSince: '2022-05-23' });
    const seen = await harness.graphql(`{ partnership(id: "${p}-deal", asOf: "2022-04-30") { status end { text } } }`);
    expect(seen.data.partnership).toEqual({ status: 'ACTIVE', end: null });
  });

  it('refuses a second, different end as a conflict', async () => {
    const result = await harness.graphql(`mutation { endPartnership(id: "${p}-deal", end: "2023") { __typename ... on ConflictError { message } } }`, {}, asWriter);
    expect(result.data.endPartnership.__typename).toBe('ConflictError');
    expect(result.data.endPartnership.message).toMatch(/2022-03-31/);
  });

  it('says which partnership is unknown', async () => {
    const result = await harness.graphql(`mutation { endPartnership(id: "${p}-nothing", end: "2023") { __typename ... on NotFoundError { id kind } } }`, {}, asWriter);
    expect(result.data.endPartnership).toEqual({ __typename: 'NotFoundError', id: `${p}-nothing`, kind: 'partnership' });
  });

  it('records a claim, refutes it, vindicates it, and shows each outcome as of its day', async () => {
    await harness.graphql(`mutation { upsertLeaker(input: { id: "${p}-leaker", name: "Test Leaker", knownSince: "2019-01-01" }) { __typename } }`, {}, asWriter);
    await harness.graphql(
      `mutation { upsertSource(input: { id: "${p}-post", url: "https://example.com/post", title: "A post", publishedOn: "2020-11-18" }) { __typename } }`,
      {},
      asWriter,
    );
    const recorded = await harness.graphql(
      `mutation { recordClaim(input: { id: "${p}-claim", leaker: "${p}-leaker", statement: "They will partner", kind: WILL_PARTNER,
        subjects: ["${p}-maker", "${p}-lens"], publishedOn: "2020-11-18", sources: ["${p}-post"],
        evidence: [{ kind: IMAGE, description: "a logo" }] }) {
        __typename ... on MutationRecordClaimSuccess { data { outcome subjects { ... on Company { slug } } evidence { kind } sources { slug } } } } }`,
      {},
      asWriter,
    );
    expect(recorded.data.recordClaim.data).toEqual({
      outcome: 'UNRESOLVED',
      subjects: expect.arrayContaining([{ slug: `${p}-maker` }, { slug: `${p}-lens` }]),
      evidence: [{ kind: 'IMAGE' }],
      sources: [{ slug: `${p}-post` }],
    });
    const resolve = (outcome: string, day: string) =>
      harness.graphql(
        `mutation { resolveClaim(claim: "${p}-claim", outcome: ${outcome}, decidedOn: "${day}") { __typename ... on MutationResolveClaimSuccess { data { outcome } } ... on ConflictError { message } } }`,
        {},
        asWriter,
      );
    expect((await resolve('REFUTED', '2020-11-19')).data.resolveClaim.data.outcome).toBe('REFUTED');
    expect((await resolve('CONFIRMED', '2022-05-23')).data.resolveClaim.data.outcome).toBe('CONFIRMED');
    expect((await resolve('REFUTED', '2021-01-01')).data.resolveClaim.__typename).toBe('ConflictError');
    const history = async (asOf: string) => (await harness.graphql(`{ claim(id: "${p}-claim", asOf: "${asOf}") { outcome } }`)).data.claim.outcome;
    expect(await history('2020-11-18')).toBe('UNRESOLVED');
    expect(await history('2021-06-01')).toBe('REFUTED');
    expect(await history('2022-06-01')).toBe('CONFIRMED');
  });

  it('refuses a resolution dated before the claim, naming the field', async () => {
    const result = await harness.graphql(
      `mutation { resolveClaim(claim: "${p}-claim", outcome: CONFIRMED, decidedOn: "2019-01-01") { __typename ... on ValidationError { problems { field } } } }`,
      {},
      asWriter,
    );
    expect(result.data.resolveClaim.problems.map((x: any) => x.field)).toContain('decidedOn');
  });

  it('refuses a change that breaks a write rule with the message the importer gives for it, and writes nothing', async () => {
    const problemsOf = async (document: string, name: string) => {
      const result = await harness.graphql(`mutation { ${name}(${document}) { __typename ... on ValidationError { problems { field message } } } }`, {}, asWriter);
      expect(result.data[name].__typename).toBe('ValidationError');
      return result.data[name].problems as { field: string; message: string }[];
    };
    const imported = async (bundle: object) => {
      const error = await importBundle(harness.graph, { format: 'optics-graph-bundle/1', ...bundle }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BundleRejectedError);
      return (error as BundleRejectedError).problems;
    };
    const partnership = { id: `${p}-deal`, manufacturer: `${p}-maker`, opticsPartner: `${p}-lens`, start: '2020-02-01' };

    const ended = await problemsOf(`id: "${p}-deal", end: "2019", endKnownSince: "2019-06-01", sources: ["${p}-nowhere"]`, 'endPartnership');
    const endImported = await imported({ partnerships: [{ ...partnership, end: '2019', endKnownSince: '2019-06-01', sources: [`${p}-nowhere`] }] });
    expect(ended).toEqual([
      { field: 'end', message: '"2019" is before start "2020-02-01": it ends before it starts; check both dates' },
      { field: 'endKnownSince', message: expect.stringMatching(/^2019-06-01 is before the partnership itself became known \(2020-02-01\)/) },
      { field: 'sources[0]', message: expect.stringMatching(new RegExp(`^no source "${p}-nowhere" exists: create it first \\(with upsertSource`)) },
    ]);
    expect(endImported.map((problem) => problem.message)).toEqual(ended.map((problem) => problem.message));
    expect(endImported.map((problem) => problem.path)).toEqual(['$.partnerships[0].end', '$.partnerships[0].endKnownSince', '$.partnerships[0].sources[0]']);

    const resolved = await problemsOf(`claim: "${p}-claim", outcome: CONFIRMED, decidedOn: "2020-11-01", knownSince: "2020-10-31"`, 'resolveClaim');
    expect(resolved).toEqual([
      { field: 'knownSince', message: expect.stringMatching(/^2020-10-31 is before decidedOn \(2020-11-01\)/) },
      { field: 'knownSince', message: expect.stringMatching(/^2020-10-31 is before the claim was published \(2020-11-18\)/) },
    ]);
    const claim = { id: `${p}-claim-2`, leaker: `${p}-leaker`, statement: 'It will happen', kind: 'OTHER', subjects: [`${p}-maker`], publishedOn: '2020-11-18' };
    const resolvedImported = await imported({ claims: [{ ...claim, resolutions: [{ outcome: 'CONFIRMED', decidedOn: '2020-11-01', knownSince: '2020-10-31' }] }] });
    expect(resolvedImported.map((problem) => problem.message)).toEqual(resolved.map((problem) => problem.message));
    expect((await harness.graphql(`{ partnership(id: "${p}-deal") { end { text } } }`)).data.partnership.end).toEqual({ text: '2022-03-31' });
  });

  it('adds an exclusivity clause and attaches a source to it', async () => {
    const added = await harness.graphql(
      `mutation { addExclusivityClause(input: { id: "${p}-clause", partnership: "${p}-deal", binds: OPTICS_PARTNER, certainty: REPORTED,
        start: "2020-02", end: "2021", exceptRegions: ["JP"] }) { __typename ... on MutationAddExclusivityClauseSuccess { data { end { lastDay basis } exceptRegions } } } }`,
      {},
      asWriter,
    );
    expect(added.data.addExclusivityClause.data).toEqual({ end: { lastDay: '2021-12-31', basis: 'DATE' }, exceptRegions: ['JP'] });
    const attached = await harness.graphql(
      `mutation { attachSource(kind: EXCLUSIVITY, id: "${p}-clause", source: "${p}-post") { __typename ... on MutationAttachSourceSuccess { data { source { slug exclusivityClauses { slug } } } } } }`,
      {},
      asWriter,
    );
    expect(attached.data.attachSource.data.source.exclusivityClauses).toContainEqual({ slug: `${p}-clause` });
  });
});
