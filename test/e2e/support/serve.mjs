/**
 * A tiny static server for the built example app (`examples/vite-app/dist`), optionally with a
 * strict Content-Security-Policy, so the suite proves the kit needs no inline script or style.
 * `node test/e2e/support/serve.mjs [root] [port] [--csp]` prints `{ "url": ... }` as one JSON line.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The strict policy of the CSP test: no `unsafe-inline`, no `unsafe-eval`. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' http://localhost:*; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** The file under `root` a URL path names, or undefined when it escapes `root` or does not exist. */
function fileFor(root, urlPath) {
  const decoded = decodeURIComponent(urlPath);
  const path = normalize(join(root, decoded === '/' ? 'index.html' : decoded));
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  try {
    return statSync(path).isFile() ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serves `root` on `http://localhost:<port>` (0 picks one); unknown paths get `index.html` (an SPA).
 * @example
 * const { url, close } = await startStaticServer({ root: 'examples/vite-app/dist', csp: STRICT_CSP });
 */
export function startStaticServer({ root, port = 0, csp }) {
  const base = resolve(root);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const file = fileFor(base, url.pathname) ?? join(base, 'index.html');
    const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
    if (csp) headers['content-security-policy'] = csp;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, headers);
      res.end();
      return;
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, 'localhost', () => {
      const address = server.address();
      done({
        url: `http://localhost:${address.port}`,
        close: () =>
          new Promise((closed) => {
            server.closeAllConnections();
            server.close(() => closed());
          }),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2).filter((arg) => arg !== '--csp');
  const { url } = await startStaticServer({
    root: args[0] ?? 'examples/vite-app/dist',
    port: Number(args[1] ?? 0),
    csp: process.argv.includes('--csp') ? STRICT_CSP : undefined,
  });
  console.log(JSON.stringify({ url }));
}
