/**
 * Serves the outlook page that `npm run build:web` bundles into web/dist: `/` is its index.html, and
 * `/assets/<name>-<hash>.<ext>` its script and stylesheet, cached for good since their names change
 * with their content. Read from disk (and gzipped) once, at start, and sent gzipped to browsers that
 * accept it (the script is about 285 KB, 94 KB gzipped). Without a build, `/` says how to make one.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'graphql-yoga';

export const defaultWebDist = resolve(import.meta.dirname, '../../web/dist');

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

interface Asset {
  body: string;
  gzipped: Uint8Array<ArrayBuffer>;
  headers: Record<string, string>;
}

function readBuiltPage(distDir: string): Map<string, Asset> | null {
  if (!existsSync(join(distDir, 'index.html'))) return null;
  const assets = new Map<string, Asset>();
  for (const name of readdirSync(distDir)) {
    const type = contentTypes[extname(name)];
    if (!type) continue;
    const body = readFileSync(join(distDir, name), 'utf8');
    const gzipped = new Uint8Array(gzipSync(body));
    const headers = { 'content-type': type, vary: 'accept-encoding' };
    if (name === 'index.html') {
      assets.set('/', { body, gzipped, headers: { ...headers, 'cache-control': 'no-cache' } });
    } else {
      // The name carries the content's hash: a new build is a new name.
      assets.set(`/assets/${name}`, { body, gzipped, headers: { ...headers, 'cache-control': 'public, max-age=31536000, immutable' } });
    }
  }
  return assets;
}

const notBuilt = `<!doctype html><meta charset="utf-8"><title>optics-graph</title>
<p>The outlook page is not built in this checkout: run <code>npm run build:web</code> (<code>npm start</code> does it before it serves), then reload.
GraphQL and GraphiQL are at <a href="/graphql">/graphql</a>.</p>`;

/** @param distDir the folder `npm run build:web` writes; @default web/dist */
export function useWebPage(distDir: string = defaultWebDist): Plugin {
  const assets = readBuiltPage(distDir);
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (url.pathname !== '/' && !url.pathname.startsWith('/assets/')) return;
      if (!assets) {
        endResponse(
          new fetchAPI.Response(url.pathname === '/' ? notBuilt : 'Not found', {
            status: url.pathname === '/' ? 503 : 404,
            headers: { 'content-type': 'text/html; charset=utf-8' },
          }),
        );
        return;
      }
      const asset = assets.get(url.pathname);
      if (!asset) {
        endResponse(new fetchAPI.Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } }));
        return;
      }
      const gzip = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
      const body = request.method === 'HEAD' ? null : gzip ? asset.gzipped : asset.body;
      endResponse(new fetchAPI.Response(body, { status: 200, headers: gzip ? { ...asset.headers, 'content-encoding': 'gzip' } : asset.headers }));
    },
  };
}
