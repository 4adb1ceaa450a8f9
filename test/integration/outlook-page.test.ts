/**
 * End to end, as a person uses it: the service runs as its own process on a real port (node
 * src/server.ts, the page built as `npm start` builds it), and a real headless Chromium opens GraphiQL
 * and the outlook page. Nothing the browser loads may come from anywhere but the service.
 * Run alone: PATH=$PWD/node_modules/.bin:$PATH vitest run --project integration test/integration/outlook-page.test.ts
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { buildWebPage } from '../../scripts/build-web.ts';
import { closeBrowser, launchBrowser } from '../support/browser.ts';
import { startService, type ServiceProcess } from '../support/service-process.ts';
import { createHarness, uniquePrefix, writerKey } from '../support/harness.ts';

const harness = createHarness();
const p = uniquePrefix('page');
/** Two services: as `npm start` runs it (GraphiQL), and in trusted-documents mode (the page, by hash). */
let service: ServiceProcess | null = null;
let trusted: ServiceProcess | null = null;
let browser: Browser | null = null;
/** Every URL the browser asked for, to prove nothing left the machine. */
const requested: string[] = [];
/** What the browser said, to show with a failure. */
const browserLog: string[] = [];
/** A slow, shared machine: a cold Neo4j and a first bundle parse take their time. */
const patience = { timeout: 120_000 };

beforeAll(async () => {
  await buildWebPage({ codegen: false });
  const started = await Promise.allSettled([
    startService({ API_KEYS: writerKey }),
    startService({ API_KEYS: writerKey, TRUSTED_DOCUMENTS: resolve(import.meta.dirname, '../../web/persisted-documents.json') }),
  ]);
  // Whichever started is kept, so afterAll stops it even when the other failed.
  const [plain, trustedOnly] = started.map((s) => (s.status === 'fulfilled' ? s.value : null));
  service = plain ?? null;
  trusted = trustedOnly ?? null;
  for (const s of started) if (s.status === 'rejected') throw s.reason;
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await closeBrowser(browser);
  await Promise.all([service?.stop(), trusted?.stop()]);
  await harness.graph.runScript('MATCH (n) WHERE n.id STARTS WITH $prefix OR n.leaker STARTS WITH $prefix OR n.claim STARTS WITH $prefix DETACH DELETE n', { prefix: p });
  await harness.close();
});

async function openPage(on: ServiceProcess, path: string): Promise<Page> {
  const page = await browser!.newPage();
  page.on('request', (request) => requested.push(request.url()));
  page.on('pageerror', (error) => browserLog.push(`page error: ${(error as Error).message}`));
  page.on('console', (message) => browserLog.push(`console: ${message.text()}`));
  await page.goto(`${on.baseUrl}${path}`, { waitUntil: 'domcontentloaded' });
  return page;
}

function offMachine(): string[] {
  return requested.filter((url) => ![service!.baseUrl, trusted!.baseUrl, 'data:', 'blob:'].some((start) => url.startsWith(start)));
}

