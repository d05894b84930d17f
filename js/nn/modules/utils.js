// Shared pieces of the layer modules: Python-style printing of hyperparameters and parameter creation.

import { Parameter, empty } from '../../tensor.js';
import * as init from '../init.js';
import { pyFloatRepr } from '../../tensor_str.js';
import { describe } from '../../args.js';

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

/**
 * PyTorch's factory kwargs `device` and `dtype` (`o` holds both, as bound by bindArgs). webtorch's
 * parameters are float32 on the CPU (the wasm heap), so anything else is an error rather than a
 * request silently ignored.
 */
export function checkFactoryKwargs(who, o) {
  if (o.device !== null && o.device !== 'cpu') {
    throw new Error(`${who}: device must be None or 'cpu' (webtorch runs on the CPU), got ${describe(o.device)}`);
  }
  if (o.dtype !== null && o.dtype !== 'float32') {
    throw new Error(`${who}: dtype must be None or torch.float32 ('float32'), got ${describe(o.dtype)}`);
  }
}

/** An uninitialised float32 Parameter of `shape` (reset_parameters fills it). */
export function newParameter(shape) {
  const t = empty(shape);
  const p = new Parameter(t);
  t.dispose();
  return p;
}

/**
 * The reset_parameters of Linear and _ConvNd: weight ~ kaiming_uniform_(a = sqrt(5)), bias ~
 * U(-1/sqrt(fan_in), 1/sqrt(fan_in)). With fan_in 0, Linear draws U(0, 0) and _ConvNd draws
 * nothing (drawZeroFan false); the difference shows in the generator's later draws.
 */
export function resetKaimingUniform(weight, bias, { drawZeroFan = true } = {}) {
  init.kaiming_uniform_(weight, Math.sqrt(5));
  if (bias === null) return;
  const [fanIn] = init._calculate_fan_in_and_fan_out(weight);
  if (fanIn > 0) init.uniform_(bias, -1 / Math.sqrt(fanIn), 1 / Math.sqrt(fanIn));
  else if (drawZeroFan) init.uniform_(bias, 0, 0);
}
