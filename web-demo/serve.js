#!/usr/bin/env node
// The demo's static server: no dependencies, Node >= 18, 127.0.0.1 only.
//
//   node web-demo/serve.js [--port N] [--host 127.0.0.1]     (port 0 = any free port)
//
// Serves web-demo/ at / (the models' weights at /models/), and the repo's js/ and dist/ at
// /js/ and /dist/ — nothing else.
// Every response carries a strict CSP (no inline scripts or styles, wasm allowed) and the
// cross-origin-isolation headers that wasm threads need in Chromium.

import http from 'node:http';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DEMO_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO_DIR = path.dirname(DEMO_DIR);

// URL prefix -> folder on disk; the first match wins, '/' last.
const MOUNTS = [
  ['/js/', path.join(REPO_DIR, 'js')],
  ['/dist/', path.join(REPO_DIR, 'dist')],
  ['/', DEMO_DIR],
];

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.safetensors': 'application/octet-stream',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

export const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'",
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

const HOSTS = new Set(['127.0.0.1', 'localhost']);

/**
 * Map a request path to a file under one of the mounts, or null. Rejects '..' segments,
 * backslashes, NUL bytes, bad percent-encoding, and anything whose real path (symlinks
 * followed) leaves its mount.
 */
async function resolveFile(urlPath, mounts) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  if (decoded.endsWith('/')) decoded += 'index.html';

  const mount = mounts.find(([prefix]) => decoded.startsWith(prefix));
  if (!mount) return null;
  const [prefix, root] = mount;
  const rel = decoded.slice(prefix.length);
  // Dotfiles (e.g. .gitignore) are never served.
  if (rel.split('/').some((s) => s.startsWith('.'))) return null;
  const candidate = path.resolve(root, rel);
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)]);
    if (!realFile.startsWith(realRoot + path.sep)) return null;
    const st = await stat(realFile);
    return st.isFile() ? { file: realFile, size: st.size } : null;
  } catch {
    return null;
  }
}

function send(res, status, body, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

async function handle(req, res, mounts) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    send(res, 405, 'method not allowed\n');
    return;
  }
  let pathname;
  try {
    pathname = new URL(req.url, 'http://127.0.0.1').pathname;
  } catch {
    send(res, 400, 'bad request\n');
    return;
  }
  const found = await resolveFile(pathname, mounts);
  if (!found) {
    send(res, 404, 'not found\n');
    return;
  }
  const type = MIME[path.extname(found.file).toLowerCase()] ?? 'application/octet-stream';
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': found.size });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(found.file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/**
 * Start the server. Resolves to { url, port, close() } once listening; close() resolves when
 * the server has stopped (open keep-alive connections are dropped). `mounts` ([URL prefix, folder]
 * pairs, first match wins) replaces the demo's folders: the package tests serve a Vite build with it.
 */
export function startServer({ port = 8080, host = '127.0.0.1', mounts = MOUNTS } = {}) {
  if (!HOSTS.has(host)) {
    return Promise.reject(new Error(`webtorch demo: refusing to listen on '${host}'; only 127.0.0.1 is allowed`));
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return Promise.reject(new Error(`webtorch demo: port must be an integer in [0, 65535], got ${port}`));
  }
  const server = http.createServer((req, res) => {
    handle(req, res, mounts).catch((err) => {
      console.error(err);
      if (!res.headersSent) send(res, 500, 'internal error\n');
      else res.destroy();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const actual = server.address().port;
      resolve({
        url: `http://127.0.0.1:${actual}/`,
        port: actual,
        close: () => new Promise((done) => {
          server.close(() => done());
          server.closeAllConnections();
        }),
      });
    });
  });
}

function parseArgs(argv) {
  const opts = { port: 8080, host: '127.0.0.1' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.split(/=(.*)/s, 2);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--port') {
      const v = value();
      if (!/^\d+$/.test(v)) throw new Error(`--port expects an integer, got '${v}'`);
      opts.port = Number(v);
    } else if (flag === '--host') {
      opts.host = value();
    } else if (flag === '--help' || flag === '-h') {
      console.log('usage: node web-demo/serve.js [--port N] [--host 127.0.0.1]');
      process.exit(0);
    } else {
      throw new Error(`unknown argument '${arg}' (usage: node web-demo/serve.js [--port N] [--host 127.0.0.1])`);
    }
  }
  return opts;
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`webtorch demo: ${err.message}`);
    process.exit(2);
  }
  try {
    const { url, close } = await startServer(opts);
    console.log(`webtorch demo: ${url}`);
    const stop = () => close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}
