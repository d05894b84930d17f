// js/safetensors.js: fixtures written in the Python safetensors layout from real
// PyTorch tensors (tests/golden/cases_safetensors.py), round trips, and one test per
// rule the strict reader enforces.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSafetensors, serializeSafetensors } from '../../js/safetensors.js';
import { file, prng } from './safetensors_util.js';

const DATA = join(dirname(fileURLToPath(import.meta.url)), '..', 'golden', 'data');
const golden = JSON.parse(readFileSync(join(DATA, 'safetensors.json'), 'utf8'));
const fixture = (name) => new Uint8Array(readFileSync(join(DATA, name)));

// A file from header entries given as a JS value (only for well-formed JSON).
const fileOf = (obj, nbytes = 0) => file(JSON.stringify(obj), new Uint8Array(nbytes));
const F32 = (shape, begin, end) => ({ dtype: 'F32', shape, data_offsets: [begin, end] });

function expectReject(bytes, ...patterns) {
  let err;
  try {
    parseSafetensors(bytes);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(Error);
  expect(err.message).toMatch(/^webtorch: safetensors: /);
  for (const p of patterns) expect(err.message).toMatch(p);
  return err;
}

// Flat values of a parsed tensor, read little-endian.
function valuesOf(t) {
  const v = new DataView(t.bytes.buffer, t.bytes.byteOffset, t.bytes.byteLength);
  const n = t.shape.reduce((a, b) => a * b, 1);
  const out = [];
  for (let i = 0; i < n; i++) {
    if (t.dtype === 'float32') out.push(v.getFloat32(4 * i, true));
    else if (t.dtype === 'int32') out.push(v.getInt32(4 * i, true));
    else if (t.dtype === 'int64') out.push(v.getBigInt64(8 * i, true).toString());
    else out.push(v.getUint8(i) === 1 ? true : v.getUint8(i) === 0 ? false : v.getUint8(i));
  }
  return out;
}
const fromGolden = (x) => (x === 'nan' ? NaN : x === 'inf' ? Infinity : x === '-inf' ? -Infinity : x);

describe('safetensors: files written from PyTorch', () => {
  test.each(golden.files.map((f) => [f.file, f]))('%s parses to PyTorch\'s values', (_, f) => {
    const { tensors, metadata } = parseSafetensors(fixture(f.file));
    expect({ ...metadata }).toEqual(f.metadata);
    expect(tensors.map((t) => t.name)).toEqual(f.tensors.map((t) => t.name));
    tensors.forEach((t, i) => {
      const want = f.tensors[i];
      expect([t.name, t.dtype, t.shape]).toEqual([want.name, want.dtype, want.shape]);
      expect(t.bytes).toBeInstanceOf(Uint8Array);
      // toEqual compares numbers with Object.is: -0 and NaN are checked exactly.
      expect(valuesOf(t)).toEqual(want.values.map(fromGolden));
    });
  });

  test('accepts an ArrayBuffer and a Uint8Array view at an offset, and copies the bytes', () => {
    const bytes = fixture('safetensors_state_dict.safetensors');
    const big = new Uint8Array(bytes.length + 13);
    big.set(bytes, 5);
    const view = big.subarray(5, 5 + bytes.length);
    const a = parseSafetensors(view);
    const b = parseSafetensors(bytes.slice().buffer);
    expect(a.tensors.map(valuesOf)).toEqual(b.tensors.map(valuesOf));
    const before = valuesOf(a.tensors[0]);
    big.fill(0);
    expect(valuesOf(a.tensors[0])).toEqual(before);
  });

  test('a non-buffer argument is rejected', () => {
    expect(() => parseSafetensors('abc')).toThrow(/^webtorch: safetensors: expected the file as a Uint8Array or ArrayBuffer, got string/);
    expect(() => parseSafetensors(null)).toThrow(/got null/);
  });
});

describe('safetensors: serialize', () => {
  const f32 = (xs) => new Uint8Array(new Float32Array(xs).buffer);
  const entries = [
    { name: 'w', dtype: 'float32', shape: [2, 2], bytes: f32([1, -2, 3.5, 0]) },
    { name: 'steps', dtype: 'int64', shape: [], bytes: new Uint8Array(new BigInt64Array([-(2n ** 62n)]).buffer) },
    { name: 'idx', dtype: 'int32', shape: [3], bytes: new Uint8Array(new Int32Array([1, -1, 7]).buffer) },
    { name: 'mask', dtype: 'bool', shape: [1, 3], bytes: new Uint8Array([1, 0, 1]) },
    { name: 'empty', dtype: 'float32', shape: [0, 3], bytes: new Uint8Array(0) },
    { name: 'a', dtype: 'float32', shape: [1], bytes: f32([9]) },
  ];

  test('round trip: serialize then parse gives the same tensors and metadata', () => {
    const out = serializeSafetensors(entries, { format: 'pt', __proto__x: 'y' });
    const { tensors, metadata } = parseSafetensors(out);
    expect({ ...metadata }).toEqual({ format: 'pt', __proto__x: 'y' });
    const byName = new Map(tensors.map((t) => [t.name, t]));
    expect(byName.size).toBe(entries.length);
    for (const e of entries) {
      const t = byName.get(e.name);
      expect([t.dtype, t.shape, Array.from(t.bytes)]).toEqual([e.dtype, e.shape, Array.from(e.bytes)]);
    }
  });

  test('layout: header padded with spaces to 8, data sorted by dtype alignment then name', () => {
    const out = serializeSafetensors(entries, { format: 'pt' });
    const n = Number(new DataView(out.buffer).getBigUint64(0, true));
    expect(n % 8).toBe(0);
    const header = new TextDecoder().decode(out.subarray(8, 8 + n));
    expect(header.trimEnd()).toBe(
      '{"__metadata__":{"format":"pt"},' +
      '"steps":{"dtype":"I64","shape":[],"data_offsets":[0,8]},' +
      '"a":{"dtype":"F32","shape":[1],"data_offsets":[8,12]},' +
      '"empty":{"dtype":"F32","shape":[0,3],"data_offsets":[12,12]},' +
      '"w":{"dtype":"F32","shape":[2,2],"data_offsets":[12,28]},' +
      '"idx":{"dtype":"I32","shape":[3],"data_offsets":[28,40]},' +
      '"mask":{"dtype":"BOOL","shape":[1,3],"data_offsets":[40,43]}}');
    expect(/^ *$/.test(header.slice(header.trimEnd().length))).toBe(true);
    expect(out.length).toBe(8 + n + 43);
  });

  test('byte-identical to the reference writer on small cases', () => {
    const h = '{"attn.0":{"dtype":"F32","shape":[1,2,3],"data_offsets":[0,24]}}'; // 64 bytes: no padding
    const data = f32([0, 1, 2, 3, 4, 5]);
    expect(Array.from(serializeSafetensors([{ name: 'attn.0', dtype: 'float32', shape: [1, 2, 3], bytes: data }])))
      .toEqual(Array.from(file(h, data)));
    expect(Array.from(serializeSafetensors([]))).toEqual(Array.from(file('{}      ')));
    expect(Array.from(serializeSafetensors([], { framework: 'pt' })))
      .toEqual(Array.from(file('{"__metadata__":{"framework":"pt"}}     ')));
  });

  test.each(['safetensors_state_dict.safetensors', 'safetensors_names.safetensors', 'safetensors_empty.safetensors'])(
    'parse then serialize reproduces the Python-layout file %s byte for byte', (name) => {
      const bytes = fixture(name);
      const { tensors, metadata } = parseSafetensors(bytes);
      const meta = Object.keys(metadata).length ? metadata : undefined;
      expect(Array.from(serializeSafetensors(tensors, meta))).toEqual(Array.from(bytes));
    });

  test('converted dtypes round-trip as their webtorch dtype', () => {
    const { tensors } = parseSafetensors(fixture('safetensors_dtypes.safetensors'));
    const again = parseSafetensors(serializeSafetensors(tensors)).tensors;
    const byName = new Map(again.map((t) => [t.name, t]));
    for (const t of tensors) expect(valuesOf(byName.get(t.name))).toEqual(valuesOf(t));
  });

  test('invalid entries are rejected with what is wrong', () => {
    const ok = { name: 'x', dtype: 'float32', shape: [1], bytes: f32([1]) };
    const bad = (e, re) => expect(() => serializeSafetensors([e])).toThrow(re);
    bad({ ...ok, dtype: 'float16' }, /^webtorch: safetensors: serializeSafetensors: tensor "x": unknown dtype "float16"; supported: 'float32', 'int64', 'int32', 'bool'/);
    bad({ ...ok, shape: [2] }, /bytes has length 4, expected 8/);
    bad({ ...ok, shape: [-1] }, /shape\[0\] must be a non-negative integer, got -1/);
    bad({ ...ok, shape: [1.5] }, /shape\[0\] must be a non-negative integer, got 1.5/);
    bad({ ...ok, name: '__metadata__' }, /reserved/);
    bad({ ...ok, name: 'a\ud800' }, /unpaired surrogate/);
    bad({ ...ok, bytes: [0, 0, 128, 63] }, /bytes must be a Uint8Array/);
    bad({ name: 'b', dtype: 'bool', shape: [1], bytes: new Uint8Array([2]) }, /bool element 0 is the byte 2, expected 0 or 1/);
    expect(() => serializeSafetensors([ok, ok])).toThrow(/tensor "x": duplicate tensor name/);
    expect(() => serializeSafetensors([ok], { n: 1 })).toThrow(/metadata "n" must map a string to a string, got number/);
    expect(() => serializeSafetensors('x')).toThrow(/expected an array of entries/);
  });

  test('hostile names are written as data, never as object keys', () => {
    const names = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
    const out = serializeSafetensors(names.map((name) => ({ name, dtype: 'bool', shape: [], bytes: new Uint8Array([1]) })),
      JSON.parse('{"__proto__":"no","constructor":"yes"}')); // own keys, unlike an object literal
    const { tensors, metadata } = parseSafetensors(out);
    expect(tensors.map((t) => t.name).sort()).toEqual([...names].sort());
    expect(Object.getPrototypeOf(metadata)).toBe(null);
    expect(Object.keys(metadata).sort()).toEqual(['__proto__', 'constructor']);
    expect(({}).polluted).toBeUndefined();
  });
});

describe('safetensors: the header length', () => {
  test('a file shorter than 8 bytes', () => {
    expectReject(new Uint8Array(0), /file is 0 bytes, expected at least 8/);
    expectReject(new Uint8Array(5), /file is 5 bytes, expected at least 8 \(the u64 header length\)/);
    expectReject(new ArrayBuffer(7), /file is 7 bytes/);
  });

  test('a header length past the end of the file', () => {
    expectReject(file('{}', new Uint8Array(0), 3), /header length 3 runs past the end of the file: the file is 10 bytes, so the header can be at most 2 bytes/);
    expectReject(file('{}', new Uint8Array(0), 99_999_999), /header length 99999999 runs past the end/);
  });

  test('an absurdly large header length', () => {
    expectReject(file('{}', new Uint8Array(0), 100_000_001), /header length 100000001 is absurdly large \(limit 100000000 bytes\)/);
    expectReject(file('{}', new Uint8Array(0), 2n ** 64n - 1n), /header length 18446744073709551615 is absurdly large/);
    expectReject(file('{}', new Uint8Array(0), 2n ** 53n + 1n), /header length 9007199254740993 is absurdly large/);
  });
});

describe('safetensors: the header text', () => {
  test('not valid UTF-8', () => {
    expectReject(file(new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d])), /header \(bytes 8\.\.13\) is not valid UTF-8/);
    // A surrogate encoded in UTF-8 (CESU-8) and an overlong '{' are not UTF-8 either.
    expectReject(file(new Uint8Array([0x7b, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d])), /not valid UTF-8/);
    expectReject(file(new Uint8Array([0xc0, 0xbb, 0x7d])), /not valid UTF-8/);
  });

  test('not JSON', () => {
    expectReject(file('{"a":'), /header is not valid JSON: expected a value, got end of header at character 5/);
    expectReject(file('{} x'), /header is not valid JSON: expected end of header after the top-level value, got "x" at character 3/);
    expectReject(file("{'a':1}"), /expected a string key, got "'" at character 1/);
    expectReject(file('{"a":NaN}'), /expected a value, got "N"/);
    expectReject(file('{"a":{},}'), /expected a string key/);
    expectReject(file('{"a":01}'), /expected ',' or '}' in an object, got "1"/);
    expectReject(file('{"a":"x\ty"}'), /control character in a string \(must be escaped\)/);
    expectReject(file('{"a":"\\x"}'), /invalid escape in a string/);
    expectReject(file('{"a\\ud800":1}'), /unpaired surrogate escape/);
    expectReject(file('{"a":"unterminated'), /unterminated string/);
    expectReject(file('{}\0\0\0\0\0\0'), /expected end of header after the top-level value, got "\\u0000"/);
  });

  test('not an object', () => {
    expectReject(file('[]'), /header must be a JSON object starting with '\{', got "\["/);
    expectReject(file('"x"'), /got "\\""/);
    expectReject(file(''), /got an empty header/);
    expectReject(file(' {}'), /header must be a JSON object starting with '\{', got " "/);
    expectReject(file('\ufeff{}'), /starting with '\{', got "\ufeff"/);
  });

  test('deep nesting is a clear error, not a stack overflow', () => {
    const deep = '{"a":' + '['.repeat(1_000_000) + ']'.repeat(1_000_000) + '}';
    expectReject(file(deep), /header JSON is nested more than 64 levels deep \(at character 68\)/);
    const deepObj = '{"a":'.repeat(200_000) + '1' + '}'.repeat(200_000);
    expectReject(file(deepObj), /nested more than 64 levels deep/);
  });

  test('duplicate keys (JSON.parse would keep the last one silently)', () => {
    const t = '{"dtype":"F32","shape":[1],"data_offsets":[0,4]}';
    expectReject(file(`{"w":${t},"w":${t}}`, new Uint8Array(4)), /header has duplicate key "w" \(second occurrence at character \d+\); every key must appear once/);
    expectReject(file(`{"w":${t},"\\u0077":${t}}`, new Uint8Array(4)), /duplicate key "w"/);
    expectReject(file('{"w":{"dtype":"F32","dtype":"F32","shape":[1],"data_offsets":[0,4]}}', new Uint8Array(4)), /duplicate key "dtype"/);
    expectReject(file('{"__metadata__":{},"__metadata__":{}}'), /duplicate key "__metadata__"/);
    expectReject(file('{"__metadata__":{"k":"a","k":"b"}}'), /duplicate key "k"/);
  });
});

