import { describe, expect, it } from 'vitest';
import { evidenceEntries } from '../../src/domain/evidence-entries.ts';

const claim = { id: 'k1', leakerId: 'dcs', evidenceDirection: 'FOR', countsFrom: ['2021-01-01', '2022-03-01'], countsUntil: ['2021-06-01', '9999-12-31'] };

describe('evidenceEntries', () => {
  it('gives one entry per ordered pair of distinct companies and per counting period', () => {
    const entries = evidenceEntries(claim, ['leica', 'xiaomi']);
    expect(entries).toEqual([
      { claim: 'k1', partner: 'leica', manufacturer: 'xiaomi', leaker: 'dcs', direction: 'FOR', from: '2021-01-01', until: '2021-06-01' },
      { claim: 'k1', partner: 'leica', manufacturer: 'xiaomi', leaker: 'dcs', direction: 'FOR', from: '2022-03-01', until: '9999-12-31' },
      { claim: 'k1', partner: 'xiaomi', manufacturer: 'leica', leaker: 'dcs', direction: 'FOR', from: '2021-01-01', until: '2021-06-01' },
      { claim: 'k1', partner: 'xiaomi', manufacturer: 'leica', leaker: 'dcs', direction: 'FOR', from: '2022-03-01', until: '9999-12-31' },
    ]);
  });

  it('counts three companies as six ordered pairs, and a company named twice once', () => {
    expect(evidenceEntries({ ...claim, countsFrom: ['2021-01-01'], countsUntil: ['2021-02-01'] }, ['a', 'b', 'c', 'a'])).toHaveLength(6);
  });

  it('gives none to a claim about one company, of another kind, or that never counts', () => {
    expect(evidenceEntries(claim, ['leica'])).toEqual([]);
    expect(evidenceEntries({ ...claim, evidenceDirection: null }, ['leica', 'xiaomi'])).toEqual([]);
    expect(evidenceEntries({ ...claim, countsFrom: [], countsUntil: [] }, ['leica', 'xiaomi'])).toEqual([]);
  });

  it('marks a claim without a leaker with an empty leaker', () => {
    expect(evidenceEntries({ ...claim, leakerId: null }, ['leica', 'xiaomi'])[0]?.leaker).toBe('');
  });

  it('refuses periods that start and end in different numbers', () => {
    expect(() => evidenceEntries({ ...claim, countsUntil: ['2021-06-01'] }, ['leica', 'xiaomi'])).toThrow(/2 counting periods start but 1 end/);
  });
});
