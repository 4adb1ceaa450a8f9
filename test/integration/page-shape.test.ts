/**
 * Pages narrowed to what the query shows (src/schema/page-shape.ts) must answer exactly what full
 * rows answer, also when one document shows the same devices with other fields elsewhere: narrowed
 * rows never stand in for full ones.
 */
import { getNamedType, isInterfaceType, isObjectType, isUnionType, type GraphQLOutputType } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { claimPageShape } from '../../src/schema/claim.ts';
import { companyPageShape } from '../../src/schema/company.ts';
import { devicePageShape } from '../../src/schema/device.ts';
import { schema } from '../../src/schema/index.ts';
import { createHarness } from '../support/harness.ts';

// Without the response cache: each document is read from the graph (not answered as kept), and its
// round trips are the statements it runs, not also the read of the graph's version.
const harness = createHarness({ RESPONSE_CACHE_ENTRIES: '0' });
afterAll(() => harness.close());

async function ask(query: string): Promise<any> {
  const result = await harness.graphql<any>(query);
  expect(result.errors).toBeUndefined();
  return result.data;
}

const FULL_DEVICE =
  'slug name status announced { text } released { text } knownSince manufacturer { name } opticsPartner { name } partnership { slug } became { slug } sources { slug }';

it('shows the same devices whether a document asks for their names, for everything, or both', async () => {
  const alone = await ask(`{ opticsPartner(id: "leica") { coEngineeredDevices(first: 50) { edges { node { ${FULL_DEVICE} } } } } }`);
  const names = await ask(`{ opticsPartner(id: "leica") { coEngineeredDevices(first: 50) { edges { node { name } } } } }`);
  const both = await ask(`{
    opticsPartner(id: "leica") {
      names: coEngineeredDevices(first: 50) { edges { node { name } } }
      full: coEngineeredDevices(first: 50) { edges { node { ${FULL_DEVICE} } } }
    }
    device(id: "huawei-p50") { ${FULL_DEVICE} }
  }`);
  // A device a page shows by name, reached again by key one level down: the key loads a full row.
  const became = await ask(`{
    opticsPartner(id: "leica") {
      names: coEngineeredDevices(first: 50) { edges { node { name } } }
      rumours: coEngineeredDevices(first: 50) { edges { node { slug became { ${FULL_DEVICE} } } } }
    }
  }`);
  const fullDevices = alone.opticsPartner.coEngineeredDevices.edges.map((e: any) => e.node);
  expect(fullDevices.length).toBeGreaterThanOrEqual(5);
  expect(fullDevices.some((d: any) => d.sources.length > 0)).toBe(true);
  expect(both.opticsPartner.full.edges.map((e: any) => e.node)).toEqual(fullDevices);
  expect(both.opticsPartner.names).toEqual(names.opticsPartner.coEngineeredDevices);
  expect(both.device).toEqual(fullDevices.find((d: any) => d.slug === 'huawei-p50'));
  const shipped = became.opticsPartner.rumours.edges.map((e: any) => e.node.became).filter(Boolean);
  expect(shipped.length).toBeGreaterThan(0);
  for (const device of shipped) expect(device).toEqual(fullDevices.find((d: any) => d.slug === device.slug));
});

it('shows a narrowed page of devices with their makers as a page of full rows does, as of a day', async () => {
  const page = (fields: string) => `{ devices(opticsPartner: "leica", asOf: "2021-11-16", first: 50) { totalCount edges { node { ${fields} } } } }`;
  const narrowed = await ask(page('name manufacturer { name country }'));
  const full = await ask(page(`${FULL_DEVICE} manufacturer { name country }`));
  expect(narrowed.devices.totalCount).toBe(full.devices.totalCount);
  expect(narrowed.devices.edges.map((e: any) => e.node)).toEqual(full.devices.edges.map((e: any) => ({ name: e.node.name, manufacturer: e.node.manufacturer })));
});

