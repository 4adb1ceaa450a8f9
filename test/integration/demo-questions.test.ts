/**
 * The questions the README promises, asked through GraphQL against the demo dataset that the test
 * run's global setup loaded into a fresh Neo4j.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createHarness } from '../support/harness.ts';

const harness = createHarness();
afterAll(() => harness.close());

async function ask<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await harness.graphql<T>(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data;
}

describe("the demo dataset answers the seed article's questions", () => {
  it('lists the devices co-engineered with Leica in announcement order, with their manufacturers', async () => {
    const data = await ask(`{
      devices(opticsPartner: "leica", orderBy: ANNOUNCED_ASC, first: 100) {
        totalCount
        edges { node { slug name announced { firstDay } manufacturer { slug name } } }
      }
    }`);
    const devices = data.devices.edges.map((e: any) => e.node);
    expect(devices.length).toBeGreaterThanOrEqual(5);
    expect(devices[0].slug).toBe('huawei-p9');
    const days = devices.filter((d: any) => d.announced).map((d: any) => d.announced.firstDay);
    expect(days).toEqual([...days].sort());
    const makers = new Set(devices.map((d: any) => d.manufacturer.slug));
    expect(makers).toContain('huawei');
    expect(makers).toContain('xiaomi');
    expect(makers).toContain('sharp');
    expect(devices.map((d: any) => d.slug)).toContain('huawei-p50');
  });

  it("shows Digital Chat Station's claims with their outcomes, including one refuted then vindicated", async () => {
    const data = await ask(`{
      leaker(id: "digital-chat-station") {
        name platform
        claims(first: 100) { edges { node { slug kind statement publishedOn outcome resolutions { outcome decidedOn knownSince } } } }
      }
    }`);
    const claims = data.leaker.claims.edges.map((e: any) => e.node);
    expect(data.leaker.platform).toBe('Weibo');
    expect(claims.length).toBeGreaterThanOrEqual(2);
    const xiaomiLeica = claims.find((c: any) => c.publishedOn === '2021-11-16' && c.kind === 'WILL_PARTNER');
    expect(xiaomiLeica.outcome).toBe('CONFIRMED');
    const vindicated = claims.find((c: any) => c.slug === 'dcs-huawei-leica-expired-2020-11-18');
    expect(vindicated.resolutions.map((r: any) => r.outcome)[0]).toBe('REFUTED');
    expect(vindicated.resolutions.length).toBeGreaterThanOrEqual(2);
  });

  it('sees the same claim as unresolved on the day it was published', async () => {
    const data = await ask(`{
      leaker(id: "digital-chat-station", asOf: "2021-11-16") {
        claims(first: 100) { edges { node { slug publishedOn kind outcome resolutions { outcome } } } }
      }
    }`);
    const claims = data.leaker.claims.edges.map((e: any) => e.node);
    const xiaomiLeica = claims.find((c: any) => c.publishedOn === '2021-11-16' && c.kind === 'WILL_PARTNER');
    expect(xiaomiLeica.outcome).toBe('UNRESOLVED');
    expect(xiaomiLeica.resolutions).toEqual([]);
    const vindicated = claims.find((c: any) => c.slug === 'dcs-huawei-leica-expired-2020-11-18');
    expect(vindicated.outcome).toBe('REFUTED');
  });

  it('filters claims by their outcome as known on the day: refuted in 2021, partly vindicated by 2022-06', async () => {
    const query = `query ($asOf: Date, $outcome: [Outcome!]) {
      claims(leaker: "digital-chat-station", outcome: $outcome, asOf: $asOf, first: 100) { totalCount edges { node { slug outcome } } }
    }`;
    const slugs = (data: any) => data.claims.edges.map((e: any) => e.node.slug);
    const refutedThen = await ask(query, { asOf: '2021-11-16', outcome: ['REFUTED'] });
    expect(slugs(refutedThen)).toContain('dcs-huawei-leica-expired-2020-11-18');
    expect(refutedThen.claims.totalCount).toBe(refutedThen.claims.edges.length);
    // Its end of 2022-03-31 was reported on 2022-05-23: the claim was partly right after all.
    const vindicatedLater = await ask(query, { asOf: '2022-06-01', outcome: ['PARTLY_CONFIRMED'] });
    expect(slugs(vindicatedLater)).toContain('dcs-huawei-leica-expired-2020-11-18');
    expect(vindicatedLater.claims.edges.every((e: any) => e.node.outcome === 'PARTLY_CONFIRMED')).toBe(true);
    const refutedLater = await ask(query, { asOf: '2022-06-01', outcome: ['REFUTED'] });
    expect(slugs(refutedLater)).not.toContain('dcs-huawei-leica-expired-2020-11-18');
  });

  it('sees Huawei–Leica running as of 2022-04-30 and ended 2022-03-31 as of 2022-06-01', async () => {
    const query = `query ($asOf: Date) { partnership(id: "huawei-leica", asOf: $asOf) { status end { text } start { text } manufacturer { name } opticsPartner { name } } }`;
    const before = await ask(query, { asOf: '2022-04-30' });
    expect(before.partnership.status).toBe('ACTIVE');
    expect(before.partnership.end).toBeNull();
    const after = await ask(query, { asOf: '2022-06-01' });
    expect(after.partnership.status).toBe('ENDED');
    expect(after.partnership.end.text).toBe('2022-03-31');
  });

  it('does not leak later knowledge through nested fields', async () => {
    const data = await ask(`{
      opticsPartner(id: "leica", asOf: "2022-04-30") {
        partnerships(first: 50) { edges { node { slug end { text } devices(first: 50) { edges { node { slug announced { text } } } } } } }
      }
    }`);
    const partnerships = data.opticsPartner.partnerships.edges.map((e: any) => e.node);
    expect(partnerships.map((p: any) => p.slug)).not.toContain('xiaomi-leica');
    expect(partnerships.find((p: any) => p.slug === 'huawei-leica').end).toBeNull();
    const announced = partnerships.flatMap((p: any) => p.devices.edges.map((e: any) => e.node.announced?.text)).filter(Boolean);
    expect(announced.every((day: string) => day <= '2022-04-30')).toBe(true);
  });

  it('shows the seed article as a source with the claims it reports', async () => {
    const data = await ask(`{
      source(id: "seed-article-2021-11-16") {
        title publisher publishedOn { text } url
        claims(first: 20) { edges { node { statement leaker { name } subjects { __typename ... on Company { slug } ... on Device { slug } } } } }
        exclusivityClauses { slug certainty }
      }
    }`);
    expect(data.source.publishedOn.text).toBe('2021-11-16');
    const claims = data.source.claims.edges.map((e: any) => e.node);
    expect(claims.some((c: any) => c.leaker?.name.includes('Digital Chat Station'))).toBe(true);
    const subjects = claims.flatMap((c: any) => c.subjects.map((s: any) => s.slug));
    expect(subjects).toEqual(expect.arrayContaining(['leica', 'xiaomi', 'xiaomi-12-ultra']));
    expect(data.source.exclusivityClauses).toContainEqual({ slug: 'huawei-leica-exclusivity', certainty: 'INFERRED' });
  });

  it('keeps the contradiction between the inferred Huawei clause and the Sharp partnership visible', async () => {
    const data = await ask(`{
      opticsPartner(id: "leica") { exclusivityClauses { slug contradictedBy { partnership { slug } overlapFrom } } }
    }`);
    const clause = data.opticsPartner.exclusivityClauses.find((c: any) => c.slug === 'huawei-leica-exclusivity');
    expect(clause.contradictedBy.map((c: any) => c.partnership.slug)).toContain('sharp-leica');
  });

  it('finds the rumoured Xiaomi 12 Ultra by text, and that it became the 12S Ultra', async () => {
    const data = await ask(`{ search(text: "Xiaomi 12 Ultra") { __typename ... on Device { slug status became { slug } } } }`);
    const device = data.search.find((hit: any) => hit.slug === 'xiaomi-12-ultra');
    expect(device.status).toBe('RUMOURED');
    expect(device.became.slug).toBe('xiaomi-12s-ultra');
  });

  it('answers null for an id nothing names, or names only later', async () => {
    const data = await ask(`{
      unknown: device(id: "no-such-phone") { name }
      early: partnership(id: "huawei-leica", asOf: "2015-06-01") { slug }
      known: partnership(id: "huawei-leica", asOf: "2016-03-01") { slug }
    }`);
    expect(data).toEqual({ unknown: null, early: null, known: { slug: 'huawei-leica' } });
  });

  it('refuses a region that is not an ISO code wherever a region is asked', async () => {
    const result = await harness.graphql('{ opticsPartner(id: "leica") { freeFrom(region: "Japan") { isFree } } }');
    expect(result.errors?.[0]?.message).toMatch(/ISO 3166-1 alpha-2/);
  });
});
