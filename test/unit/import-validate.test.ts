import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { existingIds, noExistingIds, type ExistingIds } from '../../src/import/existing-ids.ts';
import { validateBundle, type Problem } from '../../src/import/validate.ts';

/** A small bundle with one of everything, valid on an empty graph. */
function goodBundle(): any {
  return {
    format: 'optics-graph-bundle/1',
    sources: [{ id: 'article', url: 'https://example.test/a', title: 'An article', publisher: 'Example', publishedOn: '2021-11-16' }],
    companies: [
      { id: 'maker', name: 'Maker', roles: ['MANUFACTURER'], founded: '1990', sources: ['article'] },
      { id: 'optics', name: 'Optics', roles: ['OPTICS_PARTNER'] },
    ],
    ownerships: [{ id: 'optics-owns-maker', company: 'maker', owner: 'optics', start: '2013', end: '2020-11-17' }],
    partnerships: [{ id: 'maker-optics', manufacturer: 'maker', opticsPartner: 'optics', start: '2016-02-25', end: '2022-03-31', endKnownSince: '2022-05-23' }],
    exclusivities: [
      {
        id: 'maker-optics-exclusivity',
        partnership: 'maker-optics',
        binds: 'OPTICS_PARTNER',
        start: '2016-02-25',
        endsWithLaunchOf: 'phone-2',
        certainty: 'INFERRED',
        knownSince: '2021-11-16',
        exceptRegions: ['JP'],
      },
    ],
    devices: [
      { id: 'phone-1', name: 'Phone 1', manufacturer: 'maker', opticsPartner: 'optics', partnership: 'maker-optics', announced: '2021-07-29', released: '2021-08' },
      { id: 'phone-2', name: 'Phone 2', manufacturer: 'maker', knownSince: '2021-03-01', becameDevice: 'phone-1' },
    ],
    leakers: [{ id: 'leaker', name: 'Leaker', platform: 'Weibo' }],
    claims: [
      {
        id: 'claim-1',
        leaker: 'leaker',
        statement: 'Maker and Optics will partner.',
        kind: 'WILL_PARTNER',
        subjects: ['maker', 'optics', 'phone-2'],
        publishedOn: '2021-11-16',
        evidence: [{ kind: 'IMAGE', description: 'a logo' }],
        resolutions: [
          { outcome: 'REFUTED', decidedOn: '2021-11-18' },
          { outcome: 'CONFIRMED', decidedOn: '2022-05-23', sources: ['article'] },
        ],
        sources: ['article'],
      },
    ],
  };
}

function problemsOf(bundle: unknown, existing: ExistingIds = noExistingIds()): Problem[] {
  return validateBundle(bundle, existing);
}

function at(problems: Problem[], path: string): string[] {
  return problems.filter((p) => p.path === path).map((p) => p.message);
}

