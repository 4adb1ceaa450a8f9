import { describe, expect, it } from 'vitest';
import type { ClaimFact, LeakerFact } from '../../src/domain/facts.ts';
import { partnershipOutlook, UnknownExclusivityError, type Candidate, type OutlookInput, type PartnershipOutlook } from '../../src/domain/outlook.ts';
import { evidenceSummaries, partnershipEvidence, type Evidence } from '../../src/domain/partnership-evidence.ts';
import { claim, clause, company, launch, leaker, opticsPartner, partnership, resolution } from './builders.ts';

type World = Partial<Omit<OutlookInput, 'evidence'>> & { claims?: ClaimFact[]; leakers?: LeakerFact[] };

/** The outlook over a small world, each candidate with the claims its score rests on. */
function outlook({ claims = [], leakers = [], ...fields }: World): Omit<PartnershipOutlook, 'candidates'> & { candidates: (Candidate & { evidence: Evidence[] })[] } {
  const input = { opticsPartnerId: 'leica', asOf: '2021-11-16', region: null, afterExclusivityId: null, companies: [], partnerships: [], exclusivities: [], ...fields };
  const result = partnershipOutlook({ ...input, evidence: evidenceSummaries(input.opticsPartnerId, claims, leakers, input.asOf) });
  const candidates = result.candidates.map((candidate) => ({
    ...candidate,
    evidence: partnershipEvidence(candidate.company.id, input.opticsPartnerId, claims, leakers, input.asOf),
  }));
  return { ...result, candidates };
}

const ids = (entries: { company: { id: string } }[]) => entries.map((entry) => entry.company.id);
const reasons = (result: PartnershipOutlook) => Object.fromEntries([...result.existingPartners, ...result.excluded].map((entry) => [entry.company.id, entry.reason]));

