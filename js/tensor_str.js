// PyTorch 1.13's tensor print format (torch/_tensor_str.py), as a pure function.
//
//   t = { shape: number[], dtype: 'float32'|'int64'|'int32'|'bool',
//         values: Float32Array|BigInt64Array|Int32Array|Uint8Array (contiguous, row-major),
//         requires_grad: boolean }
//
//   formatTensor(t)                      === Python's str(t) / repr(t)
//   formatTensor(t, { parameter: true }) === str(nn.Parameter(t))
//   pyFloatRepr(x)                       === Python's repr(float(x))
//
// Python formats numbers with exactly rounded decimal conversion and ties-to-even;
// JS's toFixed/toExponential round ties away from zero and switch to exponent form
// above 1e21, so fixed/scientific formatting is done here on the exact decimal value
// of the double (every double is a finite decimal fraction) with BigInt.

// Default print options (torch.set_printoptions(profile='default')).
const PRECISION = 4;
const THRESHOLD = 1000;
const EDGEITEMS = 3;
const LINEWIDTH = 80;

// ---------------------------------------------------------------------------------
// Exact decimal formatting of doubles

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// Which 32-bit word of the double holds the sign and exponent depends on endianness.
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

// |x| (finite) as an exact decimal: |x| = digits * 10^-scale, digits a BigInt >= 0.
function exactDecimal(x) {
  f64[0] = x;
  const hi = u32[HI];
  const lo = u32[LO];
  const expField = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e;
  if (expField === 0) {
    e = -1074;
  } else {
    mant |= 1n << 52n;
    e = expField - 1075;
  }
  if (mant === 0n) return { digits: 0n, scale: 0 };
  // Fewer factors of 2 means a smaller power of 5 below.
  while (e < 0 && (mant & 1n) === 0n) {
    mant >>= 1n;
    e += 1;
  }
  if (e >= 0) return { digits: mant << BigInt(e), scale: 0 };
  // m * 2^e = m * 5^-e / 10^-e
  return { digits: mant * 5n ** BigInt(-e), scale: -e };
}

// n / d rounded to an integer, ties to even (n >= 0, d > 0).
function divRoundHalfEven(n, d) {
  let q = n / d;
  const r2 = (n % d) * 2n;
  if (r2 > d || (r2 === d && (q & 1n) === 1n)) q += 1n;
  return q;
}

function signOf(x) {
  return x < 0 || Object.is(x, -0) ? '-' : '';
}

function nonFinite(x) {
  if (Number.isNaN(x)) return 'nan';
  return x > 0 ? 'inf' : '-inf';
}

// Python's '{:.<prec>f}'.format(x)
export function formatFixed(x, prec) {
  if (!Number.isFinite(x)) return nonFinite(x);
  const { digits, scale } = exactDecimal(x);
  const q = scale <= prec
    ? digits * 10n ** BigInt(prec - scale)
    : divRoundHalfEven(digits, 10n ** BigInt(scale - prec));
  let s = q.toString().padStart(prec + 1, '0');
  if (prec > 0) s = s.slice(0, s.length - prec) + '.' + s.slice(s.length - prec);
  return signOf(x) + s;
}

// Python's '{:.<prec>e}'.format(x)
export function formatExp(x, prec) {
  if (!Number.isFinite(x)) return nonFinite(x);
  const { digits, scale } = exactDecimal(x);
  let q;
  let exp;
  if (digits === 0n) {
    q = 0n;
    exp = 0;
  } else {
    const len = digits.toString().length;
    exp = len - 1 - scale;
    const drop = len - (prec + 1);
    if (drop > 0) {
      q = divRoundHalfEven(digits, 10n ** BigInt(drop));
      if (q.toString().length > prec + 1) { // rounded up to the next power of ten
        q /= 10n;
        exp += 1;
      }
    } else {
      q = digits * 10n ** BigInt(-drop);
    }
  }
  const s = q.toString().padStart(prec + 1, '0');
  const mant = prec > 0 ? s[0] + '.' + s.slice(1) : s;
  const expStr = String(Math.abs(exp)).padStart(2, '0');
  return signOf(x) + mant + 'e' + (exp < 0 ? '-' : '+') + expStr;
}

