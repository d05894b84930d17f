// Python-style argument binding for JS: PyTorch's positional parameters in PyTorch's order, then
// an optional trailing options object with PyTorch's keyword names. Unknown names, duplicates and
// missing required arguments are errors, as TypeError is in Python.

export const REQUIRED = Symbol('required');

/**
 * The prefix of an error message. `who` is a string, a function returning one, or a Module (its
 * one-line repr): the last two are only evaluated when a message is built, so forward passes hand
 * them over as they are instead of building a repr on every call.
 */
export function nameOf(who) {
  if (typeof who === 'string') return who;
  if (typeof who === 'function') return who();
  return `${who._get_name()}(${who.extra_repr()})`;
}

/** True for a plain `{...}` object (the trailing keyword-options object). */
export function isOptions(x) {
  if (x === null || typeof x !== 'object' || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/**
 * Bind `args` (positional values, optionally followed by an options object) to `spec`, a list of
 * [name, default] pairs (default REQUIRED for required ones). Returns a fresh object. `who` names
 * the caller in messages (see nameOf), as in every check below.
 */
export function bindArgs(who, args, spec) {
  let positional = args;
  let options = null;
  if (args.length > 0 && isOptions(args[args.length - 1])) {
    positional = args.slice(0, -1);
    options = args[args.length - 1];
  }
  if (positional.length > spec.length) {
    throw new Error(`${nameOf(who)}: takes at most ${spec.length} positional arguments but ${positional.length} were given`);
  }
  const out = Object.create(null);
  spec.forEach(([name], i) => {
    if (i < positional.length && positional[i] !== undefined) out[name] = positional[i];
  });
  if (options) {
    const names = spec.map(([name]) => name);
    for (const key of Object.keys(options)) {
      if (!names.includes(key)) {
        const expected = names.length ? `expected one of: ${names.join(', ')}` : 'it takes no arguments';
        throw new Error(`${nameOf(who)}: unknown option '${key}' (${expected})`);
      }
      if (key in out) throw new Error(`${nameOf(who)}: got multiple values for argument '${key}'`);
      if (options[key] !== undefined) out[key] = options[key];
    }
  }
  for (const [name, dflt] of spec) {
    if (!(name in out)) {
      if (dflt === REQUIRED) throw new Error(`${nameOf(who)}: missing required argument '${name}'`);
      out[name] = dflt;
    }
  }
  return out;
}

/** A compact description of a received value for error messages. */
export function describe(v) {
  if (v === null) return 'None';
  if (v === undefined) return 'undefined';
  if (typeof v === 'string') return `'${v}'`;
  if (Array.isArray(v)) return `[${v.map(describe).join(', ')}]`;
  if (typeof v === 'object' && Array.isArray(v._shape)) return `a ${v.dtype} tensor of shape [${v._shape.join(', ')}]`;
  if (typeof v === 'object') return v.constructor && v.constructor !== Object ? v.constructor.name : 'an object';
  return String(v);
}

export function checkInt(who, name, v, { min = -Infinity } = {}) {
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    throw new Error(`${nameOf(who)}: ${name} must be an integer, got ${describe(v)}`);
  }
  if (v < min) throw new Error(`${nameOf(who)}: ${name} must be >= ${min}, got ${v}`);
  return v;
}

export function checkNumber(who, name, v) {
  if (typeof v !== 'number' || Number.isNaN(v)) throw new Error(`${nameOf(who)}: ${name} must be a number, got ${describe(v)}`);
  return v;
}

export function checkBool(who, name, v) {
  if (typeof v !== 'boolean') throw new Error(`${nameOf(who)}: ${name} must be true or false, got ${describe(v)}`);
  return v;
}

/**
 * An int or a tuple (array) of `n` ints -> an array of n ints (PyTorch's _single/_pair/_triple).
 */
export function checkTuple(who, name, v, n, { min = -Infinity } = {}) {
  const arr = Array.isArray(v) ? v : [v];
  if (Array.isArray(v) && v.length !== n && !(v.length === 1 && n >= 1)) {
    throw new Error(`${nameOf(who)}: ${name} must be an int or a tuple of ${n} ints, got ${describe(v)}`);
  }
  const full = arr.length === n ? arr : Array(n).fill(arr[0]);
  full.forEach((x) => checkInt(who, name, x, { min }));
  return full.slice();
}

/** Wrap a dim into [0, ndim): PyTorch's maybe_wrap_dim with its message. */
export function wrapDim(who, dim, ndim) {
  if (typeof dim !== 'number' || !Number.isInteger(dim)) {
    throw new Error(`${nameOf(who)}: dim must be an integer, got ${describe(dim)}`);
  }
  const n = Math.max(ndim, 1);
  if (dim < -n || dim >= n) {
    throw new Error(`${nameOf(who)}: Dimension out of range (expected to be in range of [${-n}, ${n - 1}], but got ${dim})`);
  }
  return dim < 0 ? dim + n : dim;
}