describe('validating a bundle', () => {
  it('finds nothing wrong with a well-formed bundle', () => {
    expect(problemsOf(goodBundle())).toEqual([]);
  });

  it('finds nothing wrong with the demo bundle on an empty graph', () => {
    const demo = JSON.parse(readFileSync(new URL('../../data/demo-bundle.json', import.meta.url), 'utf8'));
    expect(problemsOf(demo)).toEqual([]);
  });

  it('rejects something that is not a bundle object at all', () => {
    expect(problemsOf([1, 2])).toEqual([{ path: '$', message: expect.stringMatching(/must be an object; got an array/) }]);
  });

  describe('shape (JSON Schema)', () => {
    it('names a missing required field at its own path, saying what it is for', () => {
      const bundle = goodBundle();
      delete bundle.companies[1].name;
      expect(at(problemsOf(bundle), '$.companies[1].name')).toEqual([expect.stringMatching(/required but missing: add it \(Display name\.\)/)]);
    });

    it('names an unknown field and suggests the one probably meant', () => {
      const bundle = goodBundle();
      bundle.companies[0].knownsince = '2020-01-01';
      expect(at(problemsOf(bundle), '$.companies[0].knownsince')).toEqual([expect.stringMatching(/not a known field: did you mean "knownSince"\?/)]);
    });

    it('lists the allowed values of an enum and the value given', () => {
      const bundle = goodBundle();
      bundle.claims[0].kind = 'WILL_MAYBE_PARTNER';
      expect(at(problemsOf(bundle), '$.claims[0].kind')).toEqual([expect.stringMatching(/must be one of WILL_PARTNER, .*OTHER; got "WILL_MAYBE_PARTNER"/)]);
    });

    it('demands the format marker', () => {
      expect(at(problemsOf({ ...goodBundle(), format: 'v2' }), '$.format')).toEqual([expect.stringMatching(/must be exactly "optics-graph-bundle\/1"/)]);
      expect(at(problemsOf({ companies: [] }), '$.format')).toEqual([expect.stringMatching(/required/)]);
    });

    it('explains ids, dates and country codes in words, once per bad value', () => {
      const bundle = goodBundle();
      bundle.companies[0].id = 'Maker Inc';
      bundle.partnerships[0].start = '2016-2';
      bundle.partnerships[0].knownSince = '16/02/2016';
      bundle.exclusivities[0].exceptRegions = ['jp'];
      const problems = problemsOf(bundle);
      expect(at(problems, '$.companies[0].id')).toEqual([expect.stringMatching(/lower-case slug/)]);
      expect(at(problems, '$.partnerships[0].start')).toEqual([expect.stringMatching(/"2016-2" is not a date: write 2021 \(year\)/)]);
      expect(at(problems, '$.partnerships[0].knownSince')).toEqual([expect.stringMatching(/"16\/02\/2016" is not a day: write YYYY-MM-DD/)]);
      expect(at(problems, '$.exclusivities[0].exceptRegions[0]')).toEqual([expect.stringMatching(/ISO 3166-1 alpha-2 code in capitals/)]);
    });

    it('says "or null" for optional fields given the wrong type', () => {
      const bundle = goodBundle();
      bundle.devices[0].builtBy = 42;
      expect(at(problemsOf(bundle), '$.devices[0].builtBy')).toEqual(['must be a string or null; got a number 42']);
    });

    it('points at the repeated item of a list that must not repeat', () => {
      const bundle = goodBundle();
      bundle.claims[0].subjects = ['maker', 'optics', 'maker'];
      expect(at(problemsOf(bundle), '$.claims[0].subjects[2]')).toEqual([expect.stringMatching(/repeats item 0 \("maker"\)/)]);
    });
  });

  describe('dates', () => {
    it('rejects days the calendar does not have, in every date field', () => {
      const bundle = goodBundle();
      bundle.companies[0].knownSince = '2021-02-30';
      bundle.devices[0].announced = '2021-02-29';
      bundle.claims[0].publishedOn = '2021-04-31';
      bundle.claims[0].resolutions[0].decidedOn = '2021-13-01';
      const problems = problemsOf(bundle);
      expect(at(problems, '$.companies[0].knownSince')).toEqual(['"2021-02-30" is not on the calendar: February 2021 has 28 days']);
      expect(at(problems, '$.devices[0].announced')).toEqual(['"2021-02-29" is not on the calendar: February 2021 has 28 days']);
      expect(at(problems, '$.claims[0].publishedOn')).toEqual(['"2021-04-31" is not on the calendar: April 2021 has 30 days']);
      expect(at(problems, '$.claims[0].resolutions[0].decidedOn')).toEqual(['"2021-13-01" is not on the calendar: months run from 01 to 12']);
    });

    it('accepts 29 February in a leap year', () => {
      const bundle = goodBundle();
      bundle.companies[0].knownSince = '2024-02-29';
      expect(problemsOf(bundle)).toEqual([]);
    });

    it('rejects an end before the start, judging imprecise dates by their whole period', () => {
      const bundle = goodBundle();
      bundle.partnerships[0].end = '2015';
      bundle.partnerships[0].endKnownSince = null;
      bundle.ownerships[0].end = '2013-06'; // within the start year: fine
      bundle.companies[0].dissolved = '1989';
      bundle.devices[0].released = '2021-06';
      const problems = problemsOf(bundle);
      expect(at(problems, '$.partnerships[0].end')).toEqual([expect.stringMatching(/"2015" is before start "2016-02-25": it ends before it starts/)]);
      expect(at(problems, '$.ownerships[0].end')).toEqual([]);
      expect(at(problems, '$.companies[0].dissolved')).toEqual([expect.stringMatching(/dissolved before it is founded/)]);
      expect(at(problems, '$.devices[0].released')).toEqual([expect.stringMatching(/released before it is announced/)]);
    });

    it('rejects a later part that is public before the fact itself', () => {
      const bundle = goodBundle();
      bundle.partnerships[0].endKnownSince = '2015-01-01';
      bundle.devices[1].releasedKnownSince = '2021-09-01';
      bundle.devices[0].knownSince = '2021-08-01';
      bundle.devices[0].announcedKnownSince = '2021-07-29';
      bundle.exclusivities[0].endKnownSince = '2022-01-01';
      delete bundle.devices[1].knownSince;
      const problems = problemsOf(bundle);
      expect(at(problems, '$.partnerships[0].endKnownSince')).toEqual([expect.stringMatching(/2015-01-01 is before the partnership itself became known \(2016-02-25\)/)]);
      expect(at(problems, '$.devices[1].releasedKnownSince')).toEqual(['is set but released is not: set released or remove releasedKnownSince']);
      expect(at(problems, '$.devices[0].announcedKnownSince')).toEqual([expect.stringMatching(/before the device itself became known \(2021-08-01\)/)]);
      expect(at(problems, '$.exclusivities[0].endKnownSince')).toEqual([expect.stringMatching(/applies to a dated end only/)]);
      expect(at(problems, '$.devices[1].knownSince')).toEqual([expect.stringMatching(/required when announced is not set/)]);
    });

    it('rejects a dissolution public before the company, or a dissolvedKnownSince with no dissolution', () => {
      const bundle = goodBundle();
      bundle.companies[0].dissolved = '2020';
      bundle.companies[0].dissolvedKnownSince = '1989-12-31';
      bundle.companies[1].dissolvedKnownSince = '2021-01-01';
      bundle.companies[1].dissolvedKnownSince = '2021-02-30';
      const problems = problemsOf(bundle);
      expect(at(problems, '$.companies[0].dissolvedKnownSince')).toEqual([expect.stringMatching(/1989-12-31 is before the company itself became known \(1990-01-01\)/)]);
      expect(at(problems, '$.companies[1].dissolvedKnownSince')).toEqual(expect.arrayContaining([expect.stringMatching(/2021-02-30/)]));
      bundle.companies[1].dissolvedKnownSince = '2021-01-01';
      expect(at(problemsOf(bundle), '$.companies[1].dissolvedKnownSince')).toEqual(['is set but dissolved is not: set dissolved or remove dissolvedKnownSince']);
      bundle.companies[0].dissolvedKnownSince = '2021-03-01';
      expect(at(problemsOf(bundle), '$.companies[0].dissolvedKnownSince')).toEqual([]);
    });

    it('rejects outcomes known before the claim or before they are decided, or listed out of order', () => {
      const bundle = goodBundle();
      bundle.claims[0].resolutions = [
        { outcome: 'CONFIRMED', decidedOn: '2022-05-23' },
        { outcome: 'REFUTED', decidedOn: '2021-11-10', knownSince: '2021-11-20' },
        { outcome: 'REFUTED', decidedOn: '2021-11-01' },
        { outcome: 'CONFIRMED', decidedOn: '2022-06-01', knownSince: '2022-05-31' },
      ];
      const problems = problemsOf(bundle);
      expect(at(problems, '$.claims[0].resolutions[3].knownSince')).toEqual([expect.stringMatching(/2022-05-31 is before decidedOn \(2022-06-01\)/)]);
      expect(at(problems, '$.claims[0].resolutions[1].knownSince')).toEqual([expect.stringMatching(/before the outcome listed above it .* oldest first/)]);
      // Decided before the claim was published, known after: a leak of what had already happened.
      expect(at(problems, '$.claims[0].resolutions[1].decidedOn')).toEqual([]);
      expect(at(problems, '$.claims[0].resolutions[2].decidedOn')).toEqual([
        expect.stringMatching(/2021-11-01 is before the claim was published \(2021-11-16\)/),
        expect.stringMatching(/oldest first/),
      ]);
    });
  });

  describe('ids and references', () => {
    it('rejects duplicate ids and company/device ids that collide', () => {
      const bundle = goodBundle();
      bundle.leakers.push({ id: 'leaker', name: 'Leaker again' });
      bundle.devices.push({ id: 'optics', name: 'Optics phone', manufacturer: 'maker', announced: '2022' });
      const problems = problemsOf(bundle);
      expect(at(problems, '$.leakers[1].id')).toEqual(['duplicate id "leaker", already used at $.leakers[0]: give each entry its own id']);
      expect(at(problems, '$.devices[2].id')).toEqual([expect.stringMatching(/also the id of the company at \$\.companies\[1\]; companies and devices share one namespace/)]);
    });

    it('rejects ids that collide with the other kind already in the graph', () => {
      const problems = problemsOf(goodBundle(), existingIds({ devices: ['maker'], companies: ['phone-1'] }));
      expect(at(problems, '$.companies[0].id')).toEqual([expect.stringMatching(/already a device in the graph/)]);
      expect(at(problems, '$.devices[0].id')).toEqual([expect.stringMatching(/already a company in the graph/)]);
    });

    it('names every reference that resolves neither in the bundle nor in the graph', () => {
      const bundle = goodBundle();
      bundle.claims[0].subjects = ['maker', 'nobody', 'phone-2'];
      bundle.claims[0].resolutions[1].sources = ['missing-article'];
      bundle.devices[0].partnership = 'no-such-partnership';
      bundle.exclusivities[0].endsWithLaunchOf = 'maker';
      const problems = problemsOf(bundle);
      expect(at(problems, '$.claims[0].subjects[1]')).toEqual([
        'no company or device "nobody" exists: create it first (with upsertCompany or upsertDevice, or in the bundle\'s companies or devices) or fix the id',
      ]);
      expect(at(problems, '$.claims[0].resolutions[1].sources[0]')).toEqual([expect.stringMatching(/no source "missing-article"/)]);
      expect(at(problems, '$.devices[0].partnership')).toEqual([expect.stringMatching(/no partnership "no-such-partnership"/)]);
      expect(at(problems, '$.exclusivities[0].endsWithLaunchOf')).toEqual(['"maker" is a company, not a device: fix the id']);
    });

    it('resolves references against what the graph already holds', () => {
      const bundle = {
        format: 'optics-graph-bundle/1',
        devices: [{ id: 'new-phone', name: 'New phone', manufacturer: 'xiaomi', opticsPartner: 'leica', partnership: 'xiaomi-leica', announced: '2024', sources: ['old-article'] }],
      };
      const graph = existingIds({ companies: ['xiaomi', 'leica'], manufacturers: ['xiaomi'], opticsPartners: ['leica'], partnerships: ['xiaomi-leica'], sources: ['old-article'] });
      expect(problemsOf(bundle, graph)).toEqual([]);
      expect(problemsOf(bundle).map((p) => p.path)).toEqual(['$.devices[0].manufacturer', '$.devices[0].opticsPartner', '$.devices[0].partnership', '$.devices[0].sources[0]']);
    });

    it('requires the role a company plays, counting roles the graph already gives it', () => {
      const bundle = goodBundle();
      bundle.partnerships[0].manufacturer = 'optics';
      bundle.partnerships[0].opticsPartner = 'maker';
      bundle.devices[1].manufacturer = 'stored-company';
      const problems = problemsOf(bundle, existingIds({ companies: ['stored-company'] }));
      expect(at(problems, '$.partnerships[0].manufacturer')).toEqual(['"optics" is not a manufacturer: add MANUFACTURER to its roles at $.companies[1].roles']);
      expect(at(problems, '$.partnerships[0].opticsPartner')).toEqual(['"maker" is not an optics partner: add OPTICS_PARTNER to its roles at $.companies[0].roles']);
      expect(at(problems, '$.devices[1].manufacturer')).toEqual([expect.stringMatching(/"stored-company" is not a manufacturer: add MANUFACTURER .*import the company again/)]);
      // Role labels are additive: a Manufacturer label the graph already gives the company still counts.
      const additive = goodBundle();
      additive.partnerships[0].manufacturer = 'optics';
      additive.partnerships[0].opticsPartner = 'stored-optics';
      const graph = existingIds({ companies: ['optics', 'stored-optics'], manufacturers: ['optics'], opticsPartners: ['stored-optics'] });
      expect(problemsOf(additive, graph)).toEqual([]);
    });
  });

  describe('contradictory fields', () => {
    it('rejects a clause that ends with its partnership and also on a date or with a launch, or with an endKnownSince of its own', () => {
      const bundle = goodBundle();
      bundle.exclusivities[0].endsWithPartnership = true;
      expect(at(problemsOf(bundle), '$.exclusivities[0].endsWithPartnership')).toEqual([
        expect.stringMatching(/together with endsWithLaunchOf: a clause ends on a date, with a launch, or with its partnership, only one/),
      ]);
      delete bundle.exclusivities[0].endsWithLaunchOf;
      bundle.exclusivities[0].endKnownSince = '2022-01-01';
      const problems = problemsOf(bundle);
      expect(at(problems, '$.exclusivities[0].endsWithPartnership')).toEqual([]);
      expect(at(problems, '$.exclusivities[0].endKnownSince')).toEqual([expect.stringMatching(/an end with the partnership becomes known when the partnership's end does/)]);
      delete bundle.exclusivities[0].endKnownSince;
      expect(problemsOf(bundle)).toEqual([]);
    });

    it('rejects a clause that ends both on a date and with a launch', () => {
      const bundle = goodBundle();
      bundle.exclusivities[0].end = '2021-07-29';
      expect(at(problemsOf(bundle), '$.exclusivities[0].endsWithLaunchOf')).toEqual([expect.stringMatching(/on a date \(end\) or with a launch \(endsWithLaunchOf\), not both/)]);
    });

    it('rejects a region both covered and excepted, self-ownership, self-partnership and a device becoming itself', () => {
      const bundle = goodBundle();
      bundle.exclusivities[0].regions = ['CN', 'JP'];
      bundle.ownerships[0].owner = 'maker';
      bundle.devices[0].becameDevice = 'phone-1';
      const problems = problemsOf(bundle);
      expect(at(problems, '$.exclusivities[0].exceptRegions[0]')).toEqual([expect.stringMatching(/"JP" is also in regions/)]);
      expect(at(problems, '$.ownerships[0].owner')).toEqual([expect.stringMatching(/cannot own itself/)]);
      expect(at(problems, '$.devices[0].becameDevice')).toEqual([expect.stringMatching(/cannot become itself/)]);
    });
  });

  it('lists every problem of a bundle at once, each at its own path', () => {
    const bundle = goodBundle();
    bundle.companies[0].roles = [];
    bundle.companies[1].founded = '2021-02-30';
    bundle.partnerships[0].end = '2010';
    bundle.partnerships[0].endKnownSince = null;
    bundle.devices[0].manufacturer = 'ghost';
    bundle.claims[0].subjects[1] = 'phantom';
    bundle.claims[0].leaker = 'Not A Slug';
    bundle.leakers[0].knownSince = 'yesterday';
    const paths = problemsOf(bundle).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '$.companies[0].roles',
        '$.companies[1].founded',
        '$.partnerships[0].end',
        '$.devices[0].manufacturer',
        '$.claims[0].subjects[1]',
        '$.claims[0].leaker',
        '$.leakers[0].knownSince',
      ]),
    );
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('never throws, whatever value stands in any field, and reports every problem at a JSON path', () => {
    const lists = ['sources', 'companies', 'ownerships', 'partnerships', 'exclusivities', 'devices', 'leakers', 'claims'];
    fc.assert(
      fc.property(fc.constantFrom(...lists), fc.string({ maxLength: 20 }), fc.jsonValue(), fc.boolean(), (list, key, value, replaceList) => {
        const bundle = goodBundle();
        if (replaceList) bundle[list] = value;
        else {
          const entity = bundle[list][0];
          const fields = Object.keys(entity);
          entity[fields.includes(key) ? key : fields[key.length % fields.length]!] = value;
        }
        const problems = problemsOf(bundle);
        for (const problem of problems) expect(problem.path).toMatch(/^\$/);
      }),
      { numRuns: 500 },
    );
  });
});