/** A selection for a field of the given type that resolves it fully without asking for more entities. */
function subselection(type: GraphQLOutputType): string {
  const named = getNamedType(type);
  if (!isObjectType(named) && !isInterfaceType(named) && !isUnionType(named)) return '';
  if (named.name.endsWith('Connection')) return '{ totalCount }';
  if (named.name === 'FuzzyDate') return '{ text firstDay lastDay }';
  if (isObjectType(named)) {
    const scalars = Object.values(named.getFields()).filter((f) => f.args.length === 0 && !isObjectType(getNamedType(f.type)) && !isUnionType(getNamedType(f.type)));
    return `{ __typename ${scalars.map((f) => f.name).join(' ')} }`;
  }
  return '{ __typename }';
}

it.each([
  ['Device', 'devices', 'device', devicePageShape],
  ['Claim', 'claims', 'claim', claimPageShape],
  ['Company', 'companies', 'company', companyPageShape],
] as const)('answers each field of a %s in a narrowed page as the full row of its lookup does', async (typeName, list, lookup, shape) => {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
  const asOf = '2022-06-01';
  for (const field of Object.keys(shape.needs)) {
    const selection = `slug ${field} ${subselection(type.getFields()[field]?.type ?? type)}`;
    const page = await ask(`{ ${list}(asOf: "${asOf}", first: 60) { edges { node { ${selection} } } } }`);
    const nodes = page[list].edges.map((e: any) => e.node);
    expect(nodes.length, `${list} on ${asOf}`).toBeGreaterThan(0);
    for (const node of nodes.slice(0, 25)) {
      const one = await ask(`{ ${lookup}(id: "${node.slug}", asOf: "${asOf}") { ${selection} } }`);
      expect(node, `${typeName} ${node.slug}, field ${field}`).toEqual(one[lookup]);
    }
  }
});

// base64 of "OffsetConnection:1": after the second device of each maker.
const AFTER_SECOND = Buffer.from('OffsetConnection:1').toString('base64');

// The fields of a device that its row and the companies it brings along answer, without reading by key.
const DEVICE_OF_ITS_ROW = 'slug name status announced { text } released { text } knownSince manufacturer { name } opticsPartner { name country }';

// The most round trips each document may take: 1 is list-companies alone; the full device reads
// its partnership, what it became and its sources by key at the next level (one statement each).
it.each([
  ['manufacturers', '2021-11-16', 'first: 3', 'name opticsPartner { name }', 1],
  ['manufacturers', '2021-11-16', 'first: 2, after: $after', `totalCount ${DEVICE_OF_ITS_ROW}`, 1],
  ['manufacturers', null, 'first: 50', `totalCount ${FULL_DEVICE}`, 4],
  ['companies', '2019-06-01', 'first: 2', `totalCount ${DEVICE_OF_ITS_ROW}`, 1],
  ['companies', null, 'first: 1, after: $after', 'slug', 1],
] as const)('reads the devices of each company of %s (as of %s, %s) with the page of companies, as each company alone reads them', async (list, asOf, paging, selection, trips) => {
  // A leading totalCount is the connection's: counted only when asked for.
  const [count, fields] = selection.startsWith('totalCount ') ? ['totalCount', selection.slice('totalCount '.length)] : ['', selection];
  const day = asOf ? `asOf: "${asOf}", ` : '';
  const variables = paging.includes('$after') ? '($after: String)' : '';
  const devices = `devices(${paging}) { ${count} pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { ${fields} } } }`;
  const nested = await harness.graphql<any>(`query ${variables} { ${list}(${day}first: 40) { edges { node { slug ${devices} } } } }`, { after: AFTER_SECOND });
  expect(nested.errors).toBeUndefined();
  // The page of companies brought each company's devices page along: no company-devices statement.
  expect(nested.extensions?.cypherRoundTrips).toBeLessThanOrEqual(trips);
  const companies = nested.data[list].edges.map((e: any) => e.node);
  expect(companies.length).toBeGreaterThan(0);
  expect(companies.some((c: any) => c.devices.edges.length > 0)).toBe(true);
  for (const company of companies) {
    const alone = await harness.graphql<any>(`query ${variables} { company(id: "${company.slug}", ${day.replace(', ', '')}) { slug ${devices} } }`, { after: AFTER_SECOND });
    expect(alone.errors).toBeUndefined();
    expect(company, `${list} ${company.slug} ${paging}`).toEqual(alone.data.company);
  }
});

