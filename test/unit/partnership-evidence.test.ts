import { describe, expect, it } from 'vitest';
import { evidenceScore, partnershipEvidence, type Evidence } from '../../src/domain/partnership-evidence.ts';
import { claim, leaker, resolution } from './builders.ts';

const leakers = [leaker('dcs', { name: 'Digital Chat Station' }), leaker('teme')];
const about = (id: string, fields: Parameters<typeof claim>[1] = {}) => claim(id, { subjectIds: ['leica', 'xiaomi'], publishedOn: '2021-11-16', ...fields });

describe('evidence that a manufacturer and an optics partner will partner', () => {
  it('counts a claim naming both, weighted by its leaker credibility as of the day', () => {
    const claims = [
      about('dcs-xiaomi-leica', { leakerId: 'dcs' }),
      claim('dcs-earlier', { leakerId: 'dcs', publishedOn: '2020-01-01', resolutions: [resolution('CONFIRMED', '2020-06-01')] }),
    ];
    const [evidence] = partnershipEvidence('xiaomi', 'leica', claims, leakers, '2021-11-16');
    expect(evidence).toMatchObject({
      claimId: 'dcs-xiaomi-leica',
      leakerId: 'dcs',
      leaker: { name: 'Digital Chat Station' },
      direction: 'FOR',
      outcome: 'UNRESOLVED',
      weight: 2 / 3,
    });
    expect(evidence?.credibility).toMatchObject({ hits: 1, resolved: 1, value: 2 / 3 });
  });

  it('weighs a claim with no leaker at 0.5', () => {
    const [evidence] = partnershipEvidence('xiaomi', 'leica', [about('outlet')], leakers, '2021-11-16');
    expect(evidence).toMatchObject({ leakerId: null, leaker: null, credibility: null, weight: 0.5 });
  });

  it('does not count a refuted claim, while it still counts against its leaker', () => {
    const refuted = about('refuted', { leakerId: 'teme', resolutions: [resolution('REFUTED', '2021-12-01')] });
    const other = about('other', { leakerId: 'teme', subjectIds: ['leica', 'honor'] });
    expect(partnershipEvidence('xiaomi', 'leica', [refuted, other], leakers, '2021-11-30')).toHaveLength(1);
    expect(partnershipEvidence('xiaomi', 'leica', [refuted, other], leakers, '2021-12-01')).toEqual([]);
    const [honor] = partnershipEvidence('honor', 'leica', [refuted, other], leakers, '2021-12-01');
    expect(honor?.weight).toBe(1 / 3);
  });

  it('counts a claim refuted then confirmed again once the confirmation is public', () => {
    const vindicated = about('vindicated', {
      resolutions: [resolution('REFUTED', '2021-12-01'), resolution('CONFIRMED', '2022-05-23')],
    });
    expect(partnershipEvidence('xiaomi', 'leica', [vindicated], leakers, '2022-05-22')).toEqual([]);
    expect(partnershipEvidence('xiaomi', 'leica', [vindicated], leakers, '2022-05-23')[0]?.outcome).toBe('CONFIRMED');
  });

  it('counts a claim that they will not partner as evidence against', () => {
    const against = about('no', { kind: 'WILL_NOT_PARTNER' });
    expect(partnershipEvidence('xiaomi', 'leica', [against], leakers, '2021-11-16')[0]?.direction).toBe('AGAINST');
  });

  it('ignores claims published after the day, naming only one of them, or of another kind', () => {
    const claims = [about('later', { publishedOn: '2021-11-17' }), about('one-side', { subjectIds: ['xiaomi', 'zeiss'] }), about('feature', { kind: 'DEVICE_FEATURE' })];
    expect(partnershipEvidence('xiaomi', 'leica', claims, leakers, '2021-11-16')).toEqual([]);
  });
});

describe('the score of the evidence', () => {
  const item = (weight: number, direction: Evidence['direction']) => ({ weight, direction }) as Evidence;

  it('is 0 with no evidence', () => {
    expect(evidenceScore([])).toBe(0);
  });

  it('combines claims for as independent chances and discounts claims against', () => {
    expect(evidenceScore([item(0.5, 'FOR')])).toBe(0.5);
    expect(evidenceScore([item(0.5, 'FOR'), item(0.5, 'FOR')])).toBe(0.75);
    expect(evidenceScore([item(0.5, 'FOR'), item(0.5, 'FOR'), item(0.6, 'AGAINST')])).toBeCloseTo(0.3);
    expect(evidenceScore([item(0.9, 'AGAINST')])).toBe(0);
  });
});