describe('the seed article: who could Leica partner with after Huawei?', () => {
  const seed = {
    companies: [
      company('huawei', { name: 'Huawei' }),
      company('xiaomi', { name: 'Xiaomi' }),
      company('honor', { name: 'Honor' }),
      company('sharp', { name: 'Sharp' }),
      // Leica also sells Leitz phones, so it is a manufacturer too.
      company('leica', { name: 'Leica Camera', isOpticsPartner: true }),
    ],
    partnerships: [
      partnership('huawei', 'leica', { start: '2016-02-25', end: '2022-03-31', knownSince: '2016-02-25', endKnownSince: '2022-05-23' }),
      partnership('sharp', 'leica', { start: '2021-05-17', knownSince: '2021-05-17' }),
    ],
    exclusivities: [
      clause('huawei', 'leica', {
        binds: 'OPTICS_PARTNER',
        start: '2016-02-25',
        endsWithLaunchOf: launch('huawei-p50', '2021-07-29'),
        endCondition: 'ends with the launch of the P50 series',
        certainty: 'INFERRED',
        knownSince: '2021-11-16',
      }),
    ],
    claims: [
      claim('dcs-xiaomi-leica-2021-11-16', {
        leakerId: 'digital-chat-station',
        statement: 'Leica and Xiaomi have agreed to work together; the Xiaomi 12 Ultra comes first.',
        subjectIds: ['leica', 'xiaomi', 'xiaomi-12-ultra'],
        publishedOn: '2021-11-16',
        resolutions: [resolution('CONFIRMED', '2022-05-23')],
      }),
      claim('teme-leica-testing-2021-05-15', {
        leakerId: 'teme',
        statement: 'Leica is testing Honor, Xiaomi and Sharp as partners.',
        subjectIds: ['leica', 'honor', 'xiaomi', 'sharp'],
        publishedOn: '2021-05-15',
        resolutions: [resolution('PARTLY_CONFIRMED', '2022-05-23')],
      }),
    ],
    leakers: [leaker('digital-chat-station', { name: 'Digital Chat Station' }), leaker('teme', { name: 'Teme' })],
  };

  it('as of 2021-11-16, has Leica free since 2021-07-30 and evaluates on the day itself', () => {
    const result = outlook({ ...seed, asOf: '2021-11-16' });
    expect(result).toMatchObject({ evaluatedOn: '2021-11-16', freeFrom: '2021-07-30', blockedBy: [], assumesEndOf: [] });
  });

  it('as of 2021-11-16, ranks Xiaomi first on the Digital Chat Station claim, then Honor', () => {
    const result = outlook({ ...seed, asOf: '2021-11-16' });
    expect(ids(result.candidates)).toEqual(['xiaomi', 'honor']);
    const [xiaomi, honor] = result.candidates;
    expect(xiaomi?.score).toBe(0.75);
    expect(xiaomi?.evidence.map((item) => item.claimId)).toContain('dcs-xiaomi-leica-2021-11-16');
    expect(xiaomi?.evidence.find((item) => item.leakerId === 'digital-chat-station')).toMatchObject({ weight: 0.5, direction: 'FOR' });
    expect(honor?.score).toBe(0.5);
  });

  it('as of 2021-11-16, lists Huawei and Sharp as existing partners, and Leica as itself', () => {
    const result = outlook({ ...seed, asOf: '2021-11-16' });
    expect(ids(result.existingPartners)).toEqual(['huawei', 'sharp']);
    expect(result.existingPartners[0]?.partnership).toMatchObject({ id: 'huawei-leica', end: null });
    expect(result.excluded).toMatchObject([{ company: { id: 'leica' }, reason: 'SAME_COMPANY' }]);
  });

  it('as of 2022-06-01, makes Huawei a candidate marked as a past partner', () => {
    const result = outlook({ ...seed, asOf: '2022-06-01' });
    expect(ids(result.candidates)).toEqual(['xiaomi', 'honor', 'huawei']);
    const huawei = result.candidates.find((candidate) => candidate.company.id === 'huawei');
    expect(huawei).toMatchObject({ score: 0, evidence: [], pastPartner: { id: 'huawei-leica', end: '2022-03-31' } });
    expect(ids(result.existingPartners)).toEqual(['sharp']);
  });

  it('as of 2022-06-01, weighs Digital Chat Station by its confirmed claim', () => {
    const [xiaomi] = outlook({ ...seed, asOf: '2022-06-01' }).candidates;
    const dcs = xiaomi?.evidence.find((item) => item.leakerId === 'digital-chat-station');
    expect(dcs).toMatchObject({ outcome: 'CONFIRMED', weight: 2 / 3, credibility: { hits: 1, resolved: 1 } });
    expect(xiaomi?.score).toBeCloseTo(1 - (1 / 3) * (1 / 2));
  });

  it('as of 2022-04-30, still has Huawei as an existing partner: its end was not yet reported', () => {
    expect(ids(outlook({ ...seed, asOf: '2022-04-30' }).existingPartners)).toEqual(['huawei', 'sharp']);
  });

  it('as of 2021-11-15, before the article, knows no clause and no Digital Chat Station claim', () => {
    const result = outlook({ ...seed, asOf: '2021-11-15' });
    expect(result.freeFrom).toBeNull();
    expect(result.candidates.find((candidate) => candidate.company.id === 'xiaomi')?.evidence).toHaveLength(1);
  });
});

