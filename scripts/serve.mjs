#!/usr/bin/env node
// A tiny static file server on localhost for the demo and the browser tests.
// Content scripts only run on http(s) pages, so fixtures must be served, not opened as file://.
// Gzipped fixtures (`page.html.gz`) are served decompressed at `page.html`, so the corpus
// samples stay small in the repository and the browser still sees an ordinary HTML page.
//
// Use as a module: `const server = await startServer({ root }); server.url; await server.close();`
// or from the shell: `node scripts/serve.mjs [root] [port]`.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Maps a URL path to a file below root; null when it would escape root. */
function toFilePath(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const candidate = normalize(join(root, decoded));
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;
  return candidate;
}

/**
 * Starts the server. `headers` (optional) maps a URL path to extra response headers,
 * which lets a test serve a page with, for example, a strict Content-Security-Policy.
 */
export async function startServer({ root, port = 0, host = '127.0.0.1', headers = {} } = {}) {
  const absRoot = resolve(root ?? process.cwd());
  const server = createServer(async (req, res) => {
    const urlPath = new URL(req.url ?? '/', 'http://localhost').pathname;
    let filePath = toFilePath(absRoot, urlPath.endsWith('/') ? urlPath + 'index.html' : urlPath);
    if (filePath === null) {
      res.writeHead(403).end('forbidden');
      return;
    }
    let body;
    if (await isFile(filePath)) {
      body = await readFile(filePath);
    } else if (await isFile(filePath + '.gz')) {
      body = gunzipSync(await readFile(filePath + '.gz'));
    } else if (urlPath === '/favicon.ico') {
      // Browsers ask for it on every page; a 404 would show up as a console error in the tests.
      res.writeHead(204).end();
      return;
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      ...(headers[urlPath] ?? {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    // "localhost" rather than the IP: it is what a reader would type and what host permissions match.
    url: `http://localhost:${actualPort}`,
    port: actualPort,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? 'fixtures';
  const port = Number(process.argv[3] ?? 8080);
  const server = await startServer({ root, port });
  console.log(`Serving ${resolve(root)} at ${server.url}/ (Ctrl+C to stop)`);
}