// A claim with everything it shows: its own row, the companies and devices it names, its leaker and
// its sources and resolutions (read by key at the next level).
const FULL_CLAIM =
  'slug statement kind publishedOn outcome outcomeDecidedOn subjects { ... on Company { slug name } ... on Device { slug name manufacturer { name } } } leaker { name } sources { slug } resolutions { outcome }';

// The most round trips each document may take: 1 is leaker-with-claims alone.
it.each([
  ['2021-11-16', 'first: 3', 'statement publishedOn subjects { ... on Company { name } ... on Device { name } }', 1],
  ['2022-06-01', 'first: 2, after: $after', `totalCount ${FULL_CLAIM}`, 3],
  [null, 'first: 50', `totalCount ${FULL_CLAIM}`, 3],
  [null, 'first: 1, after: $after', 'slug', 1],
] as const)('reads the claims of a leaker (as of %s, %s) with the leaker, as the page read on its own reads them', async (asOf, paging, selection, trips) => {
  const [count, fields] = selection.startsWith('totalCount ') ? ['totalCount', selection.slice('totalCount '.length)] : ['', selection];
  const day = asOf ? `, asOf: "${asOf}"` : '';
  const variables = paging.includes('$after') ? '($after: String)' : '';
  const claims = (directive: string) =>
    `claims(${paging}) ${directive} { ${count} pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { ${fields} } } }`;
  const document = (directive: string) => `query ${variables} { leaker(id: "digital-chat-station"${day}) { slug name ${claims(directive)} } }`;
  const ahead = await harness.graphql<any>(document(''), { after: AFTER_SECOND });
  // A directive on the field makes the leaker read it on its own, after the leaker (paging.ts, nestedRequest).
  const alone = await harness.graphql<any>(document('@include(if: true)'), { after: AFTER_SECOND });
  expect(ahead.errors).toBeUndefined();
  expect(alone.errors).toBeUndefined();
  expect(ahead.data.leaker.claims.edges.length).toBeGreaterThan(0);
  expect(ahead.data).toEqual(alone.data);
  expect(ahead.extensions?.cypherRoundTrips).toBeLessThanOrEqual(trips);
  expect(ahead.extensions?.cypherRoundTrips).toBeLessThan(alone.extensions?.cypherRoundTrips as number);
});

