// F.unfold, F.fold: sliding local blocks (im2col / col2im), 2 spatial dims like PyTorch.

import { C, withInt32 } from '../../runtime.js';
import { tidy, _empty, _fmtShape } from '../../tensor.js';
import { bindArgs, checkTuple, nameOf, REQUIRED } from '../../args.js';
import { checkTensor, windowOutSize } from './utils.js';

const fmt = (a) => `(${a.join(', ')})`;

/** kernel_size, dilation, padding, stride as PyTorch's _pair, with its lower bounds. */
function windowArgs(who, kernel_size, dilation, padding, stride) {
  return {
    k: checkTuple(who, 'kernel_size', kernel_size, 2, { min: 1 }),
    d: checkTuple(who, 'dilation', dilation, 2, { min: 1 }),
    p: checkTuple(who, 'padding', padding, 2, { min: 0 }),
    s: checkTuple(who, 'stride', stride, 2, { min: 1 }),
  };
}

/** Number of windows per spatial dim (may be <= 0 when the padded input is too small). */
function blocks(size, w) {
  return size.map((x, i) => windowOutSize(x, w.p[i], w.d[i], w.k[i], w.s[i]));
}

/** Non-batch dims must be non-empty (PyTorch: "possibly 0 batch size and non-zero dimensions"). */
function checkRank(who, input, ranks, what) {
  const r = input._shape.length;
  if (!ranks.includes(r) || input._shape.slice(r === ranks[1] ? 1 : 0).some((x) => x === 0)) {
    throw new Error(`${nameOf(who)}: Expected ${ranks[0]}D (unbatched) or ${ranks[1]}D (batched) ${what} with possibly 0 batch ` +
      `size and non-zero dimensions for input, but got: ${_fmtShape(input._shape)}`);
  }
}

/** The int32 wt_conv_params block for one image of C channels (2 spatial dims). */
function params(N, Cc, inSize, outSize, w) {
  return [2, N, Cc, Cc, 1, ...inSize, 1, ...outSize, 1, ...w.k, 1, ...w.s, 1, ...w.p, 0, ...w.d, 1];
}

/** unfold: input [N, C, H, W] or [C, H, W] -> [N, C*kh*kw, L] (or [C*kh*kw, L]). */
export function _unfold(who, input, kernel_size, dilation, padding, stride) {
  checkTensor(who, 'input', input);
  const w = windowArgs(who, kernel_size, dilation, padding, stride);
  checkRank(who, input, [3, 4], 'input');
  const batched = input._shape.length === 4;
  const [N, Cc, H, W] = batched ? input._shape : [1, ...input._shape];
  const grid = blocks([H, W], w);
  if (grid.some((x) => x < 1)) {
    throw new Error(`${nameOf(who)}: Given input with spatial size ${fmt([H, W])}, kernel_size=${fmt(w.k)}, dilation=${fmt(w.d)}, ` +
      `padding=${fmt(w.p)}, calculated shape of the array of sliding blocks as ${fmt(grid)}, but its components must ` +
      'be at least one.');
  }
  return tidy(() => {
    const out = _empty([N, Cc * w.k[0] * w.k[1], grid[0] * grid[1]]);
    if (out.numel() > 0) {
      const x = input.contiguous();
      withInt32([params(N, Cc, [H, W], grid, w)], (pp) => C.wt_unfold_forward_f32(pp, out._ptr(), x._ptr()));
    }
    return batched ? out : out.squeeze(0);
  });
}

/** fold: input [N, C*kh*kw, L] or [C*kh*kw, L] -> [N, C, *output_size] (or [C, *output_size]); overlaps add. */
export function _fold(who, input, output_size, kernel_size, dilation, padding, stride) {
  checkTensor(who, 'input', input);
  const size = checkTuple(who, 'output_size', output_size, 2);
  const w = windowArgs(who, kernel_size, dilation, padding, stride);
  checkRank(who, input, [2, 3], 'input');
  const batched = input._shape.length === 3;
  const [N, rows, nblocks] = batched ? input._shape : [1, ...input._shape];
  const K = w.k[0] * w.k[1];
  if (rows % K !== 0) {
    throw new Error(`${nameOf(who)}: Expected size of input's dimension 1 to be divisible by the product of kernel_size, but got ` +
      `input.size(1)=${rows} and kernel_size=${fmt(w.k)}.`);
  }
  const grid = blocks(size, w);
  if (grid[0] * grid[1] !== nblocks || grid.some((x) => x < 1)) {
    throw new Error(`${nameOf(who)}: Given output_size=${fmt(size)}, kernel_size=${fmt(w.k)}, dilation=${fmt(w.d)}, ` +
      `padding=${fmt(w.p)}, stride=${fmt(w.s)}, expected size of input's dimension 2 to match the calculated number ` +
      `of sliding blocks ${grid[0]} * ${grid[1]} = ${grid[0] * grid[1]}, but got input.size(2)=${nblocks}.`);
  }
  if (size.some((x) => x < 1)) {
    throw new Error(`${nameOf(who)}: output_size must be positive, got output_size=${fmt(size)}`);
  }
  const Cc = rows / K;
  return tidy(() => {
    const out = _empty([N, Cc, ...size]);
    if (out.numel() > 0) {
      const x = input.contiguous();
      withInt32([params(N, Cc, grid, size, w)], (pp) => C.wt_fold_forward_f32(pp, out._ptr(), x._ptr()));
    }
    return batched ? out : out.squeeze(0);
  });
}

export function unfold(input, ...args) {
  const o = bindArgs('F.unfold', args, [['kernel_size', REQUIRED], ['dilation', 1], ['padding', 0], ['stride', 1]]);
  return _unfold('F.unfold', input, o.kernel_size, o.dilation, o.padding, o.stride);
}

export function fold(input, ...args) {
  const o = bindArgs('F.fold', args, [['output_size', REQUIRED], ['kernel_size', REQUIRED], ['dilation', 1],
    ['padding', 0], ['stride', 1]]);
  return _fold('F.fold', input, o.output_size, o.kernel_size, o.dilation, o.padding, o.stride);
}