// Python's repr(float(x)): the shortest string that round-trips (JS and Python agree on
// those digits), laid out by Python's rules: exponent form when the decimal exponent is
// below -4 or at least 16, otherwise positional with at least one fractional digit.
export function pyFloatRepr(x) {
  x = Number(x);
  if (!Number.isFinite(x)) return nonFinite(x);
  const sign = signOf(x);
  const [m, e] = Math.abs(x).toExponential().split('e');
  const digits = m.replace('.', '');
  const exp = Number(e);
  if (exp < -4 || exp >= 16) {
    const mant = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
    return sign + mant + 'e' + (exp < 0 ? '-' : '+') + String(Math.abs(exp)).padStart(2, '0');
  }
  const point = exp + 1; // digits before the decimal point
  if (point <= 0) return sign + '0.' + '0'.repeat(-point) + digits;
  if (point < digits.length) return sign + digits.slice(0, point) + '.' + digits.slice(point);
  return sign + digits + '0'.repeat(point - digits.length) + '.0';
}

// ---------------------------------------------------------------------------------
// Tensor layout helpers (contiguous row-major)

function stridesOf(shape) {
  const strides = new Array(shape.length);
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = s;
    s *= shape[d];
  }
  return strides;
}

// Row indices of one dimension that are printed: all, or the edge items when summarized.
function shownIndices(size, summarize) {
  if (summarize && size > 2 * EDGEITEMS) {
    const idx = [];
    for (let i = 0; i < EDGEITEMS; i++) idx.push(i);
    for (let i = size - EDGEITEMS; i < size; i++) idx.push(i);
    return idx;
  }
  return Array.from({ length: size }, (_, i) => i);
}

// Flat offsets of the elements that get printed (PyTorch's get_summarized_data);
// the formatter measures only these.
function shownOffsets(shape, strides, summarize) {
  const out = [];
  const walk = (dim, offset) => {
    if (dim === shape.length) {
      out.push(offset);
      return;
    }
    for (const i of shownIndices(shape[dim], summarize)) walk(dim + 1, offset + i * strides[dim]);
  };
  walk(0, 0);
  return out;
}

// ---------------------------------------------------------------------------------
// _Formatter: one number style and one width for every element of the tensor

class Formatter {
  // values: the printed elements (Numbers for floats, BigInt/Number/boolean otherwise)
  constructor(values, floating) {
    this.floating = floating;
    this.intMode = true;
    this.sciMode = false;
    this.maxWidth = 1;

    if (!floating) {
      for (const v of values) this.maxWidth = Math.max(this.maxWidth, scalarString(v).length);
      return;
    }

    const vals = values.filter((v) => Number.isFinite(v) && v !== 0);
    if (vals.length === 0) return;

    let min = Infinity;
    let max = 0;
    for (const v of vals) {
      const a = Math.abs(v);
      if (a < min) min = a;
      if (a > max) max = a;
    }
    this.intMode = vals.every((v) => v === Math.ceil(v));

    // Integral floats never switch to scientific for being small.
    const sci = max / min > 1000.0 || max > 1.0e8 || (!this.intMode && min < 1.0e-4);
    if (sci) {
      this.sciMode = true;
      for (const v of vals) this.maxWidth = Math.max(this.maxWidth, formatExp(v, PRECISION).length);
    } else if (this.intMode) {
      // + 1 for the '.' that marks an integral float
      for (const v of vals) this.maxWidth = Math.max(this.maxWidth, formatFixed(v, 0).length + 1);
    } else {
      for (const v of vals) this.maxWidth = Math.max(this.maxWidth, formatFixed(v, PRECISION).length);
    }
  }

  width() {
    return this.maxWidth;
  }

  format(v) {
    let s;
    if (!this.floating) {
      s = scalarString(v);
    } else if (this.sciMode) {
      s = formatExp(v, PRECISION);
    } else if (this.intMode) {
      s = formatFixed(v, 0);
      if (Number.isFinite(v)) s += '.';
    } else {
      s = formatFixed(v, PRECISION);
    }
    return s.padStart(this.maxWidth, ' ');
  }
}

// Python's str() of a non-float element
function scalarString(v) {
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return String(v);
}

// ---------------------------------------------------------------------------------
// Nested-bracket layout

