import { describe, expect, it } from 'vitest';
import { credibilityAsOf, credibilityOfCounts } from '../../src/domain/credibility.ts';
import { claim, resolution } from './builders.ts';

const byDcs = (id: string, fields: Parameters<typeof claim>[1] = {}) => claim(id, { leakerId: 'digital-chat-station', publishedOn: '2020-01-01', ...fields });

describe('leaker credibility as of a day', () => {
  it('starts a leaker with no resolved claims at 0.5', () => {
    const credibility = credibilityAsOf('digital-chat-station', [byDcs('open')], '2022-01-01');
    expect(credibility).toEqual({ leakerId: 'digital-chat-station', asOf: '2022-01-01', value: 0.5, hits: 0, resolved: 0, claims: [] });
  });

  it('counts a confirmed claim as a hit, a partly confirmed one as half, a refuted one as a miss', () => {
    const claims = [
      byDcs('confirmed', { resolutions: [resolution('CONFIRMED', '2021-01-01')] }),
      byDcs('partly', { resolutions: [resolution('PARTLY_CONFIRMED', '2021-01-01')] }),
      byDcs('refuted', { resolutions: [resolution('REFUTED', '2021-01-01')] }),
      byDcs('open'),
    ];
    const credibility = credibilityAsOf('digital-chat-station', claims, '2021-06-01');
    expect(credibility.hits).toBe(1.5);
    expect(credibility.resolved).toBe(3);
    expect(credibility.value).toBeCloseTo(2.5 / 5);
    expect(credibility.claims.map((resolved) => [resolved.claim.id, resolved.outcome])).toEqual([
      ['confirmed', 'CONFIRMED'],
      ['partly', 'PARTLY_CONFIRMED'],
      ['refuted', 'REFUTED'],
    ]);
  });

  it("gives from a leaker's stored counts the credibility the rule gives from its claims, and a newcomer 0.5", () => {
    const claims = [
      byDcs('confirmed', { resolutions: [resolution('CONFIRMED', '2021-01-01')] }),
      byDcs('partly', { resolutions: [resolution('PARTLY_CONFIRMED', '2021-01-01')] }),
      byDcs('refuted', { resolutions: [resolution('REFUTED', '2021-01-01')] }),
    ];
    const { hits, resolved, value } = credibilityAsOf('digital-chat-station', claims, '2021-06-01');
    expect(credibilityOfCounts(hits, resolved)).toEqual({ hits, resolved, value });
    expect(credibilityOfCounts()).toEqual({ hits: 0, resolved: 0, value: 0.5 });
  });

  it('ignores other leakers and claims without a leaker', () => {
    const claims = [
      claim('teme', { leakerId: 'teme', resolutions: [resolution('REFUTED', '2021-01-01')] }),
      claim('outlet', { resolutions: [resolution('REFUTED', '2021-01-01')] }),
      byDcs('mine', { resolutions: [resolution('CONFIRMED', '2021-01-01')] }),
    ];
    expect(credibilityAsOf('digital-chat-station', claims, '2021-06-01')).toMatchObject({ hits: 1, resolved: 1, value: 2 / 3 });
  });

  it('counts only outcomes public by the as-of day', () => {
    const claims = [byDcs('later', { resolutions: [resolution('CONFIRMED', '2022-05-23')] })];
    expect(credibilityAsOf('digital-chat-station', claims, '2022-05-22').value).toBe(0.5);
    expect(credibilityAsOf('digital-chat-station', claims, '2022-05-23').value).toBeCloseTo(2 / 3);
  });

  it('counts a claim refuted then vindicated as a miss until the vindication, and as a hit after', () => {
    const claims = [
      byDcs('expired', {
        publishedOn: '2020-11-20',
        resolutions: [resolution('REFUTED', '2020-11-21'), resolution('CONFIRMED', '2022-05-23')],
      }),
    ];
    expect(credibilityAsOf('digital-chat-station', claims, '2021-01-01')).toMatchObject({ hits: 0, resolved: 1, value: 1 / 3 });
    const later = credibilityAsOf('digital-chat-station', claims, '2022-06-01');
    expect(later).toMatchObject({ hits: 1, resolved: 1, value: 2 / 3 });
    expect(later.claims[0]?.resolution.knownSince).toBe('2022-05-23');
  });

  it('shows each resolved claim as known on the as-of day', () => {
    const claims = [byDcs('twice', { resolutions: [resolution('REFUTED', '2021-01-01'), resolution('CONFIRMED', '2023-01-01')] })];
    const [resolved] = credibilityAsOf('digital-chat-station', claims, '2021-06-01').claims;
    expect(resolved?.claim.resolutions).toHaveLength(1);
  });

  it('ignores claims published after the as-of day', () => {
    const claims = [byDcs('future', { publishedOn: '2023-01-01', resolutions: [resolution('REFUTED', '2020-06-01')] })];
    expect(credibilityAsOf('digital-chat-station', claims, '2021-01-01').resolved).toBe(0);
  });
});
