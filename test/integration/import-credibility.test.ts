import { afterAll, describe, expect, it } from 'vitest';
import { credibilityAsOf } from '../../src/domain/credibility.ts';
import type { ClaimFact } from '../../src/domain/facts.ts';
import type { Bundle, BundleClaim } from '../../src/import/bundle.ts';
import { importBundle } from '../../src/import/import-bundle.ts';
import { claimFact } from '../../src/import/normalise.ts';
import { createHarness, uniquePrefix } from '../support/harness.ts';
import { testRead, testWrite } from '../support/test-statements.ts';

const harness = createHarness();
const prefix = uniquePrefix('import-cred');

afterAll(async () => {
  await testWrite(harness.graph, 'delete', { prefix });
  await harness.close();
});

/** Two leakers; the first has claims that resolve, are vindicated, stay open, or resolve on one day together. */
function bundleOf(p: string): Bundle {
  const id = (name: string) => `${p}-${name}`;
  const claim = (name: string, leaker: string, publishedOn: string, resolutions: BundleClaim['resolutions']): BundleClaim => ({
    id: id(name),
    leaker: id(leaker),
    statement: `Claim ${name}.`,
    kind: 'WILL_PARTNER',
    subjects: [id('maker'), 'leica'],
    publishedOn,
    resolutions,
  });
  return {
    format: 'optics-graph-bundle/1',
    companies: [{ id: id('maker'), name: 'Credibility Maker', roles: ['MANUFACTURER'] }],
    leakers: [
      { id: id('teller'), name: 'Teller' },
      { id: id('other'), name: 'Other' },
    ],
    claims: [
      claim('confirmed', 'teller', '2021-01-10', [{ outcome: 'CONFIRMED', decidedOn: '2021-03-01' }]),
      claim('vindicated', 'teller', '2021-02-01', [
        { outcome: 'REFUTED', decidedOn: '2021-02-15' },
        { outcome: 'CONFIRMED', decidedOn: '2021-06-01', knownSince: '2021-06-20' },
      ]),
      claim('partly', 'teller', '2021-03-05', [{ outcome: 'PARTLY_CONFIRMED', decidedOn: '2021-03-01', knownSince: '2021-04-01' }]),
      claim('same-day', 'teller', '2021-03-20', [{ outcome: 'REFUTED', decidedOn: '2021-04-01' }]),
      claim('open', 'teller', '2021-05-01', []),
      claim('elsewhere', 'other', '2021-01-20', [{ outcome: 'CONFIRMED', decidedOn: '2021-02-01' }]),
    ],
  };
}

function factsOf(bundle: Bundle): ClaimFact[] {
  return (bundle.claims ?? []).map(claimFact);
}

const asOfDays = ['2020-12-31', '2021-01-10', '2021-02-15', '2021-03-01', '2021-03-31', '2021-04-01', '2021-06-19', '2021-06-20', '2022-01-01'];

/** Hits and resolved as of each day, read from the stored steps the way the read path does: the last step on or before the day. */
async function storedCounts(leaker: string): Promise<{ day: string; hits: number; resolved: number }[]> {
  const steps = await testRead(harness.graph, 'credibility-steps', { leaker });
  return asOfDays.map((day) => {
    const step = steps.filter((s) => (s.day as string) <= day).at(-1);
    return { day, hits: Number(step?.hits ?? 0), resolved: Number(step?.resolved ?? 0) };
  });
}

function expectedCounts(leaker: string, bundle: Bundle): { day: string; hits: number; resolved: number }[] {
  return asOfDays.map((day) => {
    const { hits, resolved } = credibilityAsOf(leaker, factsOf(bundle), day);
    return { day, hits, resolved };
  });
}

describe('credibility steps kept by the importer', () => {
  it("give each leaker's hits and resolved as of any day, as credibilityAsOf computes them", async () => {
    const p = `${prefix}-fresh`;
    const bundle = bundleOf(p);
    await importBundle(harness.graph, bundle);

    for (const leaker of [`${p}-teller`, `${p}-other`]) expect(await storedCounts(leaker)).toEqual(expectedCounts(leaker, bundle));
    // The vindicated claim counts as a miss until its second decision is public, then as a hit.
    expect((await storedCounts(`${p}-teller`)).find((c) => c.day === '2021-06-20')).toEqual({ day: '2021-06-20', hits: 2.5, resolved: 4 });
  });

  it('follow a re-import that changes a resolution, and a claim that moves to another leaker', async () => {
    const p = `${prefix}-changed`;
    await importBundle(harness.graph, bundleOf(p));
    const changed = bundleOf(p);
    changed.claims![3]!.resolutions = [{ outcome: 'CONFIRMED', decidedOn: '2021-04-01' }];
    changed.claims![0]!.leaker = `${p}-other`;

    const report = await importBundle(harness.graph, changed);

    expect(report.kinds.claims.changed).toBe(2);
    for (const leaker of [`${p}-teller`, `${p}-other`]) expect(await storedCounts(leaker)).toEqual(expectedCounts(leaker, changed));
    const [stored] = await testRead(harness.graph, 'entity', { id: `${p}-confirmed` });
    expect(stored!.properties).toMatchObject({ leakerId: `${p}-other`, subjectIds: [`${p}-maker`, 'leica'], outcomeDays: ['2021-03-01'], outcomeValues: ['CONFIRMED'] });
  });

  it('are left as they were by a re-import that changes nothing', async () => {
    const p = `${prefix}-same`;
    await importBundle(harness.graph, bundleOf(p));
    const before = await testRead(harness.graph, 'credibility-steps', { leaker: `${p}-teller` });

    const again = await importBundle(harness.graph, bundleOf(p));

    expect(again.totals.changed).toBe(0);
    expect(await testRead(harness.graph, 'credibility-steps', { leaker: `${p}-teller` })).toEqual(before);
  });
});
