// `npm run bench -- --browser`: the same workloads in headless Chromium (/usr/bin/chromium,
// driven by playwright-core). bench/page.js is bundled with esbuild (the peers are npm
// packages imported by name, which a page cannot resolve without a bundler or an inline
// import map, and the server's CSP forbids inline scripts) into the ignored
// bench/.cache/browser/, then served with the demo's server (web-demo/serve.js: CSP and
// cross-origin isolation headers) next to webtorch's dist/, the peers' wasm files and the
// ONNX models.

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { startServer } from '../web-demo/serve.js';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const OUT = here('./.cache/browser/');

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>webtorch bench</title>
<script type="module" src="page.js"></script></head><body></body></html>
`;

// as in tests/js/demo.test.js
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

/**
 * Runs the workloads `names` in Chromium; calls onRow(row) for each result row as it arrives and
 * resolves to { rows, limit } (limit from the page's own peak measurement).
 */
export async function runInBrowser({ names, quick, ortProblem, onRow }) {
  await mkdir(OUT, { recursive: true });
  await build({
    entryPoints: [here('./page.js')], bundle: true, format: 'esm', platform: 'browser', target: 'es2022',
    outfile: path.join(OUT, 'page.js'), logLevel: 'error',
    // Node-only branches of the packages (never taken in a page); webtorch's glue stays a file of
    // its own in /dist/, where the pthread build finds its worker script next to it
    external: ['node:*', 'fs', 'path', 'url', 'module', 'worker_threads', 'os', 'crypto', 'perf_hooks', '../dist/*'],
  });
  await writeFile(path.join(OUT, 'index.html'), PAGE);
  // webtorch's runtime finds dist/ at ../dist/ from the bundle, as from js/
  const server = await startServer({ port: 0, host: '127.0.0.1', mounts: [
    ['/bench/', OUT],
    ['/dist/', here('../dist')],
    ['/ort/', here('../node_modules/onnxruntime-web/dist')],
    ['/tfjs-wasm/', here('../node_modules/@tensorflow/tfjs-backend-wasm/dist')],
    ['/models/', here('./.cache')],
  ] });
  const profileDir = await mkdtemp(path.join(tmpdir(), 'webtorch-bench-'));
  let context = null;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    const page = await context.newPage();
    const rows = [];
    let limit = null;
    const done = new Promise((resolve, reject) => {
      page.on('requestfailed', (req) => console.error(`bench page: request failed: ${req.url()}`));
      page.on('response', (res) => { if (res.status() >= 400) console.error(`bench page: ${res.status()} ${res.url()}`); });
      page.on('pageerror', (err) => reject(new Error(`bench page: ${err.message}`)));
      page.on('console', (msg) => {
        const text = msg.text();
        if (text === 'BENCH-END') resolve();
        else if (text.startsWith('BENCH-ERROR ')) reject(new Error(`bench page: ${text.slice(12)}`));
        else if (text.startsWith('BENCH ')) {
          const row = JSON.parse(text.slice(6));
          if (row.workload === 'peak') limit = row;
          else {
            rows.push(row);
            onRow(row);
          }
        } else console.error(`bench page: ${text}`); // the peers' warnings, kept visible
      });
    });
    const query = new URLSearchParams({ names: names.join(','), quick: quick ? '1' : '0' });
    if (ortProblem) query.set('ort', ortProblem);
    await page.goto(`${server.url}bench/index.html?${query}`);
    await done;
    return { rows, limit };
  } finally {
    await context?.close();
    await server.close();
    await rm(profileDir, { recursive: true, force: true });
  }
}