describe('the evaluation day', () => {
  const companies = [company('xiaomi'), opticsPartner('leica')];
  const awaitingP50 = clause('huawei', 'leica', {
    endsWithLaunchOf: launch('huawei-p50', '2021-07-29'),
    endCondition: 'ends with the launch of the P50 series',
  });

  it('assumes the end of a clause whose launch has not happened yet, and says so', () => {
    const result = outlook({ companies, asOf: '2021-06-01', exclusivities: [{ ...awaitingP50, endsWithLaunchOf: launch('huawei-p50', null) }] });
    expect(result.evaluatedOn).toBe('2021-06-01');
    expect(result.assumesEndOf).toHaveLength(1);
    expect(result.assumesEndOf[0]?.end).toMatchObject({ basis: 'AWAITING_LAUNCH', endCondition: 'ends with the launch of the P50 series' });
    expect(result.blockedBy).toHaveLength(1);
    expect(ids(result.candidates)).toEqual(['xiaomi']);
  });

  it('assumes the end of a clause whose launch is not yet public on the as-of day', () => {
    const result = outlook({ companies, asOf: '2021-07-28', exclusivities: [awaitingP50] });
    expect(result.assumesEndOf[0]?.end.basis).toBe('AWAITING_LAUNCH');
  });

  it('moves to the day after a known future end', () => {
    const endsIn2021 = clause('huawei', 'leica', { end: '2021', endKnownSince: '2020-01-01' });
    const result = outlook({ companies, asOf: '2021-06-01', exclusivities: [endsIn2021] });
    expect(result).toMatchObject({ evaluatedOn: '2022-01-01', freeFrom: '2022-01-01', assumesEndOf: [] });
    expect(result.blockedBy[0]?.end.lastDay).toBe('2021-12-31');
  });

  it('ignores a clause that does not cover the region asked about', () => {
    const exceptJapan = clause('xiaomi', 'leica', { exceptRegions: ['JP'], end: '2030', endKnownSince: '2020-01-01' });
    expect(outlook({ companies, asOf: '2023-01-01', region: 'JP', exclusivities: [exceptJapan] }).evaluatedOn).toBe('2023-01-01');
    expect(outlook({ companies, asOf: '2023-01-01', region: 'CN', exclusivities: [exceptJapan] }).evaluatedOn).toBe('2031-01-01');
  });
});

describe('after exclusivity X', () => {
  const companies = [company('xiaomi'), company('honor'), opticsPartner('leica')];

  it('evaluates on the day after X ends', () => {
    const x = clause('xiaomi', 'leica', { id: 'x', end: '2025-H1', endKnownSince: '2023-01-01' });
    const result = outlook({ companies, asOf: '2023-06-01', afterExclusivityId: 'x', exclusivities: [x] });
    expect(result).toMatchObject({ evaluatedOn: '2025-07-01', afterExclusivityId: 'x', assumesEndOf: [] });
  });

  it('evaluates on A when X ended before A', () => {
    const x = clause('xiaomi', 'leica', { id: 'x', end: '2020' });
    expect(outlook({ companies, asOf: '2023-06-01', afterExclusivityId: 'x', exclusivities: [x] }).evaluatedOn).toBe('2023-06-01');
  });

  it('assumes X ended when it has no known end, even when X does not bind the partner', () => {
    const x = clause('xiaomi', 'leica', { id: 'x', binds: 'MANUFACTURER' });
    const result = outlook({ companies, asOf: '2023-06-01', afterExclusivityId: 'x', exclusivities: [x] });
    expect(result.evaluatedOn).toBe('2023-06-01');
    expect(result.assumesEndOf.map((binding) => binding.clause.id)).toEqual(['x']);
  });

  it('lists X once when it binds the partner and has no known end', () => {
    const x = clause('xiaomi', 'leica', { id: 'x', endCondition: 'until renewed' });
    const result = outlook({ companies, asOf: '2023-06-01', afterExclusivityId: 'x', exclusivities: [x] });
    expect(result.assumesEndOf.map((binding) => binding.clause.id)).toEqual(['x']);
  });

  it('refuses an exclusivity not known on the as-of day, naming it', () => {
    const x = clause('xiaomi', 'leica', { id: 'x', knownSince: '2024-01-01' });
    expect(() => outlook({ companies, asOf: '2023-06-01', afterExclusivityId: 'x', exclusivities: [x] })).toThrow(UnknownExclusivityError);
    expect(() => outlook({ companies, asOf: '2023-06-01', afterExclusivityId: 'nope' })).toThrow('Exclusivity "nope" is not known on 2023-06-01');
  });
});

