/**
 * Each partner's evidence digest is kept equal to its evidence index entries by every write, in the
 * write's transaction (src/graph/evidence-digests.ts): imports in one transaction and staged,
 * resolutions that take a claim out of the evidence, two writes on one partner at once, and a write
 * that fails. The outlook reads its evidence from the digest, so a stale digest is a wrong score.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { digestOf } from '../../src/domain/evidence-digest.ts';
import { importBundle } from '../../src/import/import-bundle.ts';
import { createHarness, uniquePrefix, writerKey } from '../support/harness.ts';

const harness = createHarness();
const p = uniquePrefix('digest');
const partner = `${p}-optics`;
const makers = [0, 1, 2].map((i) => `${p}-maker${i}`);
const asWriter = { 'x-api-key': writerKey };

afterAll(async () => {
  await harness.graph.runScript('MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix: p });
  await harness.graph.runScript('MATCH (n:Evidence) WHERE n.partner STARTS WITH $prefix DELETE n', { prefix: p });
  await harness.graph.runScript('MATCH (n:EvidenceDigest) WHERE n.partner STARTS WITH $prefix DELETE n', { prefix: p });
  await harness.close();
});

function claim(i: number, maker: string, leaker: string | null, publishedOn: string, kind = 'WILL_PARTNER') {
  return { id: `${p}-claim${i}`, ...(leaker ? { leaker } : {}), statement: `Claim ${i}`, kind, subjects: [partner, maker], publishedOn };
}

const base = {
  format: 'optics-graph-bundle/1',
  companies: [
    { id: partner, name: `${p} Optics`, roles: ['OPTICS_PARTNER'], knownSince: '2015-01-01' },
    ...makers.map((id, i) => ({ id, name: `${p} Maker ${i}`, roles: ['MANUFACTURER'], knownSince: '2015-01-01' })),
  ],
  leakers: [
    { id: `${p}-dcs`, name: `${p} DCS`, knownSince: '2015-01-01' },
    { id: `${p}-ice`, name: `${p} Ice`, knownSince: '2015-01-01' },
  ],
  claims: [
    claim(1, makers[0] as string, `${p}-dcs`, '2021-01-10'),
    claim(2, makers[0] as string, `${p}-ice`, '2021-02-10', 'WILL_NOT_PARTNER'),
    claim(3, makers[1] as string, null, '2021-03-10'),
    claim(4, makers[1] as string, `${p}-dcs`, '2021-04-10'),
    claim(5, makers[2] as string, `${p}-ice`, '2021-05-10'),
  ],
};

/** Every digest of these partners, as stored and as rebuilt from the entries the graph holds now. */
async function storedAndRebuilt(partners: string[]) {
  const stored = await harness.graph.runScript(
    'UNWIND $partners AS partner OPTIONAL MATCH (d:EvidenceDigest {partner: partner}) RETURN partner, d.manufacturers AS manufacturers, coalesce(d.leakers, []) AS leakers, d.entries AS entries ORDER BY partner',
    { partners },
    'READ',
  );
  const entries = await harness.graph.runScript(
    'UNWIND $partners AS partner MATCH (e:Evidence {partner: partner}) RETURN partner, e.manufacturer AS manufacturer, e.leaker AS leaker, e.direction AS direction, e.from AS from, e.until AS until',
    { partners },
    'READ',
  );
  const rebuilt = partners.map((id) => {
    const own = entries.filter((e) => e.partner === id) as { manufacturer: string; leaker: string; direction: string; from: string; until: string }[];
    if (own.length === 0) return { partner: id, manufacturers: null, leakers: [], entries: null };
    return { partner: id, ...digestOf(own) };
  });
  return { stored, rebuilt };
}

async function expectDigestsMatchEntries() {
  const { stored, rebuilt } = await storedAndRebuilt([partner, ...makers].sort());
  expect(stored).toEqual(rebuilt);
  // The digest's reader takes a leaker's credibility on later days from its last step, labelled so.
  const latest = await harness.graph.runScript(
    `MATCH (s:CredibilityStep) WHERE s.leaker STARTS WITH $prefix
     WITH s.leaker AS leaker, max(s.day) AS last, collect(CASE WHEN s:LatestCredibilityStep THEN s.day END) AS labelled
     RETURN leaker, last, labelled ORDER BY leaker`,
    { prefix: p },
    'READ',
  );
  for (const row of latest) expect(row.labelled).toEqual([row.last]);
  return latest.length;
}

