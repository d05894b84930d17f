// F.pad.

import { C, withInt32 } from '../../runtime.js';
import { tidy, _empty, _fmtShape } from '../../tensor.js';
import { bindArgs, describe, checkInt, REQUIRED } from '../../args.js';
import { label, checkTensor } from './utils.js';

const PAD_MODES = { constant: 0, reflect: 1, replicate: 2, circular: 3 };

export function _pad(who, input, pad, mode, value) {
  checkTensor(who, 'input', input);
  if (!Array.isArray(pad) || pad.length % 2 !== 0) throw new Error(`${label(who)}: Padding length must be divisible by 2, got ${describe(pad)}`);
  pad.forEach((p) => checkInt(label(who), 'pad', p));
  const n = input._shape.length;
  if (pad.length / 2 > n) throw new Error(`${label(who)}: Padding length too large: ${pad.length} for a ${n}-D input`);
  if (!Object.prototype.hasOwnProperty.call(PAD_MODES, mode)) {
    throw new Error(`${label(who)}: Unrecognised padding mode ${describe(mode)} (expected constant, reflect, replicate or circular)`);
  }
  if (mode !== 'constant') {
    if (value !== null && value !== 0) throw new Error(`${label(who)}: Padding mode "${mode}" doesn't take in value argument`);
    const k = pad.length / 2;
    if (!(k >= 1 && k <= 3 && (n === k + 1 || n === k + 2))) {
      throw new Error(`${label(who)}: ${mode} padding of ${k} dimension(s) needs a ${k + 1}-D or ${k + 2}-D input, ` +
        `got ${_fmtShape(input._shape)}`);
    }
  }
  const before = new Array(n).fill(0);
  const after = new Array(n).fill(0);
  for (let i = 0; i < pad.length / 2; i++) {
    before[n - 1 - i] = pad[2 * i];
    after[n - 1 - i] = pad[2 * i + 1];
  }
  const outShape = input._shape.map((s, i) => s + before[i] + after[i]);
  for (let i = 0; i < n; i++) {
    const s = input._shape[i];
    if (outShape[i] < (mode === 'constant' ? 0 : 1)) {
      throw new Error(`${label(who)}: input size ${s} at dimension ${i} is too small for padding (${before[i]}, ${after[i]}): ` +
        `the result would have size ${outShape[i]}`);
    }
    if (mode === 'reflect' && (before[i] >= s || after[i] >= s)) {
      throw new Error(`${label(who)}: Padding size should be less than the corresponding input dimension, but got: ` +
        `padding (${before[i]}, ${after[i]}) at dimension ${i} of input ${_fmtShape(input._shape)}`);
    }
    if (mode === 'circular' && (before[i] > s || after[i] > s)) {
      throw new Error(`${label(who)}: Padding value causes wrapping around more than once: padding ` +
        `(${before[i]}, ${after[i]}) at dimension ${i} of input ${_fmtShape(input._shape)}`);
    }
  }
  return tidy(() => {
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
