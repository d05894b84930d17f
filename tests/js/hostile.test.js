// Hostile weight files through the public path a page uses:
//   model.load_state_dict(torch.load_safetensors(bytesFromTheNetwork))
// Every malformed file is a webtorch Error in bounded time, allocates nothing that outlives the
// call, pollutes no prototype, and leaves the model's parameters exactly as they were (nothing
// half-loaded). Mutation fuzzing (seeded, reproducible) plus one file per known attack.
import { expect, test, describe, beforeAll } from '@jest/globals';
import torch, { nn, Tensor } from '../../js/index.js';
import { file, prng } from './safetensors_util.js';

beforeAll(() => torch.ready());

const enc = new TextEncoder();

function makeModel() {
  torch.manual_seed(0);
  return new nn.Sequential(new nn.Linear(3, 4), new nn.BatchNorm1d(4), new nn.Conv1d(1, 2, 2));
}
const snapshot = (m) => Object.entries(m.state_dict()).map(([k, t]) => [k, Array.from(t.toTypedArray(), String)]);
const protoKeys = () => [Object.prototype, Array.prototype, Function.prototype]
  .map((p) => Object.getOwnPropertyNames(p).sort().join());

let model;
let before;
let protos;
beforeAll(() => {
  model = makeModel();
  before = snapshot(model);
  protos = protoKeys();
});

/**
 * Load `bytes` into the model the way a page would. Returns 'rejected' or 'loaded'; checks
 * the invariants either way.
 */
function tryLoad(bytes, what) {
  const mem = torch.memory_allocated();
  const t0 = Date.now();
  let sd = null;
  let outcome;
  try {
    sd = torch.load_safetensors(bytes);
    model.load_state_dict(sd);
    outcome = 'loaded';
  } catch (e) {
    if (!(e instanceof Error) || e instanceof RangeError || e instanceof TypeError) {
      throw new Error(`${what}: not a clear webtorch Error: ${e && e.stack}`);
    }
    expect(e.message).toMatch(/^(webtorch: safetensors: |Error\(s\) in loading state_dict|load_state_dict)/);
    outcome = 'rejected';
  } finally {
    if (sd) for (const t of Object.values(sd)) if (t instanceof Tensor) t.dispose();
  }
  if (Date.now() - t0 > 1000) throw new Error(`${what}: took ${Date.now() - t0} ms`);
  expect(torch.memory_allocated()).toBe(mem);
  expect(({}).polluted).toBeUndefined();
  expect(protoKeys()).toEqual(protos);
  if (outcome === 'rejected') expect(snapshot(model)).toEqual(before);
  return outcome;
}

describe('known attacks', () => {
  const good = () => torch.save_safetensors(makeModel().state_dict());
  const w = (dtype, shape, b, e) => ({ dtype, shape, data_offsets: [b, e] });

  test('the untouched file loads (the harness can tell success from failure)', () => {
    expect(tryLoad(good(), 'good')).toBe('loaded');
    expect(snapshot(model)).toEqual(before);
  });

  test.each([
    ['empty', new Uint8Array(0)],
    ['7 bytes', new Uint8Array(7)],
    ['header length 2^64 - 1', file('{}', undefined, 0xffffffffffffffffn)],
    ['header length 2^53 + 1', file('{}', undefined, 2n ** 53n + 1n)],
    ['header length 100 MB on a tiny file', file('{}', undefined, 100000000n)],
    ['offsets past the end', file(JSON.stringify({ '0.weight': w('F32', [4, 3], 0, 48) }), new Uint8Array(16))],
    ['end offset 2^53', file(JSON.stringify({ '0.bias': w('F32', [4], 0, 2 ** 53) }), new Uint8Array(16))],
    ['overlapping ranges', file(JSON.stringify({ '0.bias': w('F32', [4], 0, 16), '1.bias': w('F32', [4], 8, 24) }),
      new Uint8Array(24))],
    ['duplicate keys', file('{"0.bias":{"dtype":"F32","shape":[4],"data_offsets":[0,16]},' +
      '"0.bias":{"dtype":"F32","shape":[4],"data_offsets":[16,32]}}', new Uint8Array(32))],
    ['shape product overflowing 2^53', file(JSON.stringify({ '0.bias': w('F32', [2 ** 31, 2 ** 31, 2 ** 31], 0, 16) }),
      new Uint8Array(16))],
    ['shape product of a huge first dim times 0', file(JSON.stringify({ '0.bias': w('F32', [1e300, 0], 0, 0) }))],
    ['float shape', file(JSON.stringify({ '0.bias': w('F32', [4.5], 0, 18) }), new Uint8Array(18))],
    ['non-UTF-8 header', file(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x7b, 0x7d, 0x7d]))],
    ['overlong UTF-8 NUL in a name', file(new Uint8Array([...enc.encode('{"'), 0xc0, 0x80, ...enc.encode('":{}}')]))],
    ['deeply nested JSON', file('{"a":' + '['.repeat(200000) + ']'.repeat(200000) + '}')],
    ['deeply nested metadata', file('{"__metadata__":' + '{"a":'.repeat(50000) + '1' + '}'.repeat(50001))],
    ['header that is a JSON string', file('"' + 'a'.repeat(100000) + '"')],
    ['unknown dtype', file(JSON.stringify({ '0.bias': w('F128', [4], 0, 64) }), new Uint8Array(64))],
  ])('%s: rejected', (what, bytes) => {
    expect(tryLoad(bytes, what)).toBe('rejected');
  });

  test.each(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'])(
    'a tensor named %s is an unexpected key (strict), touching no prototype', (name) => {
      const bytes = file(JSON.stringify({ [name]: w('F32', [2], 0, 8) }), new Uint8Array(8));
      expect(tryLoad(bytes, name)).toBe('rejected');
      const sd = torch.load_safetensors(bytes);
      expect(Object.getPrototypeOf(sd)).toBe(Object.prototype);
      expect(Object.prototype.hasOwnProperty.call(sd, name)).toBe(true);
      expect(sd[name]).toBeInstanceOf(Tensor);
      expect(model.load_state_dict(sd, { strict: false }).unexpected_keys).toEqual([name]);
      expect(snapshot(model)).toEqual(before);
      sd[name].dispose();
    });

  test('__proto__ as a state_dict prefix (e.g. "__proto__.weight") pollutes nothing', () => {
    const bytes = file(JSON.stringify({ '__proto__.polluted': w('F32', [1], 0, 4), 'constructor.prototype.polluted': w('F32', [1], 4, 8) }),
      new Uint8Array(8));
    expect(tryLoad(bytes, 'prefix')).toBe('rejected');
  });

  test('a well-formed file whose last tensor has the wrong shape loads nothing at all', () => {
    const sd = makeModel().state_dict();
    const entries = Object.entries(sd);
    const wrong = {};
    for (const [k, t] of entries) wrong[k] = t.mul(3); // every value changed...
    const last = entries[entries.length - 1][0];
    wrong[last].dispose();
    wrong[last] = torch.zeros(7); // ...and one shape wrong
    const bytes = torch.save_safetensors(wrong);
    for (const t of Object.values(wrong)) t.dispose();
    expect(tryLoad(bytes, 'wrong last shape')).toBe('rejected');
  });
});