function vectorStr(get, offset, size, stride, indent, summarize, fmt) {
  const elementLength = fmt.width() + 2; // ', ' between elements
  const perLine = Math.max(1, Math.floor((LINEWIDTH - indent) / elementLength));
  const data = [];
  if (summarize && size > 2 * EDGEITEMS) {
    for (let i = 0; i < EDGEITEMS; i++) data.push(fmt.format(get(offset + i * stride)));
    data.push(' ...');
    for (let i = size - EDGEITEMS; i < size; i++) data.push(fmt.format(get(offset + i * stride)));
  } else {
    for (let i = 0; i < size; i++) data.push(fmt.format(get(offset + i * stride)));
  }
  const lines = [];
  for (let i = 0; i < data.length; i += perLine) lines.push(data.slice(i, i + perLine).join(', '));
  return '[' + lines.join(',\n' + ' '.repeat(indent + 1)) + ']';
}

function blockStr(get, shape, strides, dim, offset, indent, summarize, fmt) {
  const ndim = shape.length - dim;
  if (ndim === 0) return fmt.format(get(offset));
  if (ndim === 1) return vectorStr(get, offset, shape[dim], strides[dim], indent, summarize, fmt);

  const size = shape[dim];
  const sub = (i) => blockStr(get, shape, strides, dim + 1, offset + i * strides[dim], indent + 1, summarize, fmt);
  const slices = [];
  if (summarize && size > 2 * EDGEITEMS) {
    for (let i = 0; i < EDGEITEMS; i++) slices.push(sub(i));
    slices.push('...');
    for (let i = size - EDGEITEMS; i < size; i++) slices.push(sub(i));
  } else {
    for (let i = 0; i < size; i++) slices.push(sub(i));
  }
  // Higher-dimensional blocks are separated by (ndim - 1) line breaks.
  return '[' + slices.join(',' + '\n'.repeat(ndim - 1) + ' '.repeat(indent + 1)) + ']';
}

function addSuffixes(str, suffixes, indent) {
  const parts = [str];
  let lastLineLen = str.length - str.lastIndexOf('\n') + 1;
  for (const suffix of suffixes) {
    if (lastLineLen + suffix.length + 2 > LINEWIDTH) {
      parts.push(',\n' + ' '.repeat(indent) + suffix);
      lastLineLen = indent + suffix.length;
    } else {
      parts.push(', ' + suffix);
      lastLineLen += suffix.length + 2;
    }
  }
  parts.push(')');
  return parts.join('');
}

function pyTuple(shape) {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

const DTYPES = new Set(['float32', 'int64', 'int32', 'bool']);

export function formatTensor(t, { prefix = 'tensor(', parameter = false } = {}) {
  const { shape, dtype, values } = t;
  if (!DTYPES.has(dtype)) {
    throw new Error(`formatTensor: expected dtype 'float32', 'int64', 'int32' or 'bool', got ${JSON.stringify(dtype)}`);
  }
  const numel = shape.reduce((a, b) => a * b, 1);
  if (!values || values.length !== numel) {
    throw new Error(`formatTensor: expected ${numel} values for shape [${shape.join(', ')}], got ${values ? values.length : values}`);
  }

  const indent = prefix.length;
  const suffixes = [];
  let body;
  if (numel === 0) {
    // No elements to infer the dtype from, so anything but float32 is spelled out.
    if (shape.length !== 1) suffixes.push('size=' + pyTuple(shape));
    if (dtype !== 'float32') suffixes.push('dtype=torch.' + dtype);
    body = '[]';
  } else {
    if (dtype === 'int32') suffixes.push('dtype=torch.int32');
    const get = dtype === 'bool' ? (i) => values[i] !== 0 : (i) => values[i];
    const strides = stridesOf(shape);
    const summarize = numel > THRESHOLD;
    const shown = shownOffsets(shape, strides, summarize).map(get);
    const fmt = new Formatter(shown, dtype === 'float32');
    body = blockStr(get, shape, strides, 0, 0, indent, summarize, fmt);
  }
  if (t.requires_grad) suffixes.push('requires_grad=True');

  const str = addSuffixes(prefix + body, suffixes, indent);
  return parameter ? 'Parameter containing:\n' + str : str;
}