describe('who is excluded, and why', () => {
  it('lists every manufacturer known on the day exactly once, and no pure optics partner', () => {
    const result = outlook({
      asOf: '2023-01-01',
      companies: [company('a'), company('b', { knownSince: '2023-01-02' }), company('c', { dissolved: '2020' }), opticsPartner('zeiss'), opticsPartner('leica')],
      partnerships: [partnership('a', 'leica')],
    });
    expect([...ids(result.candidates), ...ids(result.existingPartners), ...ids(result.excluded)].sort()).toEqual(['a', 'c']);
  });

  it('excludes a manufacturer founded after the evaluation day, counting from the first day of its founding', () => {
    const result = outlook({ companies: [company('nothing', { founded: '2022' }), company('early', { founded: '2021-Q4' })] });
    expect(reasons(result)).toEqual({ nothing: 'NOT_FOUNDED' });
    expect(ids(result.candidates)).toEqual(['early']);
  });

  it('excludes a manufacturer dissolved before the evaluation day: it exists on every day of its dissolution period', () => {
    const result = outlook({
      companies: [
        company('gone', { dissolved: '2020-06' }),
        company('yesterday', { dissolved: '2021-11-15' }),
        company('today', { dissolved: '2021-11-16' }),
        company('this-year', { dissolved: '2021' }),
      ],
    });
    expect(reasons(result)).toEqual({ gone: 'DISSOLVED', yesterday: 'DISSOLVED' });
    expect(ids(result.candidates)).toEqual(['this-year', 'today']);
  });

  it('counts a dissolution only once it is known on the as-of day', () => {
    const quietlyGone = company('quiet', { dissolved: '2020-06', dissolvedKnownSince: '2022-01-10' });
    expect(ids(outlook({ companies: [quietlyGone], asOf: '2021-11-16' }).candidates)).toEqual(['quiet']);
    expect(reasons(outlook({ companies: [quietlyGone], asOf: '2022-01-10' }))).toEqual({ quiet: 'DISSOLVED' });
  });

  it('counts a dissolution with no known-since of its own from the first day of its period', () => {
    const gone = company('gone', { dissolved: '2021-Q3' });
    expect(outlook({ companies: [gone], asOf: '2021-06-30' }).candidates[0]?.company.dissolved).toBeNull();
    expect(outlook({ companies: [gone], asOf: '2021-10-01' }).excluded[0]).toMatchObject({ reason: 'DISSOLVED', company: { dissolved: '2021-Q3' } });
  });

  it('excludes a manufacturer bound elsewhere by a clause covering the region', () => {
    const xiaomiLeica = clause('xiaomi', 'leica', { binds: 'BOTH', start: '2022-05-23', exceptRegions: ['JP'] });
    const input = { opticsPartnerId: 'zeiss', asOf: '2023-01-01', companies: [company('xiaomi'), opticsPartner('zeiss')], exclusivities: [xiaomiLeica] };
    const inChina = outlook({ ...input, region: 'CN' });
    expect(inChina.excluded).toMatchObject([{ company: { id: 'xiaomi' }, reason: 'BOUND_ELSEWHERE', clause: { clause: { id: xiaomiLeica.id } } }]);
    expect(reasons(outlook({ ...input, region: null }))).toEqual({ xiaomi: 'BOUND_ELSEWHERE' });
    expect(ids(outlook({ ...input, region: 'JP' }).candidates)).toEqual(['xiaomi']);
  });

  it('does not exclude a manufacturer whose clause elsewhere binds only the optics partner', () => {
    const bindsLeicaOnly = clause('xiaomi', 'leica', { binds: 'OPTICS_PARTNER' });
    const result = outlook({ opticsPartnerId: 'zeiss', companies: [company('xiaomi')], exclusivities: [bindsLeicaOnly] });
    expect(ids(result.candidates)).toEqual(['xiaomi']);
  });

  it('checks reasons in a fixed order so each manufacturer gets one', () => {
    const result = outlook({
      companies: [company('leica', { isOpticsPartner: true, dissolved: '2020' }), company('old', { dissolved: '2020' })],
      partnerships: [partnership('leica', 'leica'), partnership('old', 'leica')],
    });
    expect(reasons(result)).toEqual({ leica: 'SAME_COMPANY', old: 'DISSOLVED' });
  });

  it('marks a partnership with the partner that starts after the evaluation day as planned, not existing', () => {
    const planned = partnership('xiaomi', 'leica', { start: '2022-07' });
    const [xiaomi] = outlook({ companies: [company('xiaomi')], partnerships: [planned] }).candidates;
    expect(xiaomi).toMatchObject({ pastPartner: null, plannedPartner: { id: 'xiaomi-leica' } });
  });
});

