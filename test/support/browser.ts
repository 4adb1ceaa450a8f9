/**
 * A real headless Chromium for tests and scripts, driven by puppeteer-core. The binary comes from
 * @sparticuz/chromium, which ships it compressed inside its npm package (unpacked to the temp folder
 * on first use, nothing downloaded); Debian's `chromium`, where installed, is the fallback, e.g. on a
 * processor the package has no build for. CHROMIUM_PATH names another one.
 */
import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';

const debianChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

async function sparticuzChromium(): Promise<{ executablePath: string; args: string[] } | null> {
  if (process.arch !== 'x64' && process.arch !== 'arm64') return null;
  try {
    const chromium = (await import('@sparticuz/chromium')).default;
    return { executablePath: await chromium.executablePath(), args: chromium.args };
  } catch {
    return null;
  }
}

export async function launchBrowser(): Promise<Browser> {
  const tried: string[] = [];
  const candidates: { executablePath: string; args: string[] }[] = [];
  if (process.env.CHROMIUM_PATH) candidates.push({ executablePath: process.env.CHROMIUM_PATH, args: ['--no-sandbox'] });
  const packaged = await sparticuzChromium();
  if (packaged) candidates.push(packaged);
  for (const path of debianChromium) if (existsSync(path)) candidates.push({ executablePath: path, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  for (const { executablePath, args } of candidates) {
    try {
      return await puppeteer.launch({ executablePath, args, headless: true, defaultViewport: { width: 1200, height: 900 } });
    } catch (error) {
      tried.push(`${executablePath}: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  throw new Error(
    `no headless Chromium could be started (${tried.join('; ') || 'none found'}): @sparticuz/chromium ships one for Linux x64 and arm64; elsewhere install Debian's chromium or set CHROMIUM_PATH`,
  );
}

/** Closes the browser and makes sure its process is gone, by its pid. */
export async function closeBrowser(browser: Browser | null): Promise<void> {
  if (!browser) return;
  const pid = browser.process()?.pid;
  await browser.close().catch(() => {});
  if (pid && isRunning(pid)) process.kill(pid, 'SIGKILL');
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