describe('mutation fuzzing', () => {
  test('2,000 mutated checkpoints: each loads completely or is rejected with nothing changed', () => {
    const base = torch.save_safetensors(model.state_dict());
    const headerEnd = 8 + Number(new DataView(base.buffer, base.byteOffset).getBigUint64(0, true));
    const rand = prng(0xbad5eed);
    const int = (n) => Math.floor(rand() * n);
    const tokens = ['{}', '[]', '"', ',', ':', '0', '-1', '1e309', '99999999999999999999', '"__proto__"',
      '"constructor"', '"F64"', '"BOOL"', '"data_offsets"', '"shape"', 'null', 'true', '\\u0000', '\uffff'];
    let rejected = 0;
    let loaded = 0;
    const start = Date.now();
    for (let iter = 0; iter < 2000; iter++) {
      let bytes = base.slice();
      const edits = 1 + int(4);
      for (let k = 0; k < edits && bytes.length > 0; k++) {
        // Most edits land in the length prefix and header, where the structure lives.
        const at = Math.min(rand() < 0.8 ? int(headerEnd) : int(bytes.length), bytes.length - 1);
        const kind = int(7);
        if (kind === 0) bytes[at] ^= 1 << int(8);
        else if (kind === 1) bytes[at] = int(256);
        else if (kind === 2) bytes = bytes.slice(0, at); // truncate
        else if (kind === 3) { // splice in a JSON token
          const t = enc.encode(tokens[int(tokens.length)]);
          const out = new Uint8Array(bytes.length + t.length);
          out.set(bytes.subarray(0, at));
          out.set(t, at);
          out.set(bytes.subarray(at), at + t.length);
          bytes = out;
        } else if (kind === 4) { // duplicate a slice of the header (duplicate keys, overlaps)
          const len = 1 + int(40);
          const piece = bytes.slice(at, at + len);
          const out = new Uint8Array(bytes.length + piece.length);
          out.set(bytes.subarray(0, at));
          out.set(piece, at);
          out.set(bytes.subarray(at), at + piece.length);
          bytes = out;
        } else if (kind === 5) { // rewrite the declared header length
          const v = new DataView(bytes.buffer, bytes.byteOffset);
          if (bytes.length >= 8) v.setBigUint64(0, [0n, 1n, 2n ** 32n, 2n ** 63n, BigInt(int(bytes.length + 16))][int(5)], true);
        } else { // swap a digit, so offsets and shapes shift by small amounts
          if (bytes[at] >= 0x30 && bytes[at] <= 0x39) bytes[at] = 0x30 + int(10);
        }
      }
      if (tryLoad(bytes, `iteration ${iter}`) === 'rejected') {
        rejected++;
      } else {
        // a mutation that still loads (a flipped data byte) changed values: put them back
        loaded++;
        restore();
      }
    }
    expect(rejected + loaded).toBe(2000);
    expect(rejected).toBeGreaterThan(1000);
    expect(Date.now() - start).toBeLessThan(20000);
  }, 30000);
});

function restore() {
  const fresh = makeModel();
  model.load_state_dict(fresh.state_dict());
  expect(snapshot(model)).toEqual(before);
}