describe('the score and order of candidates', () => {
  const companies = [company('vivo', { name: 'Vivo' }), company('oppo', { name: 'Oppo' }), company('honor', { name: 'Honor' })];

  it('lists candidates with no evidence at 0, ordered by name', () => {
    expect(ids(outlook({ companies }).candidates)).toEqual(['honor', 'oppo', 'vivo']);
  });

  it('orders by score, highest first, then by name', () => {
    const claims = [claim('vivo', { subjectIds: ['vivo', 'leica'], publishedOn: '2021-01-01' }), claim('oppo', { subjectIds: ['oppo', 'leica'], publishedOn: '2021-01-01' })];
    const result = outlook({ companies, claims });
    expect(ids(result.candidates)).toEqual(['oppo', 'vivo', 'honor']);
    expect(result.candidates.map((candidate) => candidate.score)).toEqual([0.5, 0.5, 0]);
  });

  it('treats scores equal to 9 decimal places as equal and orders them by name, whatever their last bits', () => {
    const input = { opticsPartnerId: 'leica', asOf: '2021-11-16', region: null, afterExclusivityId: null, partnerships: [], exclusivities: [] };
    const companies = [company('zed', { name: 'Zed' }), company('able', { name: 'Able' }), company('mid', { name: 'Mid' })];
    const evidence = new Map([
      ['zed', { doubtFor: 1 - 0.33333333333333337, doubtAgainst: 1, claims: 1 }],
      ['able', { doubtFor: 1 - 0.33333333333333326, doubtAgainst: 1, claims: 1 }],
      ['mid', { doubtFor: 1 - 0.3333333343, doubtAgainst: 1, claims: 1 }],
    ]);
    const result = partnershipOutlook({ ...input, companies, evidence });
    expect(result.candidates[1]!.score).toBeLessThan(result.candidates[2]!.score);
    expect(ids(result.candidates)).toEqual(['mid', 'able', 'zed']);
  });

  it('lowers the score with a claim that they will not partner', () => {
    const claims = [claim('for', { subjectIds: ['vivo', 'leica'] }), claim('against', { kind: 'WILL_NOT_PARTNER', subjectIds: ['vivo', 'leica'] })];
    const vivo = outlook({ companies, claims }).candidates.find((candidate) => candidate.company.id === 'vivo');
    expect(vivo?.score).toBe(0.25);
    expect(vivo?.evidence.map((item) => item.direction)).toEqual(['FOR', 'AGAINST']);
  });

  it('ignores a refuted claim and one published after the as-of day', () => {
    const claims = [
      claim('refuted', { subjectIds: ['vivo', 'leica'], resolutions: [resolution('REFUTED', '2021-01-01')] }),
      claim('later', { subjectIds: ['vivo', 'leica'], publishedOn: '2021-11-17' }),
    ];
    const vivo = outlook({ companies, claims }).candidates.find((candidate) => candidate.company.id === 'vivo');
    expect(vivo).toMatchObject({ score: 0, evidence: [] });
  });

  it('rejects an as-of day that is not a calendar day', () => {
    expect(() => outlook({ asOf: '2021-02-30' })).toThrow('Invalid date "2021-02-30"');
  });
});
