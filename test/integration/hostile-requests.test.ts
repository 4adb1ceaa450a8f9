/**
 * Requests an attacker or a careless client sends. Each gets a coded answer in the client-error
 * class: a request the server refuses before running it (limits, malformed HTTP) is a 4xx under
 * application/graphql-response+json; a field argument only its resolver can judge is a field error
 * with code BAD_USER_INPUT. None is ever "Unexpected error." or a 5xx, and afterwards the service
 * and Neo4j still answer a normal query.
 */
import { Writable } from 'node:stream';
import { getIntrospectionQuery } from 'graphql';
import { SignJWT } from 'jose';
import { pino } from 'pino';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createHarness, jwtSecret, uniquePrefix, writerKey, type Harness } from '../support/harness.ts';

const harness = createHarness();
const p = uniquePrefix('hostile');
const asWriter = { 'x-api-key': writerKey };
const extraHarnesses: Harness[] = [];

afterAll(async () => {
  await harness.graph.runScript('MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix: p });
  await Promise.all(extraHarnesses.map((h) => h.close()));
  await harness.close();
});

/** With other settings, on the same Neo4j. */
function harnessWith(env: Record<string, string>): Harness {
  const created = createHarness(env);
  extraHarnesses.push(created);
  return created;
}

interface Answer {
  status: number;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, any>; path?: unknown[] }[] } | null;
  text: string;
}

async function send(init: RequestInit & { path?: string }, app = harness.app): Promise<Answer> {
  const response = await app.fetch(`http://test${init.path ?? '/graphql'}`, {
    ...init,
    headers: { accept: 'application/graphql-response+json', ...(init.headers as Record<string, string>) },
  });
  const text = await response.text();
  let body = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: the assertions below say so.
  }
  return { status: response.status, body, text };
}

function post(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}, app = harness.app): Promise<Answer> {
  return send({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) }, app);
}

/** A refusal before execution: the 4xx, the code, and a message that is not graphql-js's "Syntax Error:". */
function expectRefused(answer: Answer, status: number, code: string, message?: RegExp) {
  expect(answer.status, answer.text.slice(0, 300)).toBe(status);
  const error = answer.body?.errors?.[0];
  expect(error?.extensions?.code, answer.text.slice(0, 300)).toBe(code);
  expect(error?.message).not.toMatch(/^Syntax Error:|Unexpected error/);
  if (message) expect(error?.message).toMatch(message);
  expect(answer.body?.data ?? null).toBeNull();
}

/** A field error the client caused: coded, saying what to change, never masked. */
function expectBadInput(answer: Answer, message?: RegExp) {
  expect(answer.status, answer.text.slice(0, 300)).toBeLessThan(500);
  const error = answer.body?.errors?.[0];
  expect(error?.extensions?.code, answer.text.slice(0, 300)).toBe('BAD_USER_INPUT');
  if (message) expect(error?.message).toMatch(message);
}

// Every case must leave the service answering.
afterEach(async () => {
  const normal = await post('{ company(id: "leica") { name } }');
  expect(normal.status).toBe(200);
  expect(normal.body?.data?.company?.name).toMatch(/Leica/);
});

