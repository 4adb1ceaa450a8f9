/**
 * GraphiQL from the service's own installed packages, with no request leaving the machine.
 *
 * Yoga's default page loads GraphiQL's script, styles and editor workers from a public CDN (and so
 * never starts offline). `@graphql-yoga/render-graphiql` ships the same build inside the npm package;
 * its own renderer inlines all of it (about 9 MB) into every page. Here the page stays small and
 * each asset is served once under a content-hashed path from this service (`/graphiql/...`), cached
 * by the browser for good and gzipped when the browser accepts it.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { css, editorWorkerService, favicon, graphqlWorker, js, jsonWorker } from '@graphql-yoga/render-graphiql/graphiql';
import type { GraphiQLOptions, Plugin } from 'graphql-yoga';

/** Where the assets are served; the page names them relative to the origin, never another host. */
export const GRAPHIQL_ASSET_PATH = '/graphiql/';

interface Asset {
  path: string;
  type: string;
  body: string | Uint8Array;
  gzipped?: Uint8Array;
}

function asset(name: string, extension: string, type: string, body: string | Uint8Array): Asset {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { path: `${GRAPHIQL_ASSET_PATH}${name}.${hash}.${extension}`, type, body };
}

const script = asset('graphiql', 'js', 'text/javascript; charset=utf-8', js);
const styles = asset('graphiql', 'css', 'text/css; charset=utf-8', css);
/** The package ships its icon as a 150 KB data: URL; served as a file, the page stays a few KB. */
const [, iconType, iconData] = /^data:([^;,]+);base64,(.*)$/s.exec(favicon) ?? [];
const faviconAsset = iconType && iconData ? asset('favicon', 'ico', iconType, Buffer.from(iconData, 'base64')) : null;
/** Monaco asks for its workers by label; the page maps each label to its served file. */
const workers = {
  editorWorkerService: asset('editor.worker', 'js', 'text/javascript; charset=utf-8', editorWorkerService),
  json: asset('json.worker', 'js', 'text/javascript; charset=utf-8', jsonWorker),
  graphql: asset('graphql.worker', 'js', 'text/javascript; charset=utf-8', graphqlWorker),
};
const assets = new Map([script, styles, ...(faviconAsset ? [faviconAsset] : []), ...Object.values(workers)].map((a) => [a.path, a]));

/** JSON that is safe inside a <script> element (a document may contain `</script>`). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page: yoga's GraphiQL started with `options`, every asset from this origin. */
export function renderLocalGraphiQL(options: GraphiQLOptions): string {
  const workerUrls = Object.fromEntries(Object.entries(workers).map(([label, a]) => [label, a.path]));
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(options.title ?? 'GraphiQL')}</title>
    <link rel="icon" href="${faviconAsset?.path ?? favicon}" />
    <link rel="stylesheet" href="${styles.path}" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>You need to enable JavaScript to run GraphiQL.</noscript>
    <div id="root"></div>
    <script>
      const workers = ${scriptJson(workerUrls)};
      self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: (_moduleId, label) => workers[label] };
    </script>
    <script src="${script.path}"></script>
    <script>
      YogaGraphiQL.renderYogaGraphiQL(document.querySelector('#root'), ${scriptJson(options)});
    </script>
  </body>
</html>
`;
}

/** Serves the assets the page names; anything else under /graphiql/ is a 404 with the reason. */
export function useGraphiQLAssets(): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith(GRAPHIQL_ASSET_PATH)) return;
      const found = assets.get(url.pathname);
      if (!found || (request.method !== 'GET' && request.method !== 'HEAD')) {
        endResponse(
          new fetchAPI.Response(`No GraphiQL asset at ${url.pathname}; open /graphql in a browser.`, { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } }),
        );
        return;
      }
      const headers: Record<string, string> = {
        'content-type': found.type,
        // The path carries the content's hash: a new version is a new path.
        'cache-control': 'public, max-age=31536000, immutable',
        vary: 'accept-encoding',
      };
      let body: string | Uint8Array = found.body;
      if (typeof found.body === 'string' && /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '')) {
        found.gzipped ??= gzipSync(found.body);
        body = found.gzipped;
        headers['content-encoding'] = 'gzip';
      }
      endResponse(new fetchAPI.Response(request.method === 'HEAD' ? null : (body as BodyInit), { status: 200, headers }));
    },
  };
}
