// Shared argument checks of the functional forms.

import { Tensor, _fmtShape } from '../../tensor.js';
import { describe, nameOf } from '../../args.js';

export function checkTensor(who, name, t, { dtype = 'float32', optional = false } = {}) {
  if (t === null && optional) return null;
  if (!(t instanceof Tensor)) throw new Error(`${nameOf(who)}: ${name} must be a Tensor, got ${describe(t)}`);
  t._check();
  if (dtype !== null) {
    const ok = Array.isArray(dtype) ? dtype.includes(t.dtype) : t.dtype === dtype;
    if (!ok) throw new Error(`${nameOf(who)}: expected ${name} of dtype ${Array.isArray(dtype) ? dtype.join(' or ') : dtype}, got ${t.dtype}`);
  }
  return t;
}

export function shapeErr(who, what, t) {
  return new Error(`${nameOf(who)}: expected ${what}, got ${_fmtShape(t._shape)}`);
}

/** Spatial output size of a convolution or pooling window (floor, or PyTorch's ceil_mode rule). */
export function windowOutSize(size, pad, dil, k, stride, ceil = false) {
  const span = size + 2 * pad - dil * (k - 1) - 1;
  let out = Math.floor((span + (ceil ? stride - 1 : 0)) / stride) + 1;
  if (ceil && (out - 1) * stride >= size + pad) out -= 1;
  return out;
}