describe('denial of service: every value is bounded before it reaches Cypher', () => {
  it('refuses a 300,000-character search word before Neo4j sees it', async () => {
    const query = 'query($t: String!) { search(text: $t) { __typename } }';
    expectRefused(await post(query, { t: 'x'.repeat(300_000) }), 413, 'REQUEST_ENTITY_TOO_LARGE', /MAX_REQUEST_BYTES/);
    // With a body limit that lets it through, the string bound refuses it.
    const roomy = harnessWith({ MAX_REQUEST_BYTES: '2000000' });
    expectRefused(await post(query, { t: 'x'.repeat(300_000) }, {}, roomy.app), 400, 'BAD_USER_INPUT', /300000 characters.*MAX_STRING_LENGTH/);
    // Under the string bound, a word longer than a search word may be.
    expectBadInput(await post(query, { t: `leica ${'y'.repeat(1_000)}` }), /MAX_SEARCH_WORD_LENGTH/);
  });

  it('counts page sizes given as variables in the cost', async () => {
    const query = 'query($n: Int) { manufacturers(first: $n) { edges { node { name devices(first: $n) { edges { node { name } } } } } } }';
    // 200 manufacturers with 200 devices each: about 200 x 200 values.
    expectRefused(await post(query, { n: 200 }), 400, 'QUERY_TOO_COSTLY', /costs \d+; at most 100000 .*MAX_QUERY_COST/);
    // The same document with small pages is cheap enough.
    const small = await post(query, { n: 2 });
    expect(small.status).toBe(200);
    expect(small.body?.errors).toBeUndefined();
    // A pass is remembered for the document with those variables only: other variables are costed
    // again, and a refusal is never remembered as a pass.
    expect((await post(query, { n: 2 })).body?.errors).toBeUndefined();
    for (let i = 0; i < 2; i++) expectRefused(await post(query, { n: 200 }), 400, 'QUERY_TOO_COSTLY', /MAX_QUERY_COST/);
    expectRefused(await post(query, { n: 100_000 }), 400, 'BAD_USER_INPUT', /MAX_PAGE_SIZE/);
  });

  it('refuses 1,000 aliases of devices, of search and 100 of partnershipOutlook', async () => {
    const devices = `query($n: Int) { ${Array.from({ length: 1000 }, (_, i) => `d${i}: devices(first: $n) { totalCount }`).join(' ')} }`;
    expectRefused(await post(devices, { n: 200 }), 400, 'TOO_MANY_TOKENS', /MAX_QUERY_TOKENS/);
    const search = `{ ${Array.from({ length: 1000 }, (_, i) => `s${i}: search(text: "leica") { __typename }`).join(' ')} }`;
    expectRefused(await post(search), 400, 'TOO_MANY_TOKENS');
    const outlooks = `{ ${Array.from({ length: 100 }, (_, i) => `o${i}: partnershipOutlook(opticsPartner: "leica") { evaluatedOn }`).join(' ')} }`;
    expectRefused(await post(outlooks), 400, 'TOO_MANY_TOKENS');
    // With the token limit raised, the alias limit refuses them; with that raised too, the cost does.
    const manyTokens = harnessWith({ MAX_QUERY_TOKENS: '5000' });
    expectRefused(await post(outlooks, {}, {}, manyTokens.app), 400, 'TOO_MANY_ALIASES', /100 aliases; at most 15 .*MAX_QUERY_ALIASES/);
    const manyAliases = harnessWith({ MAX_QUERY_TOKENS: '5000', MAX_QUERY_ALIASES: '1000', MAX_QUERY_COST: '20000' });
    expectRefused(await post(outlooks, {}, {}, manyAliases.app), 400, 'QUERY_TOO_COSTLY');
    const searches = `{ ${Array.from({ length: 300 }, (_, i) => `s${i}: search(text: "leica") { __typename }`).join(' ')} }`;
    expectRefused(await post(searches, {}, {}, manyAliases.app), 400, 'QUERY_TOO_COSTLY');
  });

  it('refuses more ids than a list may hold, and loads 100 ids on 100 days in one round trip', async () => {
    const tooMany = Array.from({ length: 101 }, (_, i) => Buffer.from(`Company:nobody-${i}@2020-01-01`).toString('base64'));
    expectRefused(await post('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: tooMany }), 400, 'BAD_USER_INPUT', /101 items; at most 100 .*MAX_LIST_LENGTH/);

    const day = (i: number) => new Date(Date.UTC(2021, 0, 1 + i)).toISOString().slice(0, 10);
    const ids = Array.from({ length: 100 }, (_, i) => Buffer.from(`${i % 2 ? 'Company' : 'Device'}:${i === 0 ? 'huawei-p9' : `nobody-${i}`}@${day(i + 200)}`).toString('base64'));
    const answer = await post('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
    expect(answer.body?.errors).toBeUndefined();
    expect(answer.body?.data.nodes).toHaveLength(100);
    expect(answer.body?.data.nodes.slice(1).every((node: unknown) => node === null)).toBe(true);
    // The graph's version (for the response cache), then two node types: one statement each, whatever the days.
    expect((answer.body as any).extensions.cypherRoundTrips).toBeLessThanOrEqual(3);
  });

  it('answers a query nested 5,000 levels deep with a coded 400, not a stack overflow', async () => {
    const deep = `{ ${'company(id: "leica") { partnerships { edges { node { manufacturer { '.repeat(1000)} name ${'} } } } }'.repeat(1000)} }`;
    expectRefused(await post(deep), 400, 'TOO_MANY_TOKENS');
    const bare = `{${'a{'.repeat(5000)}b${'}'.repeat(5001)}`;
    expectRefused(await post(bare), 400, 'TOO_MANY_TOKENS');
    // The most tokens a configuration allows still cannot reach the parser's stack.
    const most = harnessWith({ MAX_QUERY_TOKENS: '5000' });
    const answer = await post(`{${'a{'.repeat(1600)}b${'}'.repeat(1601)}`, {}, {}, most.app);
    expect(answer.status).toBe(400);
    expect(answer.body?.errors?.[0]).toMatchObject({ message: expect.stringMatching(/1601 levels deep; at most 12 .*MAX_QUERY_DEPTH/), extensions: { code: 'QUERY_TOO_DEEP' } });
  });

  it('writes one log line per request, with the request id, however many items fail', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const logger = pino({ level: 'info' }, sink);
    const config = loadConfig({ LOG_LEVEL: 'info' });
    // Neo4j failing every statement of this request: a real executor whose reads fail, as they do when Neo4j is gone.
    const failing = Object.create(harness.graph, { read: { value: async () => Promise.reject(new Error('boom from Neo4j')) } });
    const app = createApp({ config, graph: failing, logger });
    const ids = Array.from({ length: 100 }, (_, i) => Buffer.from(`Company:c${i}@2021-01-01`).toString('base64'));
    const answer = await post(
      'query($ids: [ID!]!) { nodes(ids: $ids) { id } a: company(id: "leica") { name } b: device(id: "huawei-p9") { name } }',
      { ids },
      { 'x-request-id': 'quote-me-7' },
      app,
    );
    expect(answer.body?.errors?.every((error) => error.message === 'Unexpected error.')).toBe(true);
    const requestLines = lines.map((line) => JSON.parse(line)).filter((line) => line.requestId === 'quote-me-7');
    expect(lines.length).toBe(1);
    expect(requestLines).toHaveLength(1);
    expect(requestLines[0].unexpectedErrors).toBe(answer.body?.errors?.length);
    expect(requestLines[0].firstUnexpected[0].message).toMatch(/boom from Neo4j/);
    expect(requestLines[0].firstUnexpected[0].stack).toMatch(/boom from Neo4j/);
  });
});

describe('every client mistake gets a clear, coded answer', () => {
  it('refuses page sizes out of range, last without before, and cursors it did not hand out', async () => {
    expectRefused(await post('{ devices(first: -1) { edges { node { name } } } }'), 400, 'BAD_USER_INPUT', /first:\) is -1; a page holds from 0 to 200 .*MAX_PAGE_SIZE/);
    expectRefused(await post('query($n: Int) { devices(first: $n) { totalCount } }', { n: 100_000 }), 400, 'BAD_USER_INPUT', /MAX_PAGE_SIZE/);
    expectBadInput(await post('{ devices(last: 5) { edges { node { name } } } }'), /last counts back from before/);
    expectBadInput(await post('{ devices(after: "!!!") { edges { node { name } } } }'), /after: "!!!" is not a cursor/);
    expectBadInput(await post(`{ devices(after: "${Buffer.from('OffsetConnection:abc').toString('base64')}") { totalCount } }`), /not a cursor/);
    const page = await post('{ devices(first: 2) { pageInfo { endCursor } } }');
    const next = await post(`{ devices(first: 2, after: "${page.body?.data.devices.pageInfo.endCursor}") { edges { node { name } } } }`);
    expect(next.body?.errors).toBeUndefined();
  });

  it('answers malformed global ids with what is wrong, unknown ones with null, and applies the as-of rules', async () => {
    expectBadInput(await post('{ node(id: "%%%") { id } }'), /not a global id of this service/);
    const id = (text: string) => Buffer.from(text).toString('base64');
    expectBadInput(await post(`{ node(id: "${id('Company:leica@2099-01-01')}") { id } }`), /2099-01-01 is in the future/);
    expectBadInput(await post(`{ node(id: "${id('Company:leica@not-a-date')}") { id } }`), /YYYY-MM-DD/);
    expectBadInput(await post(`{ node(id: "${id('Spaceship:leica@2021-01-01')}") { id } }`), /not a global id/);
    const unknown = await post(`{ node(id: "${id('Company:nobody-at-all@2021-01-01')}") { id } }`);
    expect(unknown.body).toEqual({ data: { node: null }, extensions: expect.anything() });
    const leica = await post('{ company(id: "leica", asOf: "2021-11-16") { id } }');
    const same = await post(`{ node(id: "${leica.body?.data.company.id}") { ... on Company { name asOf } } }`);
    expect(same.body?.data.node).toMatchObject({ asOf: '2021-11-16' });
  });

  it('refuses search operators and too many words, saying what to change', async () => {
    for (const operator of ['AND', 'OR', 'NOT']) {
      expectBadInput(await post(`{ search(text: "Leica ${operator} Xiaomi") { __typename } }`), new RegExp(`"${operator}" would be read as a Lucene operator`));
    }
    const words = Array.from({ length: 1025 }, (_, i) => `w${i}`).join(' ');
    const tooMany = await post('query($t: String!) { search(text: $t) { __typename } }', { t: words });
    expect(tooMany.body?.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expectBadInput(await post('query($t: String!) { search(text: $t) { __typename } }', { t: 'leica '.repeat(40) }), /40 words; at most 32 .*MAX_SEARCH_WORDS/);
    const lowercase = await post('{ search(text: "leica and xiaomi") { __typename } }');
    expect(lowercase.body?.errors).toBeUndefined();
  });

  it('refuses variables that do not fit their types with a code', async () => {
    expectRefused(await post('query($t: String!) { search(text: $t) { __typename } }', { t: null }), 400, 'BAD_USER_INPUT', /\$t/);
    expectRefused(await post('query($n: Int) { devices(first: $n) { totalCount } }', { n: 'ten' }), 400, 'BAD_USER_INPUT', /\$n/);
  });

  it('refuses a 9,000-character name before writing', async () => {
    const answer = await post(
      'mutation($input: CompanyInput!) { upsertCompany(input: $input) { __typename } }',
      { input: { id: `${p}-long`, name: 'n'.repeat(9_000), roles: ['MANUFACTURER'] } },
      asWriter,
    );
    expectRefused(answer, 400, 'BAD_USER_INPUT', /Mutation.upsertCompany\(input:\).name is 9000 characters long; at most 2000 .*MAX_STRING_LENGTH/);
  });

  it('refuses writes that would only be known after today, naming the rule, and writes nothing', async () => {
    const cases: [string, string, Record<string, unknown>, string][] = [
      ['upsertCompany', 'CompanyInput', { id: `${p}-future-co`, name: 'Future Co', roles: ['MANUFACTURER'], knownSince: '2099-01-01' }, 'input.knownSince'],
      ['upsertSource', 'SourceInput', { id: `${p}-future-src`, url: 'https://example.com/x', title: 'From the future', publishedOn: '2099' }, 'input.publishedOn'],
      [
        'recordClaim',
        'ClaimInput',
        { id: `${p}-future-claim`, statement: 'Leica will partner with Xiaomi', kind: 'WILL_PARTNER', subjects: ['leica'], publishedOn: '9999-12-31' },
        'input.publishedOn',
      ],
    ];
    for (const [field, inputType, input, problemField] of cases) {
      const answer = await post(
        `mutation($input: ${inputType}!) { ${field}(input: $input) { __typename ... on ValidationError { problems { field message } } } }`,
        { input },
        asWriter,
      );
      expect(answer.body?.errors, answer.text).toBeUndefined();
      expect(answer.body?.data[field].__typename).toBe('ValidationError');
      expect(answer.body?.data[field].problems[0]).toMatchObject({ field: problemField, message: expect.stringMatching(/after today.*nothing is recorded as known after today/) });
    }
    const [row] = await harness.graph.runScript('MATCH (n) WHERE n.id STARTS WITH $prefix RETURN count(n) AS n', { prefix: `${p}-future` });
    expect(Number(row!.n)).toBe(0);
  });

  it('names the depth limit and its setting with its own code and a 400', async () => {
    const shallow = harnessWith({ MAX_QUERY_DEPTH: '3' });
    const query = '{ manufacturers(first: 1) { edges { node { devices(first: 1) { edges { node { name } } } } } } }';
    expectRefused(await post(query, {}, {}, shallow.app), 400, 'QUERY_TOO_DEEP', /7 levels deep; at most 3 .*MAX_QUERY_DEPTH/);
    // Under application/json the GraphQL-over-HTTP spec keeps request errors at 200; the code stays.
    const legacy = await post(query, {}, { accept: 'application/json' }, shallow.app);
    expect(legacy.status).toBe(200);
    expect(legacy.body?.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
  });

  it('refuses too many directives', async () => {
    const query = `{ serviceInfo { ${Array.from({ length: 60 }, (_, i) => `e${i % 10}: edition @include(if: true)`).join(' ')} } }`;
    const answer = await post(query, {}, {}, harnessWith({ MAX_QUERY_ALIASES: '100' }).app);
    expectRefused(answer, 400, 'TOO_MANY_DIRECTIVES', /60 directives; at most 50 .*MAX_QUERY_DIRECTIVES/);
  });

  it('requires a JWT to carry exp, with a bounded lifetime', async () => {
    const secret = new TextEncoder().encode(jwtSecret);
    const upsert = 'mutation { upsertSource(input: {id: "x", url: "https://e.com", title: "t", publishedOn: "2021"}) { __typename } }';
    const forever = await new SignJWT({ scope: 'write' }).setProtectedHeader({ alg: 'HS256' }).setSubject('t').sign(secret);
    expectRefused(await post(upsert, {}, { authorization: `Bearer ${forever}` }), 401, 'UNAUTHENTICATED', /"exp"/);
    const yearLong = await new SignJWT({ scope: 'write' }).setProtectedHeader({ alg: 'HS256' }).setSubject('t').setIssuedAt().setExpirationTime('365d').sign(secret);
    expectRefused(await post(upsert, {}, { authorization: `Bearer ${yearLong}` }), 401, 'UNAUTHENTICATED', /JWT_MAX_LIFETIME_SECONDS/);
  });
});

describe('what the limits must still let through', () => {
  it("answers GraphiQL's full introspection query", async () => {
    const query = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true });
    const answer = await post(query);
    expect(answer.body?.errors).toBeUndefined();
    expect(answer.body?.data.__schema.queryType.name).toBe('Query');
  });
});

describe('malformed HTTP', () => {
  it('refuses malformed JSON', async () => {
    const answer = await send({ method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ serviceInfo { edition } }"' });
    expect(answer.status).toBe(400);
    expect(answer.body?.errors?.[0]?.message).toMatch(/JSON/i);
  });

  it('refuses a content type it does not read', async () => {
    const answer = await send({ method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{ serviceInfo { edition } }' });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
  });

  it('refuses a mutation over GET', async () => {
    const query = encodeURIComponent('mutation { upsertSource(input: {id: "x", url: "https://e.com", title: "t", publishedOn: "2021"}) { __typename } }');
    const answer = await send({ method: 'GET', path: `/graphql?query=${query}`, headers: asWriter });
    expect(answer.status).toBe(405);
    expect(answer.body?.errors?.[0]?.message).toMatch(/mutation operation from a POST request/);
  });

  it('refuses batched arrays', async () => {
    const answer = await send({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ serviceInfo { edition } }' }, { query: '{ serviceInfo { edition } }' }]),
    });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
  });

  it('refuses a 1 MB query with 413, before reading it', async () => {
    const answer = await post(`{ serviceInfo { edition } } ${'#'.repeat(1_000_000)}`);
    expectRefused(answer, 413, 'REQUEST_ENTITY_TOO_LARGE', /at most 102400 bytes \(MAX_REQUEST_BYTES\)/);
  });
});
