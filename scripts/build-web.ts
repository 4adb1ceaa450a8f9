/**
 * `npm run build:web` (and `npm start`, before it serves): brings the page's typed client and trusted
 * documents up to date with the schema (scripts/web-codegen.ts), then bundles web/ with esbuild into
 * web/dist: one script and one stylesheet, named by content hash, and the index.html that loads them.
 * Everything the page needs is in web/dist, so it works with no internet.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
export const webDist = resolve(root, 'web/dist');

export async function buildWebPage(options: { codegen?: boolean } = {}): Promise<{ files: string[]; ms: number }> {
  const started = performance.now();
  if (options.codegen !== false) {
    execFileSync(process.execPath, [resolve(root, 'scripts/web-codegen.ts')], { cwd: root, stdio: 'inherit' });
  }
  rmSync(webDist, { recursive: true, force: true });
  mkdirSync(webDist, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { page: 'web/src/main.ts', style: 'web/page.css' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    entryNames: '[name]-[hash]',
    outdir: webDist,
    metafile: true,
    legalComments: 'linked',
    logLevel: 'warning',
  });
  const outputs = Object.keys(result.metafile.outputs).map((path) => basename(path));
  const script = outputs.find((name) => name.startsWith('page-') && name.endsWith('.js'));
  const style = outputs.find((name) => name.startsWith('style-') && name.endsWith('.css'));
  if (!script || !style) throw new Error(`esbuild wrote ${outputs.join(', ')}, without the page's script and stylesheet`);
  const html = readFileSync(resolve(root, 'web/index.html'), 'utf8').replace('%PAGE_JS%', `/assets/${script}`).replace('%PAGE_CSS%', `/assets/${style}`);
  writeFileSync(resolve(webDist, 'index.html'), html);
  return { files: [...outputs, 'index.html'], ms: Math.round(performance.now() - started) };
}

if (import.meta.main) {
  const { files, ms } = await buildWebPage();
  process.stdout.write(`web page built in ${ms} ms: ${files.map((f) => `web/dist/${f}`).join(', ')}\n`);
}
