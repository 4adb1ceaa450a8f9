/**
 * What a page reads, from what its query selects: the pure half of selection-built projections
 * (src/schema/page-shape.ts decides the entries; src/graph/statements.ts narrows the Cypher text).
 */
import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { statement } from '../../src/graph/statements.ts';
import { claimPageShape } from '../../src/schema/claim.ts';
import { devicePageShape } from '../../src/schema/device.ts';
import { pageReading } from '../../src/schema/page-shape.ts';

/** The resolve info of the first field inside `{ ... }` of the document, as graphql-js hands it to the connection's resolver. */
function infoOf(document: string): GraphQLResolveInfo {
  const parsed = parse(document);
  const operation = parsed.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const field = operation?.selectionSet.selections[0] as FieldNode;
  const fragments = Object.fromEntries(parsed.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  return { fieldNodes: [field], fragments } as unknown as GraphQLResolveInfo;
}

describe('a page of devices reads what its query shows', () => {
  it('reads names and optics partners, and brings along only the optics partners', () => {
    const reading = pageReading(infoOf('{ devices { edges { node { name opticsPartner { name } } } } }'), devicePageShape);
    expect(reading.selection).toEqual({ device: ['id', 'name', 'opticsPartnerId'] });
    expect(reading.embedVia).toEqual(['CO_ENGINEERED_WITH']);
  });

  it('follows fragments and inline fragments, and reads every date a status needs', () => {
    const reading = pageReading(
      infoOf('{ devices { totalCount edges { cursor node { ...D ... on Device { manufacturer { name } } } } } } fragment D on Device { status }'),
      devicePageShape,
    );
    expect(reading.selection?.device).toEqual(
      ['announced', 'announcedKnownSince', 'cancelled', 'cancelledKnownSince', 'id', 'manufacturerId', 'released', 'releasedKnownSince'].sort(),
    );
    expect(reading.embedVia).toEqual(['MADE_BY']);
  });

  it('reads only ids when the query asks for the count alone', () => {
    expect(pageReading(infoOf('{ devices { totalCount } }'), devicePageShape).selection).toEqual({ device: ['id'] });
  });

  it('reads full rows, for the entity loader, when a field is not in the table', () => {
    const reading = pageReading(infoOf('{ devices { edges { node { name somethingNew } } } }'), devicePageShape);
    expect(reading.selection).toBeUndefined();
    expect(reading.embedVia).toEqual(['MADE_BY', 'BUILT_BY', 'CO_ENGINEERED_WITH']);
  });

  it('tells two selections of one statement apart, so their batches never mix', () => {
    const names = pageReading(infoOf('{ devices { edges { node { name } } } }'), devicePageShape);
    const sources = pageReading(infoOf('{ devices { edges { node { name sources { slug } } } } }'), devicePageShape);
    expect(names.signature).not.toBe(sources.signature);
  });
});

describe('a page of claims reads the devices they name as far as the query shows them', () => {
  const claims = (fields: string, fragments = '') => pageReading(infoOf(`{ claims { edges { node { statement ${fields} } } } } ${fragments}`), claimPageShape);

  it('narrows the devices to the fields shown on Device, leaving out those shown on Company, and reads no companies of them', () => {
    const reading = claims('subjects { ... on Company { name country } ... on Device { name } }');
    expect(reading.selection).toEqual({ claim: ['embeddedCompanies', 'embeddedDevices', 'id', 'statement', 'subjects'], device: ['id', 'name'] });
    expect(reading.narrowedEmbeds).toEqual(['embeddedDevices']);
  });

  it("brings the devices' companies along when a device field shows one, through named fragments and fragments on the union", () => {
    const reading = claims('subjects { ...S }', 'fragment S on ClaimSubject { __typename ...D } fragment D on Device { slug manufacturer { name } }');
    expect(reading.selection?.claim).toContain('embeddedDeviceCompanies');
    expect(reading.selection?.device).toEqual(['id', 'manufacturerId']);
  });

  it('reads the devices whole, with their companies and into the loader, when a device field is not in their table', () => {
    const reading = claims('subjects { ... on Device { name somethingNew } }');
    expect(reading.selection?.device).toBeUndefined();
    expect(reading.selection?.claim).toContain('embeddedDeviceCompanies');
    expect(reading.narrowedEmbeds).toBeUndefined();
  });

  it('tells two device selections apart, so their batches never mix', () => {
    expect(claims('subjects { ... on Device { name } }').signature).not.toBe(claims('subjects { ... on Device { name opticsPartner { name } } }').signature);
    expect(claims('subjects { ... on Device { name } }').signature).not.toBe(claims('subjects { ... on Device { name somethingNew } }').signature);
  });
});

describe('a statement narrowed to a selection', () => {
  const full = statement('company-devices');
  const narrowed = statement('company-devices', { device: ['id', 'name', 'opticsPartnerId'] });

  /** The device projection of each row (`collect(d { ... }) AS rows`), and the statement around it. */
  const rowsOf = (text: string) => text.slice(text.indexOf('collect(d {'), text.indexOf(') AS rows'));
  const around = (text: string) => [text.slice(0, text.indexOf('collect(d {')), text.slice(text.indexOf(') AS rows'))];

  it('returns the kept properties and computed entries of the device projection, and nothing else of it', () => {
    const rows = rowsOf(narrowed);
    expect(rows).toContain('.name');
    expect(rows).toContain('opticsPartnerId:');
    expect(rows).not.toContain('.*');
    expect(rows).not.toContain('sourceIds');
    expect(rows).not.toContain('manufacturerId');
    expect(rowsOf(full)).toContain('.*');
  });

  it('keeps everything else of the statement as written', () => {
    expect(around(narrowed)).toEqual(around(full));
  });

  it('refuses a name that is not a plain name, so nothing but names from the tables enters the text', () => {
    expect(() => statement('company-devices', { device: ['id', 'name} RETURN 1 //'] })).toThrow(/not a plain property/);
  });

  it("keeps every property with `*`, leaving out only the computed entries not kept (the outlook's whole partnerships)", () => {
    const whole = statement('outlook-facts', { partnership: ['*', 'manufacturerId', 'sourceIds'] });
    const partnerships = whole.slice(whole.indexOf('collect(p {'), whole.indexOf('AS partnerships'));
    expect(partnerships).toContain('.*');
    expect(partnerships).toContain('manufacturerId:');
    expect(partnerships).toContain('sourceIds:');
    expect(partnerships).not.toContain('embeddedCompanies');
    expect(partnerships).not.toContain('exclusivityIds');
  });
});

describe('a page of companies that reads the devices page of each', () => {
  const alone = statement('company-devices');
  const nested = statement('list-companies', { company: ['id', 'name'], device: ['id', 'name', 'opticsPartnerId'] });
  const part = (text: string) => text.slice(text.indexOf('CALL (company) {'), text.indexOf('RETURN collect(d) AS page'));

  it('pages them by the same rule as Company.devices alone, under its own paging parameters', () => {
    expect(part(nested)).toBe(part(alone).replaceAll('$withTotal', '$devicesWithTotal').replaceAll('$offset', '$devicesOffset').replaceAll('$limit', '$devicesLimit'));
    expect(part(nested)).toContain('$asOf');
    expect(nested).toContain('type(r) IN $devicesEmbedVia');
  });

  it('narrows the companies and the devices each to what the query shows', () => {
    const projected = (of: string) => nested.slice(nested.indexOf(`collect(${of} {`), nested.indexOf(') AS rows', nested.indexOf(`collect(${of} {`)));
    const companies = projected('c');
    expect(companies).toContain('.name');
    expect(companies).not.toContain('sourceIds');
    const devices = projected('d');
    expect(devices).toContain('opticsPartnerId:');
    expect(devices).not.toContain('manufacturerId');
  });
});