const scores = `query ($p: ID!, $asOf: Date, $after: String) { partnershipOutlook(opticsPartner: $p, asOf: $asOf) {
  candidates(first: 200, after: $after) {
    edges { node { manufacturer { slug } evidence { claim { slug } } } }
    pageInfo { hasNextPage endCursor }
  }
} }`;

/** The claims behind each of this test's manufacturers' scores (every page of candidates: the shared graph has others). */
async function evidenceOf(asOf: string): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  let after: string | null = null;
  for (;;) {
    const result: { data?: any; errors?: unknown } = await harness.graphql(scores, { p: partner, asOf, after });
    expect(result.errors).toBeUndefined();
    const page: { edges: any[]; pageInfo: { hasNextPage: boolean; endCursor: string } } = result.data.partnershipOutlook.candidates;
    for (const edge of page.edges) {
      if (makers.includes(edge.node.manufacturer.slug)) found[edge.node.manufacturer.slug] = edge.node.evidence.map((x: any) => x.claim.slug).sort();
    }
    if (!page.pageInfo.hasNextPage) return found;
    after = page.pageInfo.endCursor;
  }
}

async function resolve(claimId: string, outcome: string, decidedOn: string) {
  const result = await harness.graphql(`mutation { resolveClaim(claim: "${claimId}", outcome: ${outcome}, decidedOn: "${decidedOn}") { __typename } }`, {}, asWriter);
  expect(result.errors).toBeUndefined();
  expect(result.data.resolveClaim.__typename).toBe('MutationResolveClaimSuccess');
}

