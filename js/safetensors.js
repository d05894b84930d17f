// safetensors reader and writer — pure JS, no wasm.
//
// File layout (https://github.com/huggingface/safetensors, format as written by the
// Python `safetensors` package):
//
//   [0, 8)          u64 little-endian N: byte length of the header
//   [8, 8 + N)      UTF-8 JSON object, right-padded with spaces (the writer pads N to a
//                   multiple of 8):
//                     { "__metadata__": { "format": "pt", ... },           (optional)
//                       "fc.weight": { "dtype": "F32", "shape": [3, 4],
//                                      "data_offsets": [0, 48] }, ... }
//   [8 + N, end)    the data section; data_offsets are relative to its start.
//
// The reader is strict, following the Rust reference implementation: the tensors'
// byte ranges must tile the data section exactly (sorted by offset, each begins where
// the previous one ends, the last ends at the end of the file) — so overlaps, holes
// and trailing bytes are all errors. On top of that it rejects what JSON.parse would
// silently accept (duplicate keys), never puts a header key on a plain object (no
// prototype pollution), bounds the JSON nesting depth, and copies every tensor's
// bytes out, converted to one of webtorch's four dtypes. Nothing is returned unless
// the whole file is valid.
//
// Every error is an `Error` whose message starts with "webtorch: safetensors: ".

const PREFIX = 'webtorch: safetensors: ';

// The Rust reference refuses headers above 100 MB; so do we.
const MAX_HEADER_BYTES = 100_000_000;
// Our schema needs depth 3 ({ name: { shape: [..] } }); anything far deeper is hostile.
const MAX_JSON_DEPTH = 64;

// File dtype -> { size in bytes, webtorch dtype it loads as }.
// Unsigned 32/64-bit and fp8 files are valid safetensors but have no lossless (or no
// sensible) webtorch dtype, so they are rejected by name.
const FILE_DTYPES = new Map([
  ['F64', { size: 8, to: 'float32' }],
  ['F32', { size: 4, to: 'float32' }],
  ['F16', { size: 2, to: 'float32' }],
  ['BF16', { size: 2, to: 'float32' }],
  ['I64', { size: 8, to: 'int64' }],
  ['I32', { size: 4, to: 'int32' }],
  ['I16', { size: 2, to: 'int32' }],
  ['U16', { size: 2, to: 'int32' }],
  ['I8', { size: 1, to: 'int32' }],
  ['U8', { size: 1, to: 'int32' }],
  ['BOOL', { size: 1, to: 'bool' }],
]);
const SUPPORTED_FILE_DTYPES = [...FILE_DTYPES.keys()].join(', ');

// webtorch dtype -> how it is written. `rank` is the dtype's position in the Rust
// reference's `Dtype` enum (increasing alignment), used to order the data section.
const OUT_DTYPES = new Map([
  ['float32', { code: 'F32', size: 4, rank: 11 }],
  ['int64', { code: 'I64', size: 8, rank: 13 }],
  ['int32', { code: 'I32', size: 4, rank: 9 }],
  ['bool', { code: 'BOOL', size: 1, rank: 0 }],
]);
const SUPPORTED_OUT_DTYPES = [...OUT_DTYPES.keys()].map((d) => `'${d}'`).join(', ');

function fail(message) {
  return new Error(PREFIX + message);
}

// A name or value for an error message: JSON-quoted (control characters escaped),
// shortened so a hostile 100 MB key cannot produce a 100 MB message.
function quote(s) {
  const q = JSON.stringify(s);
  return q.length > 120 ? `${q.slice(0, 100)}..." (${s.length} characters)` : q;
}

// ---------------------------------------------------------------------------------
// A strict JSON parser (RFC 8259) for the header.
//
// Why not JSON.parse: it keeps the last of duplicate keys silently, builds plain
// objects (so a "__proto__" key needs care downstream) and cannot tell `2` from `2.0`.
// Here objects become `JsonObject`s (a Map in key order, duplicates rejected), numbers
// keep their literal text, and nesting is capped at MAX_JSON_DEPTH so recursion is
// bounded.

