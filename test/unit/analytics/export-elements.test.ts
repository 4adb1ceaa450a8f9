import { describe, expect, it } from 'vitest';
import { edgesAsOf, nodeAsOf } from '../../../analytics/export/elements.ts';

const huaweiLeica = {
  id: 'huawei-leica',
  start: '2016-02-25',
  end: '2022-03-31',
  knownSince: '2016-02-25',
  endKnownSince: '2022-05-23',
  manufacturerId: 'huawei',
  opticsPartnerId: 'leica',
  summary: 'Co-engineered cameras',
};

describe('the export as known on a day', () => {
  it('leaves out a node that was not public yet', () => {
    expect(nodeAsOf('Partnership', huaweiLeica, '2016-02-24')).toBeNull();
    expect(nodeAsOf('Partnership', huaweiLeica, '2016-02-25')?.key).toBe('Partnership:huawei-leica');
  });

  it('shows Huawei–Leica open and active on 2022-04-30, when its end on 2022-03-31 was not yet reported', () => {
    const node = nodeAsOf('Partnership', huaweiLeica, '2022-04-30')!;
    expect(node.attributes).toMatchObject({ validFrom: '2016-02-25', knownSince: '2016-02-25', status: 'ACTIVE' });
    expect(node.attributes.validUntil).toBeUndefined();
    expect(node.attributes.endKnownSince).toBeUndefined();
  });

  it('shows the end, and when it became known, once it was reported', () => {
    expect(nodeAsOf('Partnership', huaweiLeica, '2022-06-01')!.attributes).toMatchObject({
      validFrom: '2016-02-25',
      validUntil: '2022-03-31',
      validUntilText: '2022-03-31',
      endKnownSince: '2022-05-23',
      status: 'ENDED',
    });
  });

  it('keeps an imprecise date as given, and spans its period', () => {
    const node = nodeAsOf('Partnership', { ...huaweiLeica, start: '2021-Q3', end: '2022-H1', endKnownSince: null }, '2023-01-01')!;
    expect(node.attributes).toMatchObject({ validFrom: '2021-07-01', validFromText: '2021-Q3', validUntil: '2022-06-30', validUntilText: '2022-H1', endKnownSince: '2022-01-01' });
  });

  it("gives a claim the outcome known on the day, not a later one (DCS's 'Huawei–Leica has expired': refuted, then vindicated)", () => {
    const claim = {
      id: 'dcs-expired',
      statement: 'Huawei–Leica has expired',
      kind: 'PARTNERSHIP_ENDED',
      publishedOn: '2020-11-20',
      knownSince: '2020-11-20',
      outcomeDays: ['2020-11-25', '2022-05-23'],
      outcomeValues: ['REFUTED', 'CONFIRMED'],
    };
    expect(nodeAsOf('Claim', claim, '2020-11-22')!.attributes.outcome).toBe('UNRESOLVED');
    expect(nodeAsOf('Claim', claim, '2021-11-16')!.attributes).toMatchObject({ outcome: 'REFUTED', validFrom: '2020-11-20', claimKind: 'PARTNERSHIP_ENDED' });
    expect(nodeAsOf('Claim', claim, '2022-05-23')!.attributes.outcome).toBe('CONFIRMED');
  });

  it('ends a clause that ends with a launch on the launch day, once the launch is public', () => {
    const clause = {
      id: 'huawei-leica-exclusivity',
      start: '2016-02-25',
      knownSince: '2021-11-16',
      binds: 'OPTICS_PARTNER',
      certainty: 'INFERRED',
      regions: null,
      exceptRegions: [],
      partnershipId: 'huawei-leica',
      manufacturerId: 'huawei',
      opticsPartnerId: 'leica',
      launch: { deviceId: 'huawei-p50', deviceName: 'Huawei P50', announced: '2021-07-29', announcedKnownSince: '2021-07-29' },
    };
    expect(nodeAsOf('Exclusivity', clause, '2021-11-15')).toBeNull();
    expect(nodeAsOf('Exclusivity', clause, '2021-11-16')!.attributes).toMatchObject({
      validFrom: '2016-02-25',
      validUntil: '2021-07-29',
      validUntilText: 'launch of Huawei P50',
      endBasis: 'LAUNCH',
      endsWithLaunchOf: 'huawei-p50',
      regions: 'worldwide',
    });
    const awaiting = nodeAsOf('Exclusivity', { ...clause, knownSince: '2021-01-01', launch: { ...clause.launch, announcedKnownSince: '2021-07-29' } }, '2021-03-01')!;
    expect(awaiting.attributes).toMatchObject({ endBasis: 'AWAITING_LAUNCH', endsWithLaunchOf: 'huawei-p50' });
    expect(awaiting.attributes.validUntil).toBeUndefined();
  });

  it("ends a clause that ends with its partnership on the partnership's end, once that end is public", () => {
    const clause = {
      id: 'xiaomi-leica-exclusivity',
      start: '2022-05-23',
      knownSince: '2022-05-23',
      binds: 'BOTH',
      certainty: 'REPORTED',
      regions: null,
      exceptRegions: ['JP'],
      partnershipId: 'xiaomi-leica',
      manufacturerId: 'xiaomi',
      opticsPartnerId: 'leica',
      endsWithPartnership: true,
      partnershipEnd: '2026-Q1',
      partnershipEndKnownSince: '2026-02-10',
    };
    expect(nodeAsOf('Exclusivity', clause, '2026-02-09')!.attributes).toMatchObject({ endBasis: 'AWAITING_PARTNERSHIP_END' });
    expect(nodeAsOf('Exclusivity', clause, '2026-02-09')!.attributes.validUntil).toBeUndefined();
    expect(nodeAsOf('Exclusivity', clause, '2026-02-10')!.attributes).toMatchObject({
      validUntil: '2026-03-31',
      validUntilText: 'end of partnership xiaomi-leica (2026-Q1)',
      endKnownSince: '2026-02-10',
      endBasis: 'PARTNERSHIP_END',
    });
  });

  it("hides a company's dissolution until its dissolvedKnownSince", () => {
    const company = { id: 'gone', name: 'Gone', roles: ['Manufacturer'], knownSince: '2000-01-01', founded: '2000', dissolved: '2020-06', dissolvedKnownSince: '2021-03-01' };
    expect(nodeAsOf('Company', company, '2021-02-28')!.attributes.validUntil).toBeUndefined();
    expect(nodeAsOf('Company', company, '2021-03-01')!.attributes.validUntil).toBe('2020-06-30');
  });

  it('gives a device the status and steps public on the day, and exists from its first rumour until it is announced', () => {
    const device = {
      id: 'xiaomi-12s-ultra',
      name: 'Xiaomi 12S Ultra',
      knownSince: '2021-11-16',
      announced: '2022-07-04',
      announcedKnownSince: '2022-07-04',
      released: '2022-08',
      releasedKnownSince: '2022-07-04',
    };
    expect(nodeAsOf('Device', device, '2022-01-01')!.attributes).toMatchObject({ status: 'RUMOURED', validFrom: '2021-11-16' });
    expect(nodeAsOf('Device', device, '2022-01-01')!.attributes.announced).toBeUndefined();
    expect(nodeAsOf('Device', device, '2022-07-05')!.attributes).toMatchObject({ status: 'ANNOUNCED', validFrom: '2022-07-04', announced: '2022-07-04', released: '2022-08' });
    expect(nodeAsOf('Device', device, '2022-08-01')!.attributes.status).toBe('RELEASED');
  });

  it('keeps a company roles without its base label, and a dissolution only from its own period', () => {
    const company = { id: 'leitz', name: 'Leitz', knownSince: '1869-01-01', founded: '1869', dissolved: '2030', roles: ['Company', 'Manufacturer'] };
    expect(nodeAsOf('Company', company, '2025-01-01')!.attributes).toMatchObject({ roles: 'Manufacturer', validFrom: '1869-01-01', validFromText: '1869' });
    expect(nodeAsOf('Company', company, '2025-01-01')!.attributes.validUntil).toBeUndefined();
    expect(nodeAsOf('Company', company, '2030-01-01')!.attributes.validUntil).toBe('2030-12-31');
  });

  it('keeps only the edges to nodes public on the day, holding while their owner does, known from the later end', () => {
    const partnership = nodeAsOf('Partnership', huaweiLeica, '2022-06-01')!;
    const edges = edgesAsOf(
      partnership,
      [
        { type: 'MANUFACTURER', targetKind: 'Company', targetId: 'huawei', targetKnownSince: '1987-09-15' },
        { type: 'REPORTED_IN', targetKind: 'Source', targetId: 'later-article', targetKnownSince: '2022-05-23' },
        { type: 'REPORTED_IN', targetKind: 'Source', targetId: 'future-article', targetKnownSince: '2023-01-01' },
      ],
      '2022-06-01',
    );
    expect(edges).toEqual([
      {
        key: 'Partnership:huawei-leica-MANUFACTURER->Company:huawei',
        source: 'Partnership:huawei-leica',
        target: 'Company:huawei',
        attributes: { type: 'MANUFACTURER', validFrom: '2016-02-25', validUntil: '2022-03-31', knownSince: '2016-02-25' },
      },
      {
        key: 'Partnership:huawei-leica-REPORTED_IN->Source:later-article',
        source: 'Partnership:huawei-leica',
        target: 'Source:later-article',
        attributes: { type: 'REPORTED_IN', validFrom: '2016-02-25', validUntil: '2022-03-31', knownSince: '2022-05-23' },
      },
    ]);
  });
});
