// torch.load_safetensors beyond bytes: a fetch Response read as a stream with onProgress, URLs
// (fetch() in Node 18+ over a local server), and the errors — all checked in Node; the browser
// test loads a URL from a page.

import { jest } from '@jest/globals';
import torch, { nn } from '../../js/index.js';
import { startServer } from '../../web-demo/serve.js';

jest.setTimeout(30_000);

let bytes;
let expected;

beforeAll(async () => {
  await torch.ready();
  torch.manual_seed(0);
  const sd = new nn.Linear(64, 32).state_dict();
  expected = Object.fromEntries(Object.entries(sd).map(([k, t]) => [k, t.tolist()]));
  bytes = torch.save_safetensors(sd);
});

/** A Response streaming `data` in `chunk`-byte pieces, with or without a Content-Length. */
function streamed(data, chunk, headers = {}) {
  let at = 0;
  const body = new ReadableStream({
    pull(controller) {
      if (at >= data.length) { controller.close(); return; }
      controller.enqueue(data.slice(at, at + chunk));
      at += chunk;
    },
  });
  return new Response(body, { headers });
}

const values = (sd) => Object.fromEntries(Object.entries(sd).map(([k, t]) => [k, t.tolist()]));
const dispose = (sd) => Object.values(sd).forEach((t) => t.dispose());

test('bytes load synchronously; onProgress is called once with the size', () => {
  const calls = [];
  const sd = torch.load_safetensors(bytes, { onProgress: (l, t) => calls.push([l, t]) });
  expect(sd).not.toBeInstanceOf(Promise);
  expect(values(sd)).toEqual(expected);
  expect(calls).toEqual([[bytes.length, bytes.length]]);
  dispose(sd);
});

test('a Response is read chunk by chunk: a Promise, progress rising to the Content-Length', async () => {
  const calls = [];
  const result = torch.load_safetensors(streamed(bytes, 1000, { 'content-length': String(bytes.length) }),
    { onProgress: (l, t) => calls.push([l, t]) });
  expect(result).toBeInstanceOf(Promise);
  const sd = await result;
  expect(values(sd)).toEqual(expected);
  expect(calls.length).toBe(Math.ceil(bytes.length / 1000));
  calls.forEach(([loaded, total], i) => {
    expect(loaded).toBe(Math.min((i + 1) * 1000, bytes.length));
    expect(total).toBe(bytes.length);
  });
  dispose(sd);
});

test('without a Content-Length (or with a compressed one) total is null', async () => {
  const calls = [];
  dispose(await torch.load_safetensors(streamed(bytes, 4096), { onProgress: (l, t) => calls.push(t) }));
  dispose(await torch.load_safetensors(streamed(bytes, 4096, { 'content-length': '10', 'content-encoding': 'gzip' }),
    { onProgress: (l, t) => calls.push(t) }));
  expect(new Set(calls)).toEqual(new Set([null]));
});

test('URL strings and URL objects are fetched', async () => {
  // serve.js serves the repo's dist/ and js/; a safetensors file sits in neither, so serve this
  // test's bytes from a folder of its own.
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const dir = mkdtempSync(path.join(tmpdir(), 'webtorch-load-'));
  writeFileSync(path.join(dir, 'w.safetensors'), bytes);
  const server = await startServer({ port: 0, host: '127.0.0.1', mounts: [['/', dir]] });
  try {
    const byString = await torch.load_safetensors(`${server.url}w.safetensors`);
    expect(values(byString)).toEqual(expected);
    dispose(byString);
    const byUrl = await torch.load_safetensors(new URL('w.safetensors', server.url));
    expect(values(byUrl)).toEqual(expected);
    dispose(byUrl);
    await expect(torch.load_safetensors(`${server.url}missing.safetensors`)).rejects
      .toThrow(`torch.load_safetensors: could not fetch ${server.url}missing.safetensors: HTTP 404`);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('errors name the function, the argument and what was received; nothing leaks', async () => {
  const before = torch.memory_allocated();
  expect(() => torch.load_safetensors(42)).toThrow(
    'torch.load_safetensors: expected a URL string, URL, Response, ArrayBuffer or Uint8Array, got 42');
  expect(() => torch.load_safetensors(bytes, { onProgress: 1 })).toThrow(
    'torch.load_safetensors: onProgress must be a function (loaded, total) => void, got 1');
  expect(() => torch.load_safetensors(bytes, { on_progress() {} })).toThrow("torch.load_safetensors: unknown option 'on_progress'");
  await expect(torch.load_safetensors(new Response('<!DOCTYPE html><p>Not found', { headers: { 'content-type': 'text/html' } })))
    .rejects.toThrow(/is an HTML page \(Content-Type text\/html\), not a safetensors file/);
  await expect(torch.load_safetensors(new Response('x', { status: 500 }))).rejects.toThrow('HTTP 500');
  await expect(torch.load_safetensors(new Response(bytes.slice(0, bytes.length - 4)))).rejects.toThrow(/^webtorch: safetensors: /);
  await expect(torch.load_safetensors('http://127.0.0.1:1/nothing')).rejects
    .toThrow('torch.load_safetensors: could not fetch http://127.0.0.1:1/nothing: fetch failed');
  expect(torch.memory_allocated()).toBe(before);
});
