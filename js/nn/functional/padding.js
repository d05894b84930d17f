// F.pad with PyTorch 1.13's checks (aten/src/ATen/native/PadNd.cpp and the reflection /
// replication / circular kernels), in their order:
//   pad length even, at most 2 * input.dim(); constant mode: any rank, negative pads crop down to
//   size 0; other modes: no value, 2/4/6 pad entries for a (k+1)- or (k+2)-D input (circular: only
//   (k+2)-D), reflect pads < the size, circular pads <= the size left after cropping, results of
//   size >= 1.

import { C, withInt32 } from '../../runtime.js';
import { tidy, _empty, _fmtShape, full } from '../../tensor.js';
import { bindArgs, describe, checkInt, checkNumber, nameOf, REQUIRED } from '../../args.js';
import { checkTensor } from './utils.js';

const PAD_MODES = { constant: 0, reflect: 1, replicate: 2, circular: 3 };

export function _pad(who, input, pad, mode, value) {
  checkTensor(who, 'input', input);
  if (!Array.isArray(pad)) throw new Error(`${nameOf(who)}: pad must be a tuple of ints, got ${describe(pad)}`);
  pad.forEach((p) => checkInt(who, 'pad', p));
  if (pad.length % 2 !== 0) throw new Error(`${nameOf(who)}: Padding length must be divisible by 2, got ${describe(pad)}`);
  const n = input._shape.length;
  if (pad.length > 2 * n) throw new Error(`${nameOf(who)}: Padding length too large: ${pad.length} for a ${n}-D input`);
  if (!Object.prototype.hasOwnProperty.call(PAD_MODES, mode)) {
    throw new Error(`${nameOf(who)}: Unrecognised padding mode ${describe(mode)} (expected constant, reflect, replicate or circular)`);
  }
  if (value !== null) checkNumber(who, 'value', value);
  const k = pad.length / 2;
  if (mode !== 'constant') {
    if (value !== null && value !== 0) throw new Error(`${nameOf(who)}: Padding mode "${mode}" doesn't take in value argument`);
    if (!(k >= 1 && k <= 3 && (n === k + 1 || n === k + 2))) {
      throw new Error(`${nameOf(who)}: Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now ` +
        `(${mode} padding of ${k} dimension(s) needs a ${k + 1}-D or ${k + 2}-D input, got ${_fmtShape(input._shape)})`);
    }
    if (mode === 'circular' && n !== k + 2) {
      throw new Error(`${nameOf(who)}: Invalid padding size, expected ${2 * (n - 2)} but got ${pad.length} ` +
        `(circular padding needs a batched input [N, C, ...])`);
    }
    // The padded dims and the channel dim must be non-empty; only the batch dim may be 0.
    const first = n - k - 1;
    if (input._shape.some((s, i) => s === 0 && i >= first && !(i === 0 && n === k + 2))) {
      throw new Error(`${nameOf(who)}: ${mode} padding expects non-empty channel and padded dims, got ${_fmtShape(input._shape)}`);
    }
  }
  const before = new Array(n).fill(0);
  const after = new Array(n).fill(0);
  for (let i = 0; i < k; i++) {
    before[n - 1 - i] = pad[2 * i];
    after[n - 1 - i] = pad[2 * i + 1];
  }
  const outShape = input._shape.map((s, i) => s + before[i] + after[i]);
  for (let i = 0; i < n; i++) {
    const s = input._shape[i];
    if (mode === 'reflect' && (before[i] !== 0 || after[i] !== 0) && (before[i] >= s || after[i] >= s)) {
      throw new Error(`${nameOf(who)}: Argument #4: Padding size should be less than the corresponding input dimension, but got: ` +
        `padding (${before[i]}, ${after[i]}) at dimension ${i} of input ${_fmtShape(input._shape)}`);
    }
    // Circular padding wraps around what negative pads leave of the dim (PyTorch crops first).
    const kept = s - Math.max(-before[i], 0) - Math.max(-after[i], 0);
    if (mode === 'circular' && (before[i] > kept || after[i] > kept)) {
      throw new Error(`${nameOf(who)}: Padding value causes wrapping around more than once: padding ` +
        `(${before[i]}, ${after[i]}) at dimension ${i} of input ${_fmtShape(input._shape)}`);
    }
    if (outShape[i] < (mode === 'constant' ? 0 : 1) && (before[i] !== 0 || after[i] !== 0)) {
      throw new Error(`${nameOf(who)}: input size ${s} at dimension ${i} is too small for padding (${before[i]}, ${after[i]}): ` +
        `the result would have size ${outShape[i]}`);
    }
  }
  return tidy(() => {
    if (n === 0 || pad.every((p) => p === 0)) return input.clone();
    // An empty input pads to a tensor of fills (constant mode; other modes have an empty batch here).
    if (input.numel() === 0) return full(outShape, value ?? 0);
    const out = _empty(outShape);
    if (out.numel() === 0) return out;
    const x = input.contiguous();
    withInt32([input._shape, before, after], (ps, pb, pa) =>
      C.wt_pad_f32(PAD_MODES[mode], out._ptr(), x._ptr(), n, ps, pb, pa, value ?? 0));
    return out;
  });
}

export function pad(input, ...args) {
  const o = bindArgs('F.pad', args, [['pad', REQUIRED], ['mode', 'constant'], ['value', null]]);
  return _pad('F.pad', input, o.pad, o.mode, o.value);
}
