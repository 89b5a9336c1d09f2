// A static file server on 127.0.0.1 for the Firefox end-to-end tests. Content scripts only run
// on http(s) pages, so fixtures are served rather than opened as file://. A request for
// `page.html` is answered from `page.html.gz` (decompressed) when only the gzipped sample is
// kept in the repository, so the browser sees an ordinary HTML page.
// Kept separate from scripts/serve.mjs so this suite depends on nothing another helper edits.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The file below root for a URL path, or null when the path would leave root. */
function fileFor(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const path = normalize(join(root, decoded));
  return path === root || path.startsWith(root + sep) ? path : null;
}

/** Reads the body for a path: the file itself, or its `.gz` twin decompressed. */
async function load(path) {
  if (await isFile(path)) {
    const data = await readFile(path);
    return path.endsWith('.gz') ? { data: gunzipSync(data), type: TYPES[extname(path.slice(0, -3))] } : { data, type: TYPES[extname(path)] };
  }
  if (await isFile(`${path}.gz`)) return { data: gunzipSync(await readFile(`${path}.gz`)), type: TYPES[extname(path)] };
  return null;
}

/** Starts the server on a free port; resolves to { url, close() }. */
export async function startStaticServer(rootDir) {
  const root = resolve(rootDir);
  const server = createServer(async (request, response) => {
    const urlPath = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const path = fileFor(root, urlPath);
    const found = path ? await load(path).catch(() => null) : null;
    if (!found) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': found.type ?? 'application/octet-stream', 'cache-control': 'no-store' });
    response.end(found.data);
  });
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections?.();
        server.close(() => done());
      }),
  };
}
