// Shared pieces of the layer modules: Python-style printing of hyperparameters and parameter creation.

import { Parameter, empty } from '../../tensor.js';
import { pyFloatRepr } from '../../tensor_str.js';

/** Python's str() of a hyperparameter: tuples as (a, b), (a,), booleans True/False, null None. */
export function py(v) {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (Array.isArray(v)) return v.length === 1 ? `(${py(v[0])},)` : `(${v.map(py).join(', ')})`;
  return String(v);
}

/** A hyperparameter PyTorch stores as a Python float (eps, momentum, max_norm, ...). */
export function pyFloat(v) {
  return v === null ? 'None' : pyFloatRepr(v);
}

/** An uninitialised float32 Parameter of `shape` (reset_parameters fills it). */
export function newParameter(shape) {
  const t = empty(shape);
  const p = new Parameter(t);
  t.dispose();
  return p;
}
