/**
 * GraphiQL works with no internet: the page names only this service's own paths, every asset it
 * names is served here, and its tabs are the README's examples, the outlook first and answering.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { graphiqlOptions, readmeExamples } from '../../src/http/graphiql-tabs.ts';
import { createHarness } from '../support/harness.ts';

const harness = createHarness();
afterAll(() => harness.close());

async function page(): Promise<string> {
  const response = await harness.app.fetch('http://test/graphql', { headers: { accept: 'text/html' } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/text\/html/);
  return response.text();
}

/** Every URL the page names: src and href attributes, and the worker paths it hands to Monaco. */
function urlsIn(html: string): string[] {
  const attributes = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);
  const workers = JSON.parse(/const workers = (\{[^}]*\});/.exec(html)![1]!) as Record<string, string>;
  return [...attributes, ...Object.values(workers)];
}

describe('GraphiQL', () => {
  it('names no other host: every script, style and worker is a path of this service', async () => {
    const html = await page();
    expect(html).not.toMatch(/https?:\/\//);
    // A page of a few KB: the 9 MB of GraphiQL come once, as cached files.
    expect(html.length).toBeLessThan(20_000);
    expect(html).not.toMatch(/(src|href)="\/\//);
    const urls = urlsIn(html).filter((url) => !url.startsWith('data:'));
    expect(urls.length).toBe(6); // the icon, the styles, the script and three editor workers
    for (const url of urls) expect(url).toMatch(/^\/graphiql\//);
  });

  it('serves each asset the page names, cacheable for good, gzipped when asked', async () => {
    for (const url of urlsIn(await page()).filter((u) => !u.startsWith('data:'))) {
      const response = await harness.app.fetch(`http://test${url}`);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type'), url).toMatch(url.endsWith('.css') ? /text\/css/ : url.endsWith('.ico') ? /image/ : /javascript/);
      expect(response.headers.get('cache-control')).toMatch(/immutable/);
      const body = await response.text();
      expect(body.length, url).toBeGreaterThan(1000);
      // The bundle itself fetches nothing from a CDN either.
      expect(body).not.toMatch(/unpkg\.com|cdn\.jsdelivr\.net|cdnjs\.cloudflare\.com|fonts\.googleapis\.com/);
    }
    const script = urlsIn(await page()).find((u) => u.endsWith('.js'))!;
    const gzipped = await harness.app.fetch(`http://test${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    const missing = await harness.app.fetch('http://test/graphiql/nothing.js');
    expect(missing.status).toBe(404);
  });

  it('opens with the README examples as tabs, the outlook first, explaining the header writes need', async () => {
    const readme = readmeExamples(readFileSync(new URL('../../README.md', import.meta.url), 'utf8'));
    const tabs = graphiqlOptions(harness.config).defaultTabs!;
    expect(tabs.length).toBe(readme.length);
    expect(readme.length).toBeGreaterThanOrEqual(8);
    expect(tabs[0]!.query).toContain('partnershipOutlook(opticsPartner: "leica", asOf: "2021-11-16")');
    expect(tabs[0]!.query).toMatch(/x-api-key/);
    for (const example of readme) expect(tabs.some((tab) => tab.query!.includes(example.document))).toBe(true);
    const mutation = tabs.find((tab) => /^\s*mutation\b/m.test(tab.query!))!;
    expect(JSON.parse(mutation.headers!)).toHaveProperty('x-api-key');
    expect(mutation.query).toMatch(/Headers pane/);
    expect(mutation.query).toMatch(/This server accepts 1 API key/);
    // The page carries them.
    expect(await page()).toContain('LeicaOutlook');
  });

  it('answers every query tab on the demo data, the first with Xiaomi on top', { timeout: 180_000 }, async () => {
    const tabs = graphiqlOptions(harness.config).defaultTabs!;
    for (const tab of tabs) {
      const operation = parse(tab.query!).definitions[0] as { operation?: string };
      if (operation.operation !== 'query') continue;
      const result = await harness.graphql(tab.query!);
      expect(result.errors, tab.query!.split('\n')[0]).toBeUndefined();
    }
    const first = await harness.graphql(tabs[0]!.query!);
    expect(first.data.partnershipOutlook.candidates.edges[0].node.manufacturer.name).toBe('Xiaomi');
  });
});
