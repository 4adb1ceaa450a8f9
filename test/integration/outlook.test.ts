/**
 * The seed article's question, asked of the demo data: who could Leica partner with after its
 * exclusivity with Huawei ends, as known on 2021-11-16, and how the answer changes by 2022-06-01.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { outlookFacts } from '../../src/graph/outlook-facts.ts';
import { importBundle } from '../../src/import/import-bundle.ts';
import { createHarness, uniquePrefix } from '../support/harness.ts';

const harness = createHarness();
afterAll(() => harness.close());

const outlookQuery = `query ($asOf: Date, $region: String, $after: ID) {
  partnershipOutlook(opticsPartner: "leica", asOf: $asOf, region: $region, afterExclusivity: $after) {
    evaluatedOn freeFrom
    blockedBy { clause { slug } end { lastDay basis } }
    assumesEndOf { clause { slug } end { basis condition launchOf { slug } } }
    candidates(first: 200) {
      totalCount
      edges { node {
        manufacturer { slug name } score pastPartner explanation evidenceClaims
        evidence { claim { slug publishedOn } leaker { slug } credibility weight direction }
      } }
    }
    existingPartners { manufacturer { slug } reason partnership { slug start { text } sources { url } } }
    excluded(first: 200) { totalCount edges { node { manufacturer { slug } reason clause { clause { slug } } partnership { slug } } } }
  }
}`;

/** The outlook with its connections read as lists (each one page here: the demo has few manufacturers). */
async function outlook(variables: Record<string, unknown>) {
  const result = await harness.graphql(outlookQuery, variables);
  expect(result.errors).toBeUndefined();
  const answer = result.data.partnershipOutlook;
  expect(answer.candidates.totalCount).toBe(answer.candidates.edges.length);
  expect(answer.excluded.totalCount).toBe(answer.excluded.edges.length);
  return { ...answer, candidates: answer.candidates.edges.map((e: any) => e.node), excluded: answer.excluded.edges.map((e: any) => e.node) };
}