describe('the evidence digests', () => {
  it('equal the entries after an import in one transaction, and give the outlook its evidence', async () => {
    await importBundle(harness.graph, base);
    await expectDigestsMatchEntries();
    const evidence = await evidenceOf('2022-01-01');
    expect(evidence[makers[0] as string]).toEqual([`${p}-claim1`, `${p}-claim2`]);
    expect(evidence[makers[1] as string]).toEqual([`${p}-claim3`, `${p}-claim4`]);
  });

  it('answer for a partner whose claims all lack a leaker (its digest lists no leaker)', async () => {
    // Found by outlook-properties.test.ts on random worlds: such a digest stores no leakers property.
    const lone = `${p}-lone`;
    await importBundle(harness.graph, {
      format: 'optics-graph-bundle/1',
      companies: [{ id: lone, name: `${p} Lone Optics`, roles: ['OPTICS_PARTNER'], knownSince: '2015-01-01' }],
      claims: [{ id: `${p}-claim-lone`, statement: 'They will partner', kind: 'WILL_PARTNER', subjects: [lone, makers[0]], publishedOn: '2015-01-01' }],
    });
    const result = await harness.graphql(
      `query ($p: ID!) { partnershipOutlook(opticsPartner: $p, asOf: "2015-01-01") { candidates(first: 200) { edges { node { manufacturer { slug } score } } } } }`,
      { p: lone },
    );
    expect(result.errors).toBeUndefined();
    const scored = result.data.partnershipOutlook.candidates.edges.find((e: any) => e.node.manufacturer.slug === makers[0]);
    expect(scored.node.score).toBeCloseTo(0.5, 9);
  });

  it('drop a refuted claim from the day its refutation is known, and take two resolutions at once', async () => {
    await resolve(`${p}-claim4`, 'REFUTED', '2021-08-01');
    expect(await expectDigestsMatchEntries()).toBe(1);
    expect((await evidenceOf('2021-07-31'))[makers[1] as string]).toEqual([`${p}-claim3`, `${p}-claim4`]);
    expect((await evidenceOf('2021-08-01'))[makers[1] as string]).toEqual([`${p}-claim3`]);

    // Both change the same partner's digest: neither may drop the other's change.
    await Promise.all([resolve(`${p}-claim1`, 'REFUTED', '2021-09-01'), resolve(`${p}-claim5`, 'REFUTED', '2021-09-01')]);
    expect(await expectDigestsMatchEntries()).toBe(2);
    const after = await evidenceOf('2021-10-01');
    expect(after[makers[0] as string]).toEqual([`${p}-claim2`]);
    expect(after[makers[2] as string]).toEqual([]);
  });

  it('give each leaker the same credibility read from one scan of the latest steps as from a seek per leaker', async () => {
    // After the refutations above both leakers have steps. $scanShare 0 scans whenever the days allow,
    // 2 never does (outlook-evidence-digest.cypher).
    const read = async (day: string, scanShare: number) => (await harness.graph.read('outlook-evidence-digest', { partner, evidenceDays: [day], scanShare }))[0] as any;
    const today = new Date().toISOString().slice(0, 10);
    const [scanned, sought] = [await read(today, 0), await read(today, 2)];
    expect(scanned.latest).not.toBeNull();
    expect(sought.latest).toBeNull();
    // Each leaker's step as [hits, resolved] (null, null: no step by the day).
    const latest = new Map((scanned.latest as [string, number, number][]).map(([leaker, ...step]) => [leaker, step]));
    const [day, steps] = (sought.credibilities as [string, [number, number | null, number | null][]][])[0] ?? [];
    expect(day).toBe(today);
    if (!steps) throw new Error('no credibilities for the day');
    expect(steps.filter(([, hits]) => hits !== null)).toHaveLength(2);
    for (const [index, ...step] of steps) expect(latest.get(sought.leakers[index]) ?? [null, null]).toEqual(step);
    // A day before a leaker's last step needs its step of that day: never the scan.
    const past = await read('2021-08-15', 0);
    expect(past.latest).toBeNull();
    const pastSteps = (past.credibilities[0][1] as [number, number | null, number | null][]).map(([, ...step]) => step);
    expect(pastSteps).not.toEqual(steps.map(([, ...step]) => step));
  });

  it("show, beside each claim behind a score, its leaker's credibility that day as the leaker's own field gives it", async () => {
    const query = `query ($p: ID!, $asOf: Date) { partnershipOutlook(opticsPartner: $p, asOf: $asOf) {
      candidates(first: 20) { edges { node { manufacturer { slug } evidence(first: 5) { leaker { slug credibility { value hits resolved } } credibility credibilityHits credibilityResolved } } } }
    } }`;
    let shown = 0;
    for (const asOf of ['2021-08-15', new Date().toISOString().slice(0, 10)]) {
      const result: { data?: any; errors?: unknown } = await harness.graphql(query, { p: partner, asOf });
      expect(result.errors).toBeUndefined();
      for (const edge of result.data.partnershipOutlook.candidates.edges) {
        if (!makers.includes(edge.node.manufacturer.slug)) continue;
        for (const e of edge.node.evidence.filter((x: any) => x.leaker)) {
          expect([e.credibility, e.credibilityHits, e.credibilityResolved]).toEqual([e.leaker.credibility.value, e.leaker.credibility.hits, e.leaker.credibility.resolved]);
          shown += 1;
        }
      }
    }
    expect(shown).toBeGreaterThan(2);
  });

  it('take in the claims of a staged import when it publishes, and nothing of one that fails', async () => {
    const more = {
      ...base,
      claims: [6, 7, 8, 9, 10, 11, 12].map((i) => claim(i, makers[i % 3] as string, i % 2 ? `${p}-dcs` : null, `2022-0${(i % 9) + 1}-01`)),
    };
    await importBundle(harness.graph, more, { entitiesPerTransaction: 3, batchSize: 2 });
    await expectDigestsMatchEntries();
    expect((await evidenceOf('2023-01-01'))[makers[0] as string]).toEqual([`${p}-claim12`, `${p}-claim2`, `${p}-claim6`, `${p}-claim9`]);

    const before = await storedAndRebuilt([partner]);
    const failing = { ...base, claims: [claim(13, makers[0] as string, `${p}-dcs`, '2022-06-01')] };
    await expect(
      importBundle(harness.graph, failing, {
        entitiesPerTransaction: 1,
        batchSize: 1,
        onBatchCommitted: () => {
          throw new Error('stopped on purpose');
        },
      }),
    ).rejects.toThrow(/stopped on purpose/);
    expect(await storedAndRebuilt([partner])).toEqual(before);
  });
});
