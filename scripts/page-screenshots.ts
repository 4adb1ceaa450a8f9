/**
 * Takes the README's pictures of the outlook page: `node scripts/page-screenshots.ts [base URL] [day...]`
 * (default http://localhost:4000, 2021-11-16 and 2022-06-01) with a running service, into
 * docs/page-<day>.png. Uses the same headless Chromium as the end-to-end test.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { closeBrowser, launchBrowser } from '../test/support/browser.ts';

// The packaged Chromium brings only Latin fonts; the system's fonts (where installed) also draw leakers' CJK names.
if (!process.env.FONTCONFIG_PATH && existsSync('/etc/fonts/fonts.conf')) process.env.FONTCONFIG_PATH = '/etc/fonts';

const [base = 'http://localhost:4000', ...days] = process.argv.slice(2);
const browser = await launchBrowser();
try {
  for (const day of days.length ? days : ['2021-11-16', '2022-06-01']) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    await page.goto(`${base}/?partner=leica&day=${day}`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('#timeline svg', { timeout: 60_000 });
    await page.waitForSelector('tr.candidate');
    await page.waitForSelector('#live[data-state="live"]', { timeout: 30_000 }).catch(() => {});
    const file = resolve(import.meta.dirname, `../docs/page-${day}.png`);
    await page.screenshot({ path: file as `${string}.png`, fullPage: true });
    process.stdout.write(`${file}\n`);
    await page.close();
  }
} finally {
  await closeBrowser(browser);
}
