// A tiny static server for the demo, tests and bench. Binds 127.0.0.1 only.
// Usage: node scripts/serve.mjs [port] [--csp] [--cors] [--compress] [--cdn-cache] [--root DIR]
//   --csp        sends the strict Content-Security-Policy documented in the README.
//   --cors       sends Access-Control-Allow-Origin: * (serving dist/ as a CDN would).
//   --compress   brotli (or gzip) responses when the request accepts them, as a CDN
//                sends them: quality 11, compressed once per file content and kept in memory.
//   --cdn-cache  embed.js gets `public, max-age=300` (the README's short lifetime)
//                instead of `no-cache`.
// Caching headers (README, "Caching and deploying"): content-hashed files
// (`name.<hex>.js|wasm|css`) `public, max-age=31536000, immutable`; everything else
// (embed.js, article JSON, HTML) `no-cache` with a strong ETag, so a revisit
// revalidates with one conditional request (304 Not Modified).
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotli, gzip } from './lib/sizes.mjs';

export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";

export const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp', '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8', '.md': 'text/plain; charset=utf-8',
};

export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The README's short lifetime for embed.js (the only stable file name). */
export const EMBED_SHORT = 'public, max-age=300';

/** Cache-Control for a served path: immutable for content-hashed files, `embedCache`
 *  for embed.js (`no-cache` unless told otherwise), `no-cache` (revalidate) for the rest. */
export function cacheControlFor(path, { embedCache = 'no-cache' } = {}) {
  if (/\.[0-9a-f]{8,64}\.(js|mjs|wasm|css)$/.test(path)) return IMMUTABLE;
  if (basename(path) === 'embed.js') return embedCache;
  return 'no-cache';
}

const COMPRESSIBLE = /^(text\/|application\/(json|wasm|javascript)|image\/svg)/;
const encoded = new Map(); // `${etag}:${encoding}` -> Buffer (bodies are small and few)
const hashes = new WeakMap(); // Buffer -> sha256 prefix

function etagOf(body) {
  let h = hashes.get(body);
  if (!h) {
    h = createHash('sha256').update(body).digest('base64url').slice(0, 22);
    hashes.set(body, h);
  }
  return h;
}

/** The encoding to send for a request: 'br', 'gzip' or null (identity). */
export function negotiate(acceptEncoding = '') {
  const q = new Map();
  for (const part of String(acceptEncoding).toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q.set(name, qp ? Number(qp.slice(2)) : 1);
  }
  const ok = (e) => (q.has(e) ? q.get(e) > 0 : q.has('*') && q.get('*') > 0);
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return null;
}

/** `body` compressed with `encoding` ('br' quality 11 or 'gzip' -9), computed once per content. */
export function compressed(body, encoding) {
  const key = `${etagOf(body)}:${encoding}`;
  let out = encoded.get(key);
  if (!out) {
    out = encoding === 'br' ? brotli(body) : gzip(body);
    encoded.set(key, out);
  }
  return out;
}

/**
 * Sends `body` (a Buffer or string) with status 200, or 304 when the request's
 * If-None-Match names its ETag. With `compress`, a compressible type is sent brotli-
 * (else gzip-) encoded when the request accepts it, with `Vary: Accept-Encoding`.
 * `headers` are added as given (Content-Type, Cache-Control, CORS...).
 */
export function sendBody(req, res, body, { headers = {}, compress = false } = {}) {
  const buf = Buffer.isBuffer(body) ? body : Buffer.from(body);
  const type = headers['Content-Type'] ?? 'application/octet-stream';
  const encoding = compress && COMPRESSIBLE.test(type) ? negotiate(req.headers['accept-encoding']) : null;
  const out = { ...headers };
  if (compress && COMPRESSIBLE.test(type)) out.Vary = 'Accept-Encoding';
  // A strong validator per representation: the encoded bytes differ from the raw ones.
  out.ETag = `"${etagOf(buf)}${encoding ? `-${encoding}` : ''}"`;
  const inm = req.headers['if-none-match'];
  if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === out.ETag)) {
    delete out['Content-Type'];
    res.writeHead(304, out).end();
    return;
  }
  const payload = encoding ? compressed(buf, encoding) : buf;
  if (encoding) out['Content-Encoding'] = encoding;
  out['Content-Length'] = payload.length;
  res.writeHead(200, out).end(req.method === 'HEAD' ? undefined : payload);
}

/** Starts a server; `routes` maps a path to a handler (req, res, url) for test endpoints.
 *  `cors: true` adds `Access-Control-Allow-Origin: *` to static files, as a CDN
 *  serving embed.js, the glue, the wasm or article JSON to other origins must.
 *  `compress: true` sends brotli/gzip (see sendBody); `embedCache` is embed.js's
 *  Cache-Control (`no-cache` by default; EMBED_SHORT as the README recommends). */
export function serve({ root, port = 8080, csp = false, cors = false, compress = false, embedCache = 'no-cache', routes = {} } = {}) {
  const base = resolve(root ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const route = routes[url.pathname];
    if (route) return route(req, res, url);
    let path = normalize(join(base, decodeURIComponent(url.pathname)));
    if (!path.startsWith(base)) { res.writeHead(403).end(); return; }
    let body;
    try {
      if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
      body = await readFile(path);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const headers = {
      'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
      'Cache-Control': cacheControlFor(path, { embedCache }),
    };
    if (csp && extname(path) === '.html') headers['Content-Security-Policy'] = STRICT_CSP;
    if (cors) Object.assign(headers, { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' });
    sendBody(req, res, body, { headers, compress });
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const port = Number(args.find((a) => /^\d+$/.test(a)) ?? 8080);
  const rootIdx = args.indexOf('--root');
  const server = await serve({
    port, csp: args.includes('--csp'), cors: args.includes('--cors'), compress: args.includes('--compress'),
    embedCache: args.includes('--cdn-cache') ? EMBED_SHORT : 'no-cache', root: rootIdx >= 0 ? args[rootIdx + 1] : undefined,
  });
  console.log(`article-reader demo: http://127.0.0.1:${server.address().port}/`);
}