describe('the devices a page of claims names, read as far as the query shows them', () => {
  const SUBJECTS = 'subjects { ... on Company { slug name country } ... on Device { slug name status announced { text } manufacturer { name } opticsPartner { name } } }';

  it('answers what each claim read whole answers, on several days, in one round trip', async () => {
    for (const asOf of ['2021-11-16', '2022-06-01', '2024-01-01']) {
      const page = await harness.graphql<any>(`{ leaker(id: "digital-chat-station", asOf: "${asOf}") { claims(first: 50) { edges { node { slug ${SUBJECTS} } } } } }`);
      expect(page.errors).toBeUndefined();
      expect(page.extensions?.cypherRoundTrips).toBe(1);
      const nodes = page.data.leaker.claims.edges.map((e: any) => e.node);
      expect(nodes.some((n: any) => n.subjects.some((s: any) => s.manufacturer))).toBe(true);
      for (const node of nodes.slice(0, 15)) {
        // A field the shapes do not know (outcome's history) makes the claim lookup read whole rows.
        const whole = await ask(`{ claim(id: "${node.slug}", asOf: "${asOf}") { slug ${SUBJECTS} resolutions { outcome } } }`);
        const { resolutions, ...shown } = whole.claim;
        expect(Array.isArray(resolutions)).toBe(true);
        expect(node, `${node.slug} on ${asOf}`).toEqual(shown);
      }
    }
  });

  it('never lets a narrowed device stand in for a whole one elsewhere in the document', async () => {
    const page = await ask('{ leaker(id: "digital-chat-station") { claims(first: 50) { edges { node { subjects { ... on Device { slug } } } } } } }');
    const slugs = page.leaker.claims.edges.flatMap((e: any) => e.node.subjects.map((s: any) => s.slug).filter(Boolean));
    expect(slugs.length).toBeGreaterThan(0);
    const alone = await ask(`{ device(id: "${slugs[0]}") { id ${FULL_DEVICE} } }`);
    // node(id:) reads through the device loader, where a narrowed row would show up lacking.
    const mixed = await ask(`{
      leaker(id: "digital-chat-station") { claims(first: 50) { edges { node { subjects { ... on Device { slug name } } } } } }
      node(id: "${alone.device.id}") { ... on Device { id ${FULL_DEVICE} } }
    }`);
    expect(mixed.node).toEqual(alone.device);
  });
});

it('finds no leaker, and reads no page, as of a day before the leaker was known', async () => {
  const result = await harness.graphql<any>('{ leaker(id: "digital-chat-station", asOf: "2000-01-01") { name claims(first: 5) { totalCount edges { node { slug } } } } }');
  expect(result.errors).toBeUndefined();
  expect(result.data.leaker).toBeNull();
  expect(result.extensions?.cypherRoundTrips).toBe(1);
});

describe('a device looked up by id, read as far as the query shows it', () => {
  const SHOWN = 'name status announced { text } manufacturer { name country } opticsPartner { name }';

  it('answers what its full row answers, on every day, and nothing for a day before it was known', async () => {
    for (const asOf of ['2019-01-01', '2021-06-01', '2021-11-16', '2024-01-01']) {
      const shown = await harness.graphql<any>(`{ device(id: "huawei-p50", asOf: "${asOf}") { id ${SHOWN} } }`);
      expect(shown.errors).toBeUndefined();
      if (shown.data.device === null) {
        expect(asOf).toBe('2019-01-01');
        continue;
      }
      // node(id:) loads the whole row through the device loader, as of the same day.
      const full = await ask(`{ node(id: "${shown.data.device.id}") { ... on Device { id ${SHOWN} sources { slug } } } }`);
      const { sources, ...fullShown } = full.node;
      expect(sources.length).toBeGreaterThan(0);
      expect(shown.data.device).toEqual(fullShown);
      expect(shown.extensions?.cypherRoundTrips).toBe(1);
    }
    expect((await ask('{ device(id: "no-such-device") { name manufacturer { name } } }')).device).toBeNull();
  });

  it('reads aliased lookups with the same selection in one round trip, and two lookups of one device with different selections each get what they show', async () => {
    const page = await ask('{ opticsPartner(id: "leica") { coEngineeredDevices(first: 3) { edges { node { slug } } } } }');
    const [first, second] = page.opticsPartner.coEngineeredDevices.edges.map((e: any) => e.node.slug);
    const both = await harness.graphql<any>(`{ a: device(id: "${first}") { name opticsPartner { name } } b: device(id: "${second}") { name opticsPartner { name } } }`);
    expect(both.errors).toBeUndefined();
    expect(both.extensions?.cypherRoundTrips).toBe(1);
    expect(both.data.a.opticsPartner.name).toBe('Leica Camera AG');
    const mixed = await ask(`{ a: device(id: "${first}") { name } b: device(id: "${first}") { ${FULL_DEVICE} } }`);
    const alone = await ask(`{ device(id: "${first}") { ${FULL_DEVICE} } }`);
    expect(mixed.b).toEqual(alone.device);
    expect(mixed.a.name).toBe(alone.device.name);
  });
});
