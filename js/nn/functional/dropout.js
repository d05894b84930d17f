// F.dropout, F.dropout1d, F.dropout2d, F.dropout3d, F.alpha_dropout, F.feature_alpha_dropout.
//
// PyTorch 1.13's CPU algorithm (aten/src/ATen/native/Dropout.cpp), step by step, so seeded results
// are PyTorch's own numbers:
//   noise = empty(shape).bernoulli_(1 - p)   shape = input's, or [N, C, 1, ...] for feature dropout
//   dropout:        noise /= (1 - p);  out = input * noise
//   alpha dropout:  a = 1 / sqrt((alpha^2 p + 1)(1 - p)), b = (noise - 1) * alpha*a + alpha*a*p,
//                   noise *= a;  out = input * noise + b
// bernoulli_(q) with a double q draws, per element in row-major order, one double uniform from the
// generator and keeps the element where uniform < q (Debian's build has no MKL path). p == 0, eval
// mode and empty inputs return the input itself; p == 1 multiplies by zero (so inf and NaN give NaN).

import { tidy, _empty } from '../../tensor.js';
import { defaultGenerator } from '../../random.js';
import { bindArgs, checkBool, checkNumber, nameOf } from '../../args.js';
import { checkTensor } from './utils.js';

// SELU's negative saturation value -scale*alpha as PyTorch's alpha_dropout writes it.
const ALPHA = 1.7580993408473766;

const f32 = Math.fround;

export function _checkDropoutP(who, p) {
  checkNumber(who, 'p', p);
  if (p < 0 || p > 1) throw new Error(`${nameOf(who)}: dropout probability has to be between 0 and 1, but got ${p}`);
  return p;
}

/** Python's warnings.warn, once per message (its default filter shows a warning once per call site). */
const warned = new Set();
function warnOnce(message) {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`UserWarning: ${message}`);
}

/**
 * The dropout kernel. feature: one draw per [N, C] plane (input at least 2-D); alpha: alpha
 * dropout. Returns `input` itself where PyTorch does (and for inplace).
 */
export function _dropout(who, input, p, training, inplace, { feature = false, alpha = false } = {}) {
  checkTensor(who, 'input', input, { dtype: null });
  _checkDropoutP(who, p);
  checkBool(who, 'training', training);
  checkBool(who, 'inplace', inplace);
  if (feature && input.dim() < 2) {
    throw new Error(`${nameOf(who)}: Feature dropout requires at least 2 dimensions in the input, got ${input.dim()}`);
  }
  if (p === 0 || !training || input.numel() === 0) return input;
  if (input.dtype !== 'float32') throw new Error(`${nameOf(who)}: expected input of dtype float32, got ${input.dtype}`);
  return tidy(() => {
    let out;
    if (p === 1) {
      out = input.mul(0);
    } else {
      const shape = feature ? input._shape.map((s, i) => (i < 2 ? s : 1)) : input._shape.slice();
      const keep = 1 - p;
      const noise = _empty(shape);
      const n = noise.numel();
      const nv = new Float32Array(n);
      let bv = null;
      if (alpha) {
        const a = 1 / Math.sqrt((ALPHA * ALPHA * p + 1) * (1 - p));
        const kept = f32(a);
        // (noise - 1) * alpha*a + alpha*a*p in float32, for noise 1 and 0
        const bKept = f32(f32(0 * f32(ALPHA * a)) + f32(ALPHA * a * p));
        const bDropped = f32(f32(-1 * f32(ALPHA * a)) + f32(ALPHA * a * p));
        bv = new Float32Array(n);
        for (let i = 0; i < n; i++) {
          const k = defaultGenerator.uniformDouble() < keep;
          nv[i] = k ? kept : 0;
          bv[i] = k ? bKept : bDropped;
        }
      } else {
        const kept = f32(1 / f32(keep));
        for (let i = 0; i < n; i++) nv[i] = defaultGenerator.uniformDouble() < keep ? kept : 0;
      }
      noise._view().set(nv);
      out = input.mul(noise);
      if (alpha) {
        const b = _empty(shape);
        b._view().set(bv);
        out = out.add(b);
      }
    }
    return inplace ? input.copy_(out) : out;
  });
}