class JsonObject {
  constructor() {
    this.map = new Map();
  }
}

class JsonNumber {
  constructor(text) {
    this.text = text;
    this.value = Number(text);
  }
}

function jsonTypeName(v) {
  if (v === null) return 'null';
  if (v instanceof JsonObject) return 'an object';
  if (v instanceof JsonNumber) return `the number ${v.text.length > 40 ? v.text.slice(0, 40) + '...' : v.text}`;
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the string ${quote(v)}`;
  return String(v); // true / false
}

class HeaderParser {
  constructor(text) {
    this.s = text;
    this.i = 0;
  }

  error(what) {
    const at = this.i < this.s.length
      ? `${quote(this.s[this.i])} at character ${this.i}`
      : `end of header at character ${this.i}`;
    return fail(`header is not valid JSON: ${what}, got ${at}`);
  }

  skipWhitespace() {
    const s = this.s;
    let i = this.i;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
    this.i = i;
  }

  parseDocument() {
    this.skipWhitespace();
    const value = this.parseValue(0);
    this.skipWhitespace();
    if (this.i !== this.s.length) throw this.error('expected end of header after the top-level value');
    return value;
  }

  parseValue(depth) {
    const c = this.s.charCodeAt(this.i);
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (depth >= MAX_JSON_DEPTH) {
        throw fail(`header JSON is nested more than ${MAX_JSON_DEPTH} levels deep (at character ${this.i})`);
      }
      return c === 0x7b ? this.parseObject(depth + 1) : this.parseArray(depth + 1);
    }
    if (c === 0x22 /* " */) return this.parseString();
    if (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39)) return this.parseNumber();
    if (this.s.startsWith('true', this.i)) { this.i += 4; return true; }
    if (this.s.startsWith('false', this.i)) { this.i += 5; return false; }
    if (this.s.startsWith('null', this.i)) { this.i += 4; return null; }
    throw this.error('expected a value');
  }

  parseObject(depth) {
    const obj = new JsonObject();
    this.i++; // {
    this.skipWhitespace();
    if (this.s.charCodeAt(this.i) === 0x7d /* } */) { this.i++; return obj; }
    for (;;) {
      if (this.s.charCodeAt(this.i) !== 0x22) throw this.error('expected a string key');
      const keyAt = this.i;
      const key = this.parseString();
      if (obj.map.has(key)) {
        throw fail(`header has duplicate key ${quote(key)} (second occurrence at character ${keyAt}); ` +
          'every key must appear once');
      }
      this.skipWhitespace();
      if (this.s.charCodeAt(this.i) !== 0x3a /* : */) throw this.error("expected ':' after a key");
      this.i++;
      this.skipWhitespace();
      obj.map.set(key, this.parseValue(depth));
      this.skipWhitespace();
      const c = this.s.charCodeAt(this.i);
      if (c === 0x2c /* , */) { this.i++; this.skipWhitespace(); continue; }
      if (c === 0x7d /* } */) { this.i++; return obj; }
      throw this.error("expected ',' or '}' in an object");
    }
  }

  parseArray(depth) {
    const arr = [];
    this.i++; // [
    this.skipWhitespace();
    if (this.s.charCodeAt(this.i) === 0x5d /* ] */) { this.i++; return arr; }
    for (;;) {
      arr.push(this.parseValue(depth));
      this.skipWhitespace();
      const c = this.s.charCodeAt(this.i);
      if (c === 0x2c) { this.i++; this.skipWhitespace(); continue; }
      if (c === 0x5d) { this.i++; return arr; }
      throw this.error("expected ',' or ']' in an array");
    }
  }

  parseNumber() {
    // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    const s = this.s;
    const start = this.i;
    let i = start;
    const digits = () => {
      const from = i;
      while (s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39) i++;
      return i - from;
    };
    if (s.charCodeAt(i) === 0x2d) i++;
    if (s.charCodeAt(i) === 0x30) i++;
    else if (digits() === 0) { this.i = i; throw this.error('expected a digit'); }
    if (s.charCodeAt(i) === 0x2e /* . */) {
      i++;
      if (digits() === 0) { this.i = i; throw this.error("expected a digit after '.'"); }
    }
    if (s.charCodeAt(i) === 0x65 || s.charCodeAt(i) === 0x45 /* e E */) {
      i++;
      if (s.charCodeAt(i) === 0x2b || s.charCodeAt(i) === 0x2d) i++;
      if (digits() === 0) { this.i = i; throw this.error('expected a digit in the exponent'); }
    }
    this.i = i;
    return new JsonNumber(s.slice(start, i));
  }

  parseString() {
    const s = this.s;
    let i = this.i + 1; // after the opening quote
    let out = '';
    let runStart = i;
    for (;;) {
      if (i >= s.length) { this.i = i; throw this.error('unterminated string'); }
      const c = s.charCodeAt(i);
      if (c === 0x22) {
        out += s.slice(runStart, i);
        this.i = i + 1;
        return out;
      }
      if (c < 0x20) { this.i = i; throw this.error('control character in a string (must be escaped)'); }
      if (c === 0x5c /* \ */) {
        out += s.slice(runStart, i);
        const e = s[i + 1];
        const simple = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && Object.prototype.hasOwnProperty.call(simple, e)) {
          out += simple[e];
          i += 2;
        } else if (e === 'u') {
          let unit = this.hex4(i + 2);
          i += 6;
          if (unit >= 0xd800 && unit <= 0xdbff) {
            // A high surrogate must be followed by an escaped low surrogate.
            const low = s[i] === '\\' && s[i + 1] === 'u' ? this.hex4(i + 2) : -1;
            if (low < 0xdc00 || low > 0xdfff) { this.i = i; throw this.error('unpaired surrogate escape in a string'); }
            out += String.fromCharCode(unit, low);
            i += 6;
          } else if (unit >= 0xdc00 && unit <= 0xdfff) {
            this.i = i - 6;
            throw this.error('unpaired surrogate escape in a string');
          } else {
            out += String.fromCharCode(unit);
          }
        } else {
          this.i = i + 1;
          throw this.error('invalid escape in a string');
        }
        runStart = i;
        continue;
      }
      i++;
    }
  }

  hex4(at) {
    const h = this.s.slice(at, at + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(h)) { this.i = at; throw this.error('expected 4 hex digits after \\u'); }
    return parseInt(h, 16);
  }
}

// ---------------------------------------------------------------------------------
// Reading

function toBytes(buf) {
  if (buf instanceof Uint8Array) return buf;
  if (buf instanceof ArrayBuffer) return new Uint8Array(buf);
  if (ArrayBuffer.isView(buf)) return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  let got = buf === null ? 'null' : typeof buf;
  if (got === 'object' && buf.constructor && typeof buf.constructor.name === 'string') got = buf.constructor.name;
  throw fail(`expected the file as a Uint8Array or ArrayBuffer, got ${got}`);
}

// A non-negative integer from a JSON number literal, exact (<= 2^53).
function readIndex(v, where) {
  if (!(v instanceof JsonNumber)) throw fail(`${where} must be a non-negative integer, got ${jsonTypeName(v)}`);
  if (/[.eE]/.test(v.text)) throw fail(`${where} must be a non-negative integer, got ${v.text} (not an integer literal)`);
  if (v.value < 0) throw fail(`${where} must be a non-negative integer, got ${v.text} (negative)`);
  if (v.value > Number.MAX_SAFE_INTEGER) {
    throw fail(`${where} is ${v.text.length > 40 ? v.text.slice(0, 40) + '...' : v.text}, larger than 2^53 - 1`);
  }
  return v.value + 0; // turns -0 into 0
}

function describeRange(t) {
  return `${quote(t.name)} [${t.begin}, ${t.end}]`;
}

/**
 * Parse a .safetensors file.
 * @param {Uint8Array | ArrayBuffer} buf the whole file
 * @returns {{ tensors: { name: string, dtype: 'float32'|'int64'|'int32'|'bool', shape: number[], bytes: Uint8Array }[],
 *            metadata: Record<string, string> }}
 *   tensors in header order; `bytes` is a fresh little-endian copy converted to `dtype`
 *   (F64/F16/BF16 -> float32, I16/U16/I8/U8 -> int32). `metadata` has a null prototype.
 */
export function parseSafetensors(buf) {
  const file = toBytes(buf);
  if (file.length < 8) {
    throw fail(`file is ${file.length} bytes, expected at least 8 (the u64 header length)`);
  }
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  // u64 as two halves: exact for every value we accept, and no BigInt needed.
  const lo = view.getUint32(0, true);
  const hi = view.getUint32(4, true);
  const headerLen = hi * 2 ** 32 + lo; // may be inexact above 2^53, only compared then
  if (headerLen > MAX_HEADER_BYTES) {
    const shown = hi === 0 ? String(headerLen) : (BigInt(hi) << 32n | BigInt(lo)).toString();
    throw fail(`header length ${shown} is absurdly large (limit ${MAX_HEADER_BYTES} bytes)`);
  }
  if (8 + headerLen > file.length) {
    throw fail(`header length ${headerLen} runs past the end of the file: the file is ${file.length} bytes, ` +
      `so the header can be at most ${file.length - 8} bytes`);
  }

  let text;
  try {
    // ignoreBOM keeps a leading U+FEFF in the text so the '{' check below rejects it.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(file.subarray(8, 8 + headerLen));
  } catch {
    throw fail(`header (bytes 8..${8 + headerLen}) is not valid UTF-8`);
  }
  if (text[0] !== '{') {
    // The reference writer always starts with '{'; newer readers require it.
    throw fail(`header must be a JSON object starting with '{', got ${text.length ? quote(text[0]) : 'an empty header'}`);
  }
  const root = new HeaderParser(text).parseDocument();
  if (!(root instanceof JsonObject)) throw fail(`header must be a JSON object, got ${jsonTypeName(root)}`);

  const dataStart = 8 + headerLen;
  const dataLen = file.length - dataStart;

  // Null prototype: a "__proto__" or "constructor" key becomes a plain own property.
  const metadata = Object.create(null);
  const infos = [];
  for (const [name, entry] of root.map) {
    if (name === '__metadata__') {
      if (entry === null) continue;
      if (!(entry instanceof JsonObject)) {
        throw fail(`"__metadata__" must be an object of strings, got ${jsonTypeName(entry)}`);
      }
      for (const [k, v] of entry.map) {
        if (typeof v !== 'string') {
          throw fail(`"__metadata__" value for ${quote(k)} must be a string, got ${jsonTypeName(v)}`);
        }
        Object.defineProperty(metadata, k, { value: v, enumerable: true, writable: true, configurable: true });
      }
      continue;
    }
    infos.push(readEntry(name, entry, dataLen));
  }

  // The byte ranges, sorted by offset, must tile [0, dataLen) exactly.
  const sorted = infos.map((t, index) => ({ t, index }))
    .sort((a, b) => a.t.begin - b.t.begin || a.t.end - b.t.end || a.index - b.index)
    .map((x) => x.t);
  let pos = 0;
  let prev = null;
  for (const t of sorted) {
    if (t.begin < pos) {
      throw fail(`tensor ${describeRange(t)} overlaps tensor ${describeRange(prev)}; data_offsets ranges must not overlap`);
    }
    if (t.begin > pos) {
      throw fail(`bytes [${pos}, ${t.begin}) of the data section belong to no tensor (a hole before tensor ` +
        `${describeRange(t)}${prev ? `, after tensor ${describeRange(prev)}` : ''}); tensors must be packed without gaps`);
    }
    pos = t.end;
    prev = t;
  }
  if (pos !== dataLen) {
    throw fail(`the data section is ${dataLen} bytes but the tensors cover only [0, ${pos}); ` +
      `${dataLen - pos} trailing bytes belong to no tensor`);
  }

  const data = file.subarray(dataStart);
  const tensors = infos.map((t) => ({
    name: t.name,
    dtype: t.to,
    shape: t.shape,
    bytes: convert(t, data.subarray(t.begin, t.end)),
  }));
  return { tensors, metadata };
}

function readEntry(name, entry, dataLen) {
  const where = `tensor ${quote(name)}`;
  if (!(entry instanceof JsonObject)) {
    throw fail(`${where}: expected an object with "dtype", "shape" and "data_offsets", got ${jsonTypeName(entry)}`);
  }
  for (const key of entry.map.keys()) {
    if (key !== 'dtype' && key !== 'shape' && key !== 'data_offsets') {
      throw fail(`${where}: unexpected key ${quote(key)}; expected only "dtype", "shape" and "data_offsets"`);
    }
  }
  for (const key of ['dtype', 'shape', 'data_offsets']) {
    if (!entry.map.has(key)) throw fail(`${where}: missing "${key}"`);
  }

  const dtypeValue = entry.map.get('dtype');
  if (typeof dtypeValue !== 'string') throw fail(`${where}: "dtype" must be a string, got ${jsonTypeName(dtypeValue)}`);
  const dt = FILE_DTYPES.get(dtypeValue);
  if (!dt) throw fail(`${where}: unknown dtype ${quote(dtypeValue)}; supported: ${SUPPORTED_FILE_DTYPES}`);

  const shapeValue = entry.map.get('shape');
  if (!Array.isArray(shapeValue)) throw fail(`${where}: "shape" must be an array of integers, got ${jsonTypeName(shapeValue)}`);
  const shape = shapeValue.map((d, i) => readIndex(d, `${where}: shape[${i}]`));
  // Multiply left to right like the reference (which fails on any overflowing step).
  let numel = 1;
  for (const d of shape) {
    numel *= d;
    if (numel > Number.MAX_SAFE_INTEGER) {
      throw fail(`${where}: shape [${shape.join(', ')}] has more than 2^53 - 1 elements`);
    }
  }
  const nbytes = numel * dt.size;
  if (nbytes > dataLen) {
    throw fail(`${where}: shape [${shape.join(', ')}] of ${dtypeValue} needs ${nbytes} bytes, ` +
      `beyond the data section of ${dataLen} bytes`);
  }

  const offsets = entry.map.get('data_offsets');
  if (!Array.isArray(offsets) || offsets.length !== 2) {
    throw fail(`${where}: "data_offsets" must be [begin, end], got ${Array.isArray(offsets) ? `an array of length ${offsets.length}` : jsonTypeName(offsets)}`);
  }
  const begin = readIndex(offsets[0], `${where}: data_offsets[0] (begin)`);
  const end = readIndex(offsets[1], `${where}: data_offsets[1] (end)`);
  if (begin > end) throw fail(`${where}: data_offsets [${begin}, ${end}] has begin > end`);
  if (end > dataLen) {
    throw fail(`${where}: data_offsets [${begin}, ${end}] run outside the data section, which is ${dataLen} bytes`);
  }
  if (end - begin !== nbytes) {
    throw fail(`${where}: data_offsets [${begin}, ${end}] span ${end - begin} bytes, expected ${nbytes} ` +
      `(shape [${shape.join(', ')}] x ${dt.size} bytes per ${dtypeValue})`);
  }
  return { name, code: dtypeValue, to: dt.to, shape, begin, end, numel };
}

// Half-precision bits -> float value (exact).
function halfToFloat(h) {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24; // zero / subnormal
  if (exp === 0x1f) return frac ? NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

// Copy `src` (the tensor's bytes in file dtype t.code) into a fresh little-endian
// buffer of webtorch dtype t.to. DataView keeps this right on big-endian hosts too.
function convert(t, src) {
  const n = t.numel;
  const inp = new DataView(src.buffer, src.byteOffset, src.byteLength);
  switch (t.code) {
    case 'F32': case 'I32': case 'I64':
      return src.slice();
    case 'BOOL': {
      for (let i = 0; i < n; i++) {
        if (src[i] > 1) {
          throw fail(`tensor ${quote(t.name)}: BOOL element ${i} is the byte ${src[i]}, expected 0 or 1`);
        }
      }
      return src.slice();
    }
  }
  const outSize = t.to === 'float32' || t.to === 'int32' ? 4 : 8;
  const out = new Uint8Array(n * outSize);
  const o = new DataView(out.buffer);
  switch (t.code) {
    case 'F64':
      // setFloat32 rounds to nearest-even, as torch's .float() does (overflow -> inf).
      for (let i = 0; i < n; i++) o.setFloat32(4 * i, inp.getFloat64(8 * i, true), true);
      break;
    case 'F16':
      for (let i = 0; i < n; i++) {
        const h = inp.getUint16(2 * i, true);
        // NaN payloads: keep the quiet/sign/payload bits as torch's half->float does.
        if ((h & 0x7c00) === 0x7c00 && (h & 0x3ff)) {
          o.setUint32(4 * i, ((h & 0x8000) << 16) | 0x7f800000 | ((h & 0x3ff) << 13), true);
        } else {
          o.setFloat32(4 * i, halfToFloat(h), true);
        }
      }
      break;
    case 'BF16':
      // bfloat16 is the top half of a float32.
      for (let i = 0; i < n; i++) o.setUint32(4 * i, inp.getUint16(2 * i, true) << 16 >>> 0, true);
      break;
    case 'I16':
      for (let i = 0; i < n; i++) o.setInt32(4 * i, inp.getInt16(2 * i, true), true);
      break;
    case 'U16':
      for (let i = 0; i < n; i++) o.setInt32(4 * i, inp.getUint16(2 * i, true), true);
      break;
    case 'I8':
      for (let i = 0; i < n; i++) o.setInt32(4 * i, inp.getInt8(i), true);
      break;
    case 'U8':
      for (let i = 0; i < n; i++) o.setInt32(4 * i, inp.getUint8(i), true);
      break;
    default:
      throw fail(`internal: no conversion for ${t.code}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------
// Writing

// Compare by Unicode code point, i.e. by UTF-8 bytes, as the Rust writer sorts names.
function compareCodePoints(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i);
    const y = b.codePointAt(i);
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

function isWellFormed(s) {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return false;
    }
  }
  return true;
}