async function write(query: string, variables: Record<string, unknown>): Promise<any> {
  const response = await fetch(`${trusted!.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': writerKey },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: any; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data;
}

/** Honor's score as the page shows it, or null while Honor is not in the candidates. */
async function honorScore(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('tr.candidate[data-manufacturer="honor"] td.score .value')?.textContent ?? null);
}

describe('GraphiQL at /graphql', () => {
  it('runs the outlook query from its own assets and shows the answer in the result pane', async () => {
    const query = '{ partnershipOutlook(opticsPartner: "leica", asOf: "2021-11-16") { evaluatedOn candidates(first: 2) { edges { node { manufacturer { name } score } } } } }';
    const page = await openPage(service!, `/graphql?query=${encodeURIComponent(query)}`);
    await page.waitForSelector('.graphiql-execute-button', patience);
    await page.click('.graphiql-execute-button');
    const result = await page.waitForFunction(() => {
      const text = document.querySelector('.result-window, .graphiql-response')?.textContent ?? '';
      return text.includes('Xiaomi') ? text : null;
    }, patience);
    // The editor lays text out with non-breaking spaces and line breaks of its own.
    const text = String(await result.jsonValue()).replace(/\s+/g, ' ');
    expect(text).toContain('"evaluatedOn": "2021-11-16"');
    expect(text.indexOf('Xiaomi')).toBeLessThan(text.indexOf('Honor'));
    expect(offMachine()).toEqual([]);
    await page.close();
  }, 300_000);
});

describe('the outlook page at /, on a service that runs only its trusted documents', () => {
  it('shows Xiaomi first on 2021-11-16 with Digital Chat Station behind it, and follows a resolved claim live', async () => {
    const page = await openPage(trusted!, '/?partner=leica');
    await page.waitForSelector('tr.candidate', patience).catch(async (error) => {
      throw new Error(`${error.message}; the page says: ${await page.$eval('#status', (e) => e.textContent)}; ${browserLog.join(' | ')}`);
    });
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    // Move the day slider to 2021-11-16, as a drag ends there.
    await page.evaluate(() => {
      const slider = document.querySelector<HTMLInputElement>('#day')!;
      const from = Date.parse(`${document.querySelector('#span-from')!.textContent}-01-01T00:00:00Z`);
      slider.value = String(Math.round((Date.parse('2021-11-16T00:00:00Z') - from) / 86_400_000));
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForFunction(() => document.querySelector('#summary')?.textContent?.includes('as known on 2021-11-16'), patience);
    expect(await page.$eval('#day-label', (e) => e.textContent)).toBe('2021-11-16');

    const first = await page.$eval('#candidates tbody tr.candidate', (row) => ({
      manufacturer: row.getAttribute('data-manufacturer'),
      name: row.querySelector('td.name')!.textContent,
      score: row.querySelector('td.score .value')!.textContent,
      claims: [...row.querySelectorAll('li.evidence')].map((li) => ({ claim: li.getAttribute('data-claim'), leaker: li.querySelector('.leaker')!.textContent })),
    }));
    expect(first.manufacturer).toBe('xiaomi');
    expect(first.name).toBe('Xiaomi');
    expect(first.score).toBe('0.583');
    expect(first.claims).toContainEqual({ claim: 'dcs-xiaomi-leica-2021-11-16', leaker: 'Digital Chat Station' });
    const excluded = await page.$$eval('#exclusions tr.exclusion', (rows) => rows.map((r) => `${r.getAttribute('data-manufacturer')}:${r.getAttribute('data-reason')}`));
    expect(excluded).toEqual(expect.arrayContaining(['huawei:EXISTING_PARTNER', 'sharp:EXISTING_PARTNER', 'leica:SAME_COMPANY']));
    // The timeline: the Huawei clause ended with the P50 launch, drawn as a marked end.
    const chart = await page.$eval('#timeline svg', (svg) => svg.textContent ?? '');
    expect(chart).toContain('ended 2021-07-29 with the launch of Huawei P50');
    expect(await honorScore(page)).toBe('0.375');

    await page.waitForSelector('#live[data-state="live"]', patience);
    // A newcomer (credibility 0.5) says Honor will not partner with Leica: Honor drops to 0.375 x 0.5.
    await write('mutation ($l: LeakerInput!) { upsertLeaker(input: $l) { __typename } }', { l: { id: `${p}-leaker`, name: 'Page Test Leaker', knownSince: '2021-01-01' } });
    await write('mutation ($c: ClaimInput!) { recordClaim(input: $c) { __typename } }', {
      c: {
        id: `${p}-claim`,
        leaker: `${p}-leaker`,
        statement: 'Honor will not work with Leica',
        kind: 'WILL_NOT_PARTNER',
        publishedOn: '2021-06-01',
        subjects: ['honor', 'leica'],
      },
    });
    await page.waitForFunction(() => document.querySelector('tr.candidate[data-manufacturer="honor"] td.score .value')?.textContent === '0.188', patience);
    expect(await page.$$eval('tr.candidate[data-manufacturer="honor"] li.evidence', (items) => items.map((li) => li.getAttribute('data-claim')))).toContain(`${p}-claim`);

    // The claim is refuted, publicly, before the chosen day: it no longer counts, and the page follows.
    const resolved = await write('mutation ($claim: ID!) { resolveClaim(claim: $claim, outcome: REFUTED, decidedOn: "2021-10-01") { __typename } }', { claim: `${p}-claim` });
    expect(resolved.resolveClaim.__typename).toBe('MutationResolveClaimSuccess');
    await page.waitForFunction(() => document.querySelector('tr.candidate[data-manufacturer="honor"] td.score .value')?.textContent === '0.375', patience);
    expect(await page.$$eval('tr.candidate[data-manufacturer="honor"] li.evidence', (items) => items.map((li) => li.getAttribute('data-claim')))).not.toContain(`${p}-claim`);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(offMachine()).toEqual([]);
    expect(browserLog.filter((line) => line.startsWith('page error'))).toEqual([]);
    await page.close();
  }, 300_000);
});