const DROPOUT_ARGS = (training) => [['p', 0.5], ['training', training], ['inplace', false]];

export function dropout(input, ...args) {
  const o = bindArgs('F.dropout', args, DROPOUT_ARGS(true));
  return _dropout('F.dropout', input, o.p, o.training, o.inplace);
}

export function alpha_dropout(input, ...args) {
  const o = bindArgs('F.alpha_dropout', args, DROPOUT_ARGS(false));
  return _dropout('F.alpha_dropout', input, o.p, o.training, o.inplace, { alpha: true });
}

export function feature_alpha_dropout(input, ...args) {
  const o = bindArgs('F.feature_alpha_dropout', args, DROPOUT_ARGS(false));
  return _dropout('F.feature_alpha_dropout', input, o.p, o.training, o.inplace, { feature: true, alpha: true });
}

/**
 * Channel dropout of an n-spatial-dim input (dropout1d/2d/3d), with 1.13's rank rules: 1d rejects
 * other ranks; 2d/3d warn about them; an input one dim short is unbatched (a batch of 1) — except
 * for dropout2d, which in 1.13 reads a 3-D input as batched (N, C, L) and warns.
 */
export function _dropoutNd(who, spatial, input, p, training, inplace) {
  checkTensor(who, 'input', input, { dtype: null });
  _checkDropoutP(who, p);
  const fname = `dropout${spatial}d`;
  const nd = input.dim();
  if (nd !== spatial + 1 && nd !== spatial + 2) {
    if (spatial === 1) {
      throw new Error(`${nameOf(who)}: dropout1d: Expected 2D or 3D input, but received a ${nd}D input. Note that ` +
        'dropout1d exists to provide channel-wise dropout on inputs with 1 spatial dimension, a channel dimension, ' +
        'and an optional batch dimension (i.e. 2D or 3D inputs).');
    }
    warnOnce(`${fname}: Received a ${nd}-D input to ${fname}, which is deprecated and will result in an error in a ` +
      `future release. To retain the behavior and silence this warning, please use dropout instead. Note that ` +
      `${fname} exists to provide channel-wise dropout on inputs with ${spatial} spatial dimensions, a channel ` +
      `dimension, and an optional batch dimension (i.e. ${spatial + 1}D or ${spatial + 2}D inputs).`);
  }
  if (spatial === 2 && nd === 3) {
    warnOnce('dropout2d: Received a 3D input to dropout2d and assuming that channel-wise 1D dropout behavior is ' +
      'desired - input is interpreted as shape (N, C, L), where C is the channel dim. This behavior will change in ' +
      'a future release to interpret the input as one without a batch dimension, i.e. shape (C, H, W). To maintain ' +
      'the 1D channel-wise dropout behavior, please switch to using dropout1d instead.');
  }
  const unbatched = spatial !== 2 && nd === spatial + 1;
  if (!unbatched) return _dropout(who, input, p, training, inplace, { feature: true });
  // A batch of one: the same draws as PyTorch's unsqueeze(0) -> feature dropout -> squeeze(0).
  return tidy(() => {
    const out = _dropout(who, input.unsqueeze(0), p, training, false, { feature: true });
    const res = out.squeeze(0);
    return inplace ? input.copy_(res) : res;
  });
}

function dropoutNd(spatial) {
  const who = `F.dropout${spatial}d`;
  return (input, ...args) => {
    const o = bindArgs(who, args, DROPOUT_ARGS(true));
    return _dropoutNd(who, spatial, input, o.p, o.training, o.inplace);
  };
}

export const dropout1d = dropoutNd(1);
export const dropout2d = dropoutNd(2);
export const dropout3d = dropoutNd(3);