describe('the partnership outlook for Leica', () => {
  it("as of 2021-11-16: free since the day after the P50 launch, Xiaomi first on Digital Chat Station's word", async () => {
    const answer = await outlook({ asOf: '2021-11-16' });
    expect(answer.evaluatedOn).toBe('2021-11-16');
    expect(answer.freeFrom).toBe('2021-07-30');
    expect(answer.blockedBy).toEqual([]);

    const [first] = answer.candidates;
    expect(first.manufacturer.slug).toBe('xiaomi');
    expect(first.score).toBeGreaterThan(0);
    expect(first.evidence.map((e: any) => e.leaker?.slug)).toContain('digital-chat-station');
    expect(answer.candidates.map((c: any) => c.manufacturer.slug)).toContain('honor');

    const existing = Object.fromEntries(answer.existingPartners.map((e: any) => [e.manufacturer.slug, e]));
    expect(existing.huawei.reason).toBe('EXISTING_PARTNER');
    expect(existing.huawei.partnership.slug).toBe('huawei-leica');
    expect(existing.sharp.partnership.slug).toBe('sharp-leica');
  });

  it('lists every manufacturer exactly once, and orders candidates by score then name', async () => {
    const answer = await outlook({ asOf: '2021-11-16' });
    const all = [...answer.candidates, ...answer.existingPartners, ...answer.excluded].map((e: any) => e.manufacturer.slug);
    expect(new Set(all).size).toBe(all.length);
    const manufacturers = await harness.graphql('{ manufacturers(asOf: "2021-11-16", first: 200) { totalCount } }');
    expect(all.length).toBe(manufacturers.data.manufacturers.totalCount);
    const scores = answer.candidates.map((c: any) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores.every((s: number) => s >= 0 && s <= 1)).toBe(true);
  });

  it('as of 2022-06-01: Huawei is a past partner and candidate again, Xiaomi an existing partner', async () => {
    const answer = await outlook({ asOf: '2022-06-01' });
    const huawei = answer.candidates.find((c: any) => c.manufacturer.slug === 'huawei');
    expect(huawei.pastPartner).toBe(true);
    const existing = answer.existingPartners.map((e: any) => e.manufacturer.slug);
    expect(existing).toContain('xiaomi');
    expect(existing).not.toContain('huawei');
    // Xiaomi's clause was only reported in 2024: in mid-2022 nothing binds Leica.
    expect(answer.blockedBy).toEqual([]);
    expect(answer.assumesEndOf).toEqual([]);
  });

  it("today, Xiaomi's clause (no known end) binds Leica everywhere but Japan, and the answer says what it assumes", async () => {
    const everywhere = await outlook({});
    expect(everywhere.blockedBy.map((b: any) => b.clause.slug)).toContain('xiaomi-leica-exclusivity');
    expect(everywhere.assumesEndOf.map((b: any) => b.clause.slug)).toContain('xiaomi-leica-exclusivity');
    const japan = await outlook({ region: 'JP' });
    expect(japan.blockedBy.map((b: any) => b.clause.slug)).not.toContain('xiaomi-leica-exclusivity');
    expect(japan.assumesEndOf.map((b: any) => b.clause.slug)).not.toContain('xiaomi-leica-exclusivity');
  });

  it('evaluates after a named exclusivity ends, and refuses one not yet public on the day', async () => {
    const answer = await outlook({ asOf: '2021-11-16', after: 'huawei-leica-exclusivity' });
    expect(answer.evaluatedOn).toBe('2021-11-16');
    const early = await harness.graphql(outlookQuery, { asOf: '2021-01-01', after: 'huawei-leica-exclusivity' });
    // The article inferred the clause on 2021-11-16; on 2021-01-01 nobody had.
    expect(early.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(early.errors?.[0]?.message).toMatch(/huawei-leica-exclusivity/);
  });

  it('explains a refused question: an unknown optics partner and a malformed region', async () => {
    const unknown = await harness.graphql('{ partnershipOutlook(opticsPartner: "no-such-brand") { evaluatedOn } }');
    expect(unknown.errors?.[0]?.message).toMatch(/no-such-brand/);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const region = await harness.graphql('{ partnershipOutlook(opticsPartner: "leica", region: "Japan") { evaluatedOn } }');
    expect(region.errors?.[0]?.message).toMatch(/ISO 3166-1 alpha-2/);
  });

  it("shows each manufacturer's name and slug as the company loader does, without reading the companies again", async () => {
    const shown = (fields: string) => `{ partnershipOutlook(opticsPartner: "leica", asOf: "2022-06-01") {
      candidates(first: 200) { edges { node { manufacturer { ${fields} } } } }
      existingPartners { manufacturer { ${fields} } }
      excluded(first: 200) { edges { node { manufacturer { ${fields} } } } }
    } }`;
    const fromFacts = await harness.graphql(shown('slug name knownSince'));
    // The country is not among the facts: each company is read through its loader, whole.
    const fromLoader = await harness.graphql(shown('slug name knownSince country'));
    expect(fromFacts.errors).toBeUndefined();
    expect(fromLoader.errors).toBeUndefined();
    const manufacturers = (answer: any) =>
      [...answer.candidates.edges.map((e: any) => e.node), ...answer.existingPartners, ...answer.excluded.edges.map((e: any) => e.node)].map(
        ({ manufacturer: { country, ...rest } }: any) => rest,
      );
    const facts = manufacturers(fromFacts.data.partnershipOutlook);
    expect(facts.length).toBeGreaterThan(5);
    expect(facts).toEqual(manufacturers(fromLoader.data.partnershipOutlook));
    expect(fromLoader.data.partnershipOutlook.existingPartners.some((e: any) => e.manufacturer.country)).toBe(true);
    expect(fromFacts.extensions?.cypherRoundTrips).toBeLessThan(fromLoader.extensions?.cypherRoundTrips as number);
  });

  it('costs a bounded number of Cypher round trips, whatever the number of manufacturers', async () => {
    const result = await harness.graphql(outlookQuery, { asOf: '2021-11-16' });
    expect(result.extensions?.cypherRoundTrips).toBeLessThanOrEqual(8);
  });
});

describe("leaker credibility and a partner's freedom", () => {
  it('gives Digital Chat Station a credibility that rests on its resolved claims', async () => {
    const result = await harness.graphql(`{
      leaker(id: "digital-chat-station", asOf: "2021-11-16") { credibility { value hits resolved resolvedClaims(first: 50) { totalCount edges { node { slug outcome } } } } }
    }`);
    const credibility = result.data.leaker.credibility;
    expect(credibility.resolved).toBe(credibility.resolvedClaims.totalCount);
    expect(credibility.resolvedClaims.edges.every((e: any) => e.node.outcome !== 'UNRESOLVED')).toBe(true);
    expect(credibility.value).toBeCloseTo((credibility.hits + 1) / (credibility.resolved + 2), 10);
  });

  it('says Leica has been free since 2021-07-30 as of 2021-11-16', async () => {
    const result = await harness.graphql(`{ opticsPartner(id: "leica", asOf: "2021-11-16") { freeFrom { isFree freeFrom } } }`);
    expect(result.data.opticsPartner.freeFrom).toEqual({ isFree: true, freeFrom: '2021-07-30' });
    const earlier = await harness.graphql(
      `{ opticsPartner(id: "leica") { then: freeFrom(asOf: "2021-11-16") { freeFrom } japan: freeFrom(region: "JP") { isFree } now: freeFrom { isFree blockedBy { clause { slug } } } } }`,
    );
    expect(earlier.data.opticsPartner.then.freeFrom).toBe('2021-07-30');
    expect(earlier.data.opticsPartner.japan.isFree).toBe(true);
    expect(earlier.data.opticsPartner.now.blockedBy.map((b: any) => b.clause.slug)).toEqual(['xiaomi-leica-exclusivity']);
  });

  it("tells Leica's story in date order as of 2022-06-01", async () => {
    const result = await harness.graphql(`{ company(id: "leica", asOf: "2022-06-01") { timeline { kind day refId } } }`);
    const events = result.data.company.timeline;
    const days = events.map((e: any) => e.day);
    expect(days).toEqual([...days].sort());
    expect(events.some((e: any) => e.kind === 'PARTNERSHIP_ENDED' && e.refId === 'huawei-leica')).toBe(true);
    expect(events.every((e: any) => e.refId !== 'xiaomi-leica-exclusivity')).toBe(true);
  });
});

describe('a partner whose facts come in several records', () => {
  // outlook-facts returns at most 100 manufacturers, 20 partnerships and 20 clauses per record:
  // 130 makers, 25 partnerships with P and 25 clauses binding makers to Q take several of each.
  it('reads every manufacturer, partnership and clause, and the outlook places each maker once', async () => {
    const p = uniquePrefix('records');
    const makers = Array.from({ length: 130 }, (_, i) => `${p}-m${String(i).padStart(3, '0')}`);
    const company = (id: string, role: 'OPTICS_PARTNER' | 'MANUFACTURER') => ({ id, name: id, roles: [role], knownSince: '2015-01-01' });
    try {
      await importBundle(harness.graph, {
        format: 'optics-graph-bundle/1',
        companies: [company(`${p}-p`, 'OPTICS_PARTNER'), company(`${p}-q`, 'OPTICS_PARTNER'), ...makers.map((id) => company(id, 'MANUFACTURER'))],
        partnerships: [
          ...makers.slice(0, 25).map((id) => ({ id: `${id}-p`, manufacturer: id, opticsPartner: `${p}-p`, start: '2020-01-01', knownSince: '2020-01-01' })),
          ...makers.slice(25, 50).map((id) => ({ id: `${id}-q`, manufacturer: id, opticsPartner: `${p}-q`, start: '2020-01-01', knownSince: '2020-01-01' })),
        ],
        exclusivities: makers.slice(25, 50).map((id) => ({
          id: `${id}-q-clause`,
          partnership: `${id}-q`,
          binds: 'MANUFACTURER' as const,
          certainty: 'REPORTED' as const,
          start: '2020-01-01',
          knownSince: '2020-01-01',
        })),
      });
      const facts = await outlookFacts({ graph: harness.graph, roundTrips: { count: 0, statements: [] } }, `${p}-p`, '2024-01-01', null);
      const ids = (list: { id: string }[]) => list.map((x) => x.id).filter((id) => id.startsWith(p));
      expect(facts?.partner.id).toBe(`${p}-p`);
      expect(ids(facts?.companies ?? []).toSorted()).toEqual([`${p}-p`, ...makers].toSorted());
      expect(ids(facts?.partnerships ?? []).toSorted()).toEqual(makers.slice(0, 25).map((id) => `${id}-p`));
      expect(ids(facts?.exclusivities ?? []).toSorted()).toEqual(makers.slice(25, 50).map((id) => `${id}-q-clause`));

      const result = await harness.graphql(`{ partnershipOutlook(opticsPartner: "${p}-p", asOf: "2024-01-01") {
        existingPartners { manufacturer { slug } }
        excluded(first: 100) { totalCount edges { node { manufacturer { slug } reason } } }
      } }`);
      expect(result.errors).toBeUndefined();
      const outlook = result.data.partnershipOutlook;
      const mine = (slugs: string[]) => slugs.filter((slug) => slug.startsWith(p)).toSorted();
      expect(mine(outlook.existingPartners.map((e: any) => e.manufacturer.slug))).toEqual(makers.slice(0, 25));
      const boundElsewhere = outlook.excluded.edges.filter((e: any) => e.node.reason === 'BOUND_ELSEWHERE').map((e: any) => e.node.manufacturer.slug);
      expect(outlook.excluded.totalCount).toBeLessThanOrEqual(100);
      expect(mine(boundElsewhere)).toEqual(makers.slice(25, 50));
    } finally {
      await harness.graph.runScript('MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix: p });
    }
  });
});