describe('safetensors: tensor entries', () => {
  test('missing dtype / shape / data_offsets', () => {
    expectReject(fileOf({ w: { shape: [1], data_offsets: [0, 4] } }, 4), /tensor "w": missing "dtype"/);
    expectReject(fileOf({ w: { dtype: 'F32', data_offsets: [0, 4] } }, 4), /tensor "w": missing "shape"/);
    expectReject(fileOf({ w: { dtype: 'F32', shape: [1] } }, 4), /tensor "w": missing "data_offsets"/);
  });

  test('wrong types', () => {
    expectReject(fileOf({ w: [1, 2] }), /tensor "w": expected an object with "dtype", "shape" and "data_offsets", got an array/);
    expectReject(fileOf({ w: 'F32' }), /tensor "w": expected an object .*got the string "F32"/);
    expectReject(fileOf({ w: { dtype: 32, shape: [1], data_offsets: [0, 4] } }, 4), /tensor "w": "dtype" must be a string, got the number 32/);
    expectReject(fileOf({ w: { dtype: 'F32', shape: '1', data_offsets: [0, 4] } }, 4), /tensor "w": "shape" must be an array of integers, got the string "1"/);
    expectReject(fileOf({ w: { dtype: 'F32', shape: ['1'], data_offsets: [0, 4] } }, 4), /tensor "w": shape\[0\] must be a non-negative integer, got the string "1"/);
    expectReject(fileOf({ w: { dtype: 'F32', shape: [1], data_offsets: { 0: 0, 1: 4 } } }, 4), /tensor "w": "data_offsets" must be \[begin, end\], got an object/);
    expectReject(fileOf({ w: { dtype: 'F32', shape: [1], data_offsets: [0, 4], extra: 1 } }, 4), /tensor "w": unexpected key "extra"/);
    expectReject(fileOf({ w: { dtype: null, shape: [1], data_offsets: [0, 4] } }, 4), /"dtype" must be a string, got null/);
  });

  test('unknown dtype: named, with the supported list', () => {
    const err = expectReject(fileOf({ w: { dtype: 'F128', shape: [1], data_offsets: [0, 16] } }, 16),
      /tensor "w": unknown dtype "F128"; supported: F64, F32, F16, BF16, I64, I32, I16, U16, I8, U8, BOOL$/);
    expect(err.message).toContain('F128');
    expectReject(fileOf({ w: { dtype: 'U32', shape: [1], data_offsets: [0, 4] } }, 4), /unknown dtype "U32"/);
    expectReject(fileOf({ w: { dtype: 'f32', shape: [1], data_offsets: [0, 4] } }, 4), /unknown dtype "f32"/);
  });

  test('negative or non-integer shape entries', () => {
    expectReject(fileOf({ w: F32([2, -3], 0, 0) }), /tensor "w": shape\[1\] must be a non-negative integer, got -3 \(negative\)/);
    expectReject(file('{"w":{"dtype":"F32","shape":[1.5],"data_offsets":[0,4]}}', new Uint8Array(4)), /shape\[0\] must be a non-negative integer, got 1.5 \(not an integer literal\)/);
    expectReject(file('{"w":{"dtype":"F32","shape":[1.0],"data_offsets":[0,4]}}', new Uint8Array(4)), /shape\[0\] must be a non-negative integer, got 1.0/);
    expectReject(file('{"w":{"dtype":"F32","shape":[1e0],"data_offsets":[0,4]}}', new Uint8Array(4)), /got 1e0 \(not an integer literal\)/);
    expectReject(file('{"w":{"dtype":"F32","shape":[true],"data_offsets":[0,4]}}', new Uint8Array(4)), /shape\[0\] must be a non-negative integer, got true/);
  });

  test('shape product overflow and shapes needing bytes beyond the buffer', () => {
    expectReject(fileOf({ w: F32([2 ** 30, 2 ** 30, 2 ** 30], 0, 4) }, 4), /tensor "w": shape \[1073741824, 1073741824, 1073741824\] has more than 2\^53 - 1 elements/);
    expectReject(file('{"w":{"dtype":"F32","shape":[99999999999999999999],"data_offsets":[0,4]}}', new Uint8Array(4)), /shape\[0\] is 99999999999999999999, larger than 2\^53 - 1/);
    expectReject(fileOf({ w: F32([1000000, 1000000], 0, 4) }, 4), /tensor "w": shape \[1000000, 1000000\] of F32 needs 4000000000000 bytes, beyond the data section of 4 bytes/);
    // Overflowing on the way, even if a later 0 would bring it back, as the reference does.
    expectReject(fileOf({ w: F32([2 ** 40, 2 ** 40, 0], 0, 0) }), /has more than 2\^53 - 1 elements/);
  });

  test('data_offsets not [begin, end] integers with begin <= end', () => {
    expectReject(fileOf({ w: { dtype: 'F32', shape: [1], data_offsets: [0, 4, 8] } }, 4), /"data_offsets" must be \[begin, end\], got an array of length 3/);
    expectReject(fileOf({ w: { dtype: 'F32', shape: [1], data_offsets: [0] } }, 4), /got an array of length 1/);
    expectReject(fileOf({ w: F32([1], -4, 0) }, 4), /tensor "w": data_offsets\[0\] \(begin\) must be a non-negative integer, got -4 \(negative\)/);
    expectReject(fileOf({ w: F32([1], 0, '4') }, 4), /data_offsets\[1\] \(end\) must be a non-negative integer, got the string "4"/);
    expectReject(file('{"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4.0]}}', new Uint8Array(4)), /data_offsets\[1\] \(end\) must be a non-negative integer, got 4.0/);
    expectReject(fileOf({ w: F32([0], 4, 0) }, 4), /tensor "w": data_offsets \[4, 0\] has begin > end/);
  });

  test('data_offsets outside the data section', () => {
    expectReject(fileOf({ w: F32([1], 4, 8) }, 4), /tensor "w": data_offsets \[4, 8\] run outside the data section, which is 4 bytes/);
    expectReject(fileOf({ w: F32([0], 2 ** 52, 2 ** 52) }, 4), /data_offsets \[4503599627370496, 4503599627370496\] run outside/);
    expectReject(fileOf({ w: F32([0], 2 ** 53, 2 ** 53) }, 4), /data_offsets\[0\] \(begin\) is 9007199254740992, larger than 2\^53 - 1/);
  });

  test('data_offsets not equal to product(shape) * itemsize', () => {
    expectReject(fileOf({ w: F32([2, 3], 0, 20) }, 24), /tensor "w": data_offsets \[0, 20\] span 20 bytes, expected 24 \(shape \[2, 3\] x 4 bytes per F32\)/);
    expectReject(fileOf({ w: { dtype: 'F64', shape: [2], data_offsets: [0, 8] } }, 16), /span 8 bytes, expected 16 \(shape \[2\] x 8 bytes per F64\)/);
  });

  test('overlapping ranges', () => {
    expectReject(fileOf({ a: F32([4], 0, 16), b: F32([4], 8, 24) }, 24), /tensor "b" \[8, 24\] overlaps tensor "a" \[0, 16\]; data_offsets ranges must not overlap/);
    expectReject(fileOf({ a: F32([2], 0, 8), b: F32([2], 0, 8) }, 8), /tensor "b" \[0, 8\] overlaps tensor "a" \[0, 8\]/);
    // An empty tensor inside another one's bytes.
    expectReject(fileOf({ a: F32([2], 0, 8), e: F32([0], 4, 4) }, 8), /tensor "e" \[4, 4\] overlaps tensor "a" \[0, 8\]/);
  });

  test('holes and trailing bytes in the data section (as the Rust reference rejects)', () => {
    expectReject(fileOf({ a: F32([1], 0, 4), b: F32([1], 8, 12) }, 12), /bytes \[4, 8\) of the data section belong to no tensor \(a hole before tensor "b" \[8, 12\], after tensor "a" \[0, 4\]\); tensors must be packed without gaps/);
    expectReject(fileOf({ a: F32([1], 4, 8) }, 8), /bytes \[0, 4\) of the data section belong to no tensor \(a hole before tensor "a" \[4, 8\]\)/);
    expectReject(fileOf({ a: F32([1], 0, 4) }, 6), /the data section is 6 bytes but the tensors cover only \[0, 4\); 2 trailing bytes belong to no tensor/);
    expectReject(fileOf({}, 1), /the data section is 1 bytes but the tensors cover only \[0, 0\)/);
  });

  test('header order need not be data order; empty tensors may sit anywhere on a boundary', () => {
    const { tensors } = parseSafetensors(fileOf({ b: F32([1], 4, 8), e: F32([0, 2], 4, 4), a: F32([1], 0, 4), z: F32([0], 8, 8) }, 8));
    expect(tensors.map((t) => [t.name, t.bytes.length])).toEqual([['b', 4], ['e', 0], ['a', 4], ['z', 0]]);
  });

  test('__metadata__ must be a map of strings', () => {
    expectReject(fileOf({ __metadata__: ['pt'] }), /"__metadata__" must be an object of strings, got an array/);
    expectReject(fileOf({ __metadata__: { format: 1 } }), /"__metadata__" value for "format" must be a string, got the number 1/);
    expectReject(fileOf({ __metadata__: { nested: { a: 'b' } } }), /value for "nested" must be a string, got an object/);
    expect(parseSafetensors(fileOf({ __metadata__: null })).metadata).toEqual({});
  });

  test('BOOL bytes other than 0 and 1', () => {
    expectReject(fileOf({ m: { dtype: 'BOOL', shape: [3], data_offsets: [0, 3] } }, 0), /beyond the data section of 0 bytes/);
    expectReject(file(JSON.stringify({ m: { dtype: 'BOOL', shape: [3], data_offsets: [0, 3] } }), new Uint8Array([1, 0, 2])),
      /tensor "m": BOOL element 2 is the byte 2, expected 0 or 1/);
  });

  test('long hostile names are shortened in messages', () => {
    const name = 'x'.repeat(100_000);
    const err = expectReject(fileOf({ [name]: { dtype: 'F128', shape: [], data_offsets: [0, 0] } }), /\(100000 characters\)/);
    expect(err.message.length).toBeLessThan(400);
  });
});