/**
 * Write a .safetensors file as the Python `safetensors` package lays it out: data
 * sorted by descending dtype alignment then by name, header JSON compact with
 * "__metadata__" first and tensors in data order, padded with spaces to a multiple of 8.
 * @param {{ name: string, dtype: 'float32'|'int64'|'int32'|'bool', shape: number[], bytes: Uint8Array }[]} entries
 *   `bytes` is the tensor's data, little-endian, C order.
 * @param {Record<string, string> | Map<string, string>} [metadata] written as "__metadata__" when given
 * @returns {Uint8Array}
 */
export function serializeSafetensors(entries, metadata) {
  if (!Array.isArray(entries)) throw fail(`serializeSafetensors: expected an array of entries, got ${entries === null ? 'null' : typeof entries}`);
  const seen = new Set();
  const items = entries.map((e, i) => {
    const where = `serializeSafetensors: entry ${i}`;
    if (e === null || typeof e !== 'object') throw fail(`${where}: expected { name, dtype, shape, bytes }, got ${e === null ? 'null' : typeof e}`);
    const { name, dtype, shape, bytes } = e;
    if (typeof name !== 'string') throw fail(`${where}: name must be a string, got ${typeof name}`);
    const w = `serializeSafetensors: tensor ${quote(name)}`;
    if (name === '__metadata__') throw fail(`${w}: the name "__metadata__" is reserved for the metadata`);
    if (!isWellFormed(name)) throw fail(`${w}: name contains an unpaired surrogate and cannot be written as UTF-8`);
    if (seen.has(name)) throw fail(`${w}: duplicate tensor name`);
    seen.add(name);
    const dt = OUT_DTYPES.get(dtype);
    if (!dt) throw fail(`${w}: unknown dtype ${typeof dtype === 'string' ? quote(dtype) : String(dtype)}; supported: ${SUPPORTED_OUT_DTYPES}`);
    if (!Array.isArray(shape)) throw fail(`${w}: shape must be an array of non-negative integers, got ${typeof shape}`);
    let numel = 1;
    shape.forEach((d, j) => {
      if (!Number.isSafeInteger(d) || d < 0) throw fail(`${w}: shape[${j}] must be a non-negative integer, got ${String(d)}`);
      numel *= d;
    });
    if (numel > Number.MAX_SAFE_INTEGER) throw fail(`${w}: shape [${shape.join(', ')}] has more than 2^53 - 1 elements`);
    if (!(bytes instanceof Uint8Array)) throw fail(`${w}: bytes must be a Uint8Array`);
    if (bytes.length !== numel * dt.size) {
      throw fail(`${w}: bytes has length ${bytes.length}, expected ${numel * dt.size} (shape [${shape.join(', ')}] x ${dt.size} bytes per ${dtype})`);
    }
    if (dtype === 'bool') {
      for (let j = 0; j < bytes.length; j++) {
        if (bytes[j] > 1) throw fail(`${w}: bool element ${j} is the byte ${bytes[j]}, expected 0 or 1`);
      }
    }
    return { name, dt, shape: shape.map((d) => d + 0), bytes };
  });

  items.sort((a, b) => b.dt.rank - a.dt.rank || compareCodePoints(a.name, b.name));

  const parts = [];
  if (metadata !== undefined && metadata !== null) {
    if (typeof metadata !== 'object') throw fail(`serializeSafetensors: metadata must be an object of strings, got ${typeof metadata}`);
    const pairs = metadata instanceof Map ? [...metadata] : Object.keys(metadata).map((k) => [k, metadata[k]]);
    pairs.sort((a, b) => compareCodePoints(String(a[0]), String(b[0])));
    const fields = pairs.map(([k, v]) => {
      if (typeof k !== 'string' || typeof v !== 'string') {
        throw fail(`serializeSafetensors: metadata ${quote(String(k))} must map a string to a string, got ${typeof v}`);
      }
      if (!isWellFormed(k) || !isWellFormed(v)) {
        throw fail(`serializeSafetensors: metadata ${quote(k)} contains an unpaired surrogate`);
      }
      return `${JSON.stringify(k)}:${JSON.stringify(v)}`;
    });
    parts.push(`"__metadata__":{${fields.join(',')}}`);
  }
  let offset = 0;
  for (const it of items) {
    const end = offset + it.bytes.length;
    parts.push(`${JSON.stringify(it.name)}:{"dtype":"${it.dt.code}","shape":[${it.shape.join(',')}],"data_offsets":[${offset},${end}]}`);
    offset = end;
  }
  const header = new TextEncoder().encode(`{${parts.join(',')}}`);
  const padded = Math.ceil(header.length / 8) * 8;
  if (padded > MAX_HEADER_BYTES) throw fail(`serializeSafetensors: header would be ${padded} bytes, above the ${MAX_HEADER_BYTES}-byte limit`);

  const out = new Uint8Array(8 + padded + offset);
  const view = new DataView(out.buffer);
  view.setUint32(0, padded, true);
  view.setUint32(4, 0, true);
  out.set(header, 8);
  out.fill(0x20, 8 + header.length, 8 + padded);
  let pos = 8 + padded;
  for (const it of items) {
    out.set(it.bytes, pos);
    pos += it.bytes.length;
  }
  return out;
}
