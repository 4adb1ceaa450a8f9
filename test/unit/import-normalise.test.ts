import { describe, expect, it } from 'vitest';
import type { Bundle } from '../../src/import/bundle.ts';
import { normaliseBundle } from '../../src/import/normalise.ts';
import { jsonErrorOffset } from '../../src/import/read-bundle-file.ts';

const bundle: Bundle = {
  format: 'optics-graph-bundle/1',
  sources: [{ id: 'article', url: 'https://example.test', title: 'T', publishedOn: '2021-Q4' }],
  companies: [
    { id: 'old', name: 'Old', roles: ['MANUFACTURER', 'OPTICS_PARTNER'], founded: '1869' },
    { id: 'unknown-age', name: 'Unknown age', roles: ['OPTICS_PARTNER'] },
  ],
  partnerships: [{ id: 'p', manufacturer: 'old', opticsPartner: 'unknown-age', start: '2016-H1', end: '2022-03', sources: ['article', 'article'] }],
  exclusivities: [{ id: 'by-launch', partnership: 'p', binds: 'BOTH', start: '2016', endsWithLaunchOf: 'phone', certainty: 'INFERRED' }],
  devices: [{ id: 'phone', name: 'Phone', manufacturer: 'old', announced: '2021-07-29', releasedKnownSince: null }],
  leakers: [
    { id: 'quiet', name: 'Quiet' },
    { id: 'busy', name: 'Busy' },
  ],
  claims: [
    { id: 'c2', leaker: 'busy', statement: 's', kind: 'OTHER', subjects: ['old'], publishedOn: '2021-05-02' },
    {
      id: 'c1',
      leaker: 'busy',
      statement: 's',
      kind: 'OTHER',
      subjects: ['old', 'phone'],
      publishedOn: '2021-03-01',
      evidence: [{ url: null, description: 'd', kind: 'IMAGE' }],
      resolutions: [
        { outcome: 'REFUTED', decidedOn: '2021-03-05' },
        { outcome: 'CONFIRMED', decidedOn: '2022-01-01', knownSince: '2022-02-01' },
      ],
    },
  ],
};

describe('normalising a bundle into stored rows', () => {
  const rows = normaliseBundle(bundle);
  const props = (kind: keyof typeof rows.nodes, id: string) => rows.nodes[kind].find((row) => row.id === id)!.props;

  it('stores every imprecise date with the first and last day of its period', () => {
    expect(props('partnerships', 'p')).toMatchObject({
      start: '2016-H1',
      startFirstDay: '2016-01-01',
      startLastDay: '2016-06-30',
      end: '2022-03',
      endFirstDay: '2022-03-01',
      endLastDay: '2022-03-31',
    });
    expect(props('sources', 'article')).toMatchObject({ publishedOnFirstDay: '2021-10-01', publishedOnLastDay: '2021-12-31', knownSince: '2021-10-01' });
  });

  it('applies the known-since defaults of bundle-format.md', () => {
    expect(props('companies', 'old').knownSince).toBe('1869-01-01');
    expect(props('companies', 'unknown-age').knownSince).toBe('1900-01-01');
    expect(props('partnerships', 'p')).toMatchObject({ knownSince: '2016-01-01', endKnownSince: '2022-03-01' });
    expect(props('devices', 'phone')).toMatchObject({ knownSince: '2021-07-29', announcedKnownSince: '2021-07-29', releasedKnownSince: null });
    expect(props('claims', 'c1').knownSince).toBe('2021-03-01');
  });

  it('leaves the end of a clause that ends with a launch unknown until the launch', () => {
    expect(props('exclusivities', 'by-launch')).toMatchObject({ end: null, endKnownSince: null, regions: null, exceptRegions: [] });
    expect(rows.links.exclusivities[0]!.links).toEqual(['CLAUSE_OF p', 'ENDS_WITH_LAUNCH_OF phone']);
  });

  it('knows a leaker from their earliest claim in the bundle, else from 1900-01-01', () => {
    expect(props('leakers', 'busy').knownSince).toBe('2021-03-01');
    expect(props('leakers', 'quiet').knownSince).toBe('1900-01-01');
  });

  it('numbers resolutions from 1, oldest first, known from their decision by default', () => {
    expect(rows.nodes.resolutions.map((row) => row.props)).toEqual([
      { id: 'c1#1', position: 1, outcome: 'REFUTED', decidedOn: '2021-03-05', knownSince: '2021-03-05', note: null },
      { id: 'c1#2', position: 2, outcome: 'CONFIRMED', decidedOn: '2022-01-01', knownSince: '2022-02-01', note: null },
    ]);
    expect(rows.links.claims.find((row) => row.id === 'c1')!.to.RESOLVED_AS).toEqual(['c1#1', 'c1#2']);
  });

  it('stores evidence as JSON text with a fixed key order', () => {
    expect(props('claims', 'c1').evidence).toBe('[{"kind":"IMAGE","description":"d","url":null}]');
    expect(props('claims', 'c2').evidence).toBe('[]');
  });

  it('turns roles into labels and repeated references into one relationship', () => {
    expect(rows.nodes.companies[0]).toMatchObject({ manufacturer: true, opticsPartner: true });
    expect(rows.nodes.companies[1]).toMatchObject({ manufacturer: false, opticsPartner: true });
    expect(rows.links.partnerships[0]!.to.REPORTED_IN).toEqual(['article']);
  });
});

describe('finding where a text stops being JSON', () => {
  it('points at the first character that cannot continue it', () => {
    expect(jsonErrorOffset('{"a": [1, 2,]}')).toBe(12);
    expect(jsonErrorOffset('{"a": tru}')).toBe(6);
    expect(jsonErrorOffset('{"a": "x\ny"}')).toBe(8);
    expect(jsonErrorOffset('[1, 2')).toBe(5);
    expect(jsonErrorOffset('{"a": 1} x')).toBe(9);
    expect(jsonErrorOffset('{"a": [1, {"b": null}], "c": "\\u00e9"}')).toBe(38);
  });
});