describe('safetensors: prototype pollution', () => {
  afterEach(() => {
    expect(({}).polluted).toBeUndefined();
    expect(Object.prototype.polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('dtype');
  });

  test('tensors named __proto__ / constructor / prototype load as ordinary tensors', () => {
    const { tensors, metadata } = parseSafetensors(fixture('safetensors_names.safetensors'));
    const proto = tensors.find((t) => t.name === '__proto__');
    expect(proto.dtype).toBe('float32');
    expect(Array.from(new Float32Array(proto.bytes.buffer))).toEqual([1, 2]);
    expect(tensors.find((t) => t.name === 'constructor').dtype).toBe('int64');
    expect(Object.keys(metadata)).toEqual([]);
  });

  test('metadata keys __proto__ / constructor become own string properties', () => {
    const bytes = file('{"__metadata__":{"__proto__":"{\\"polluted\\":1}","constructor":"x","polluted":"own"}}');
    const { metadata } = parseSafetensors(bytes);
    expect(Object.getPrototypeOf(metadata)).toBe(null);
    expect(Object.getOwnPropertyDescriptor(metadata, '__proto__').value).toBe('{"polluted":1}');
    expect(metadata.constructor).toBe('x');
    expect(metadata.polluted).toBe('own');
  });

  test('hostile object values under __proto__ are rejected without touching any prototype', () => {
    expectReject(file('{"__proto__":{"polluted":"yes"}}'), /tensor "__proto__": unexpected key "polluted"/);
    expectReject(file('{"__metadata__":{"__proto__":{"polluted":"yes"}}}'), /value for "__proto__" must be a string, got an object/);
    expectReject(file('{"constructor":{"prototype":{"polluted":"yes"}}}'), /tensor "constructor": unexpected key "prototype"/);
    expectReject(file('{"w":{"__proto__":{"dtype":"F32"},"shape":[],"data_offsets":[0,4]}}', new Uint8Array(4)), /unexpected key "__proto__"/);
  });
});

describe('safetensors: mutated files', () => {
  test.each(['safetensors_state_dict.safetensors', 'safetensors_names.safetensors'])(
    '600 random corruptions of %s either parse fully or throw a webtorch Error', (name) => {
      const base = fixture(name);
      const headerEnd = 8 + Number(new DataView(base.buffer).getBigUint64(0, true));
      const rand = prng(0x5afe + name.length);
      const int = (n) => Math.floor(rand() * n);
      const start = Date.now();
      let parsed = 0;
      let rejected = 0;
      for (let iter = 0; iter < 600; iter++) {
        let bytes = base.slice();
        const edits = 1 + int(3);
        for (let k = 0; k < edits; k++) {
          // Mostly hit the length prefix and the header, where the structure lives.
          if (bytes.length === 0) break;
          const at = Math.min(rand() < 0.85 ? int(headerEnd) : int(bytes.length), bytes.length - 1);
          const kind = int(5);
          if (kind === 0) bytes[at] ^= 1 << int(8);
          else if (kind === 1) bytes[at] = int(256);
          else if (kind === 2) bytes[at] = '{}[],:"0123456789-.e\\ '.charCodeAt(int(23));
          else if (kind === 3) bytes = bytes.slice(0, at);
          else { // delete one byte
            const copy = new Uint8Array(bytes.length - 1);
            copy.set(bytes.subarray(0, at));
            copy.set(bytes.subarray(at + 1), at);
            bytes = copy;
          }
        }
        let result;
        try {
          result = parseSafetensors(bytes);
        } catch (e) {
          if (!(e instanceof Error) || !e.message.startsWith('webtorch: safetensors: ')) {
            throw new Error(`iteration ${iter}: unexpected throw ${e && e.stack}`);
          }
          rejected++;
          continue;
        }
        parsed++;
        // A file that parses is whole: every tensor's bytes match its shape and dtype.
        for (const t of result.tensors) {
          const size = { float32: 4, int32: 4, int64: 8, bool: 1 }[t.dtype];
          expect(t.bytes.length).toBe(t.shape.reduce((a, b) => a * b, 1) * size);
        }
      }
      expect(parsed + rejected).toBe(600);
      expect(rejected).toBeGreaterThan(300);
      expect(Date.now() - start).toBeLessThan(5000);
      expect(({}).polluted).toBeUndefined();
    });
});
