// A tiny static server for the demo, tests and bench. Binds 127.0.0.1 only.
// Usage: node scripts/serve.mjs [port] [--csp] [--cors] [--root DIR]
//   --csp   sends the strict Content-Security-Policy documented in the README.
//   --cors  sends Access-Control-Allow-Origin: * (serving dist/ as a CDN would).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp', '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8', '.md': 'text/plain; charset=utf-8',
};

/** Starts a server; `routes` maps a path to a handler (req, res) for test endpoints.
 *  `cors: true` adds `Access-Control-Allow-Origin: *` to static files, as a CDN
 *  serving embed.js, the glue, the wasm or article JSON to other origins must. */
export function serve({ root, port = 8080, csp = false, cors = false, routes = {} } = {}) {
  const base = resolve(root ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const route = routes[url.pathname];
    if (route) return route(req, res, url);
    let path = normalize(join(base, decodeURIComponent(url.pathname)));
    if (!path.startsWith(base)) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
      const body = await readFile(path);
      const headers = {
        'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
        'Cache-Control': /\.[0-9a-f]{10}\.(js|wasm)$/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      };
      if (csp && extname(path) === '.html') headers['Content-Security-Policy'] = STRICT_CSP;
      if (cors) Object.assign(headers, { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' });
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const port = Number(args.find((a) => /^\d+$/.test(a)) ?? 8080);
  const rootIdx = args.indexOf('--root');
  const server = await serve({ port, csp: args.includes('--csp'), cors: args.includes('--cors'), root: rootIdx >= 0 ? args[rootIdx + 1] : undefined });
  console.log(`article-reader demo: http://127.0.0.1:${server.address().port}/`);
}
