// F.max_pool1d, F.max_pool2d, F.max_pool3d.

import { C, withInt32 } from '../../runtime.js';
import { tidy, _empty, _prod, _fmtShape } from '../../tensor.js';
import { bindArgs, checkTuple, checkBool, REQUIRED } from '../../args.js';
import { label, checkTensor, windowOutSize } from './utils.js';

export function _maxPool(who, nd, input, kernel_size, stride, padding, dilation, ceil_mode, return_indices) {
  const L = label(who);
  checkTensor(who, 'input', input);
  const k = checkTuple(L, 'kernel_size', kernel_size, nd, { min: 1 });
  const s = stride === null || (Array.isArray(stride) && stride.length === 0) ? k.slice()
    : checkTuple(L, 'stride', stride, nd, { min: 1 });
  const p = checkTuple(L, 'padding', padding, nd, { min: 0 });
  const d = checkTuple(L, 'dilation', dilation, nd, { min: 1 });
  checkBool(L, 'ceil_mode', ceil_mode);
  checkBool(L, 'return_indices', return_indices);
  if (input._shape.length !== nd + 1 && input._shape.length !== nd + 2) {
    throw new Error(`${L}: Expected ${nd + 1}D (unbatched) or ${nd + 2}D (batched) input to max_pool${nd}d, but got ` +
      `input of size: ${_fmtShape(input._shape)}`);
  }
  p.forEach((pp, i) => {
    if (pp > Math.floor(k[i] / 2)) {
      throw new Error(`${L}: pad should be at most half of effective kernel size, but got pad=${pp}, ` +
        `kernel_size=${k[i]} and dilation=${d[i]}`);
    }
  });
  const lead = input._shape.slice(0, -nd);
  const inSize = input._shape.slice(-nd);
  if (lead.some((x) => x === 0) && input._shape.length === nd + 2 && lead[1] === 0) {
    throw new Error(`${L}: Expected input's non-batch dimensions to have positive length, but input has a shape of ` +
      `${_fmtShape(input._shape)}`);
  }
  const outSize = inSize.map((x, i) => windowOutSize(x, p[i], d[i], k[i], s[i], ceil_mode));
  // PyTorch's max_pool1d (without indices) returns an empty result where the others reject.
  const emptyOk = nd === 1 && !return_indices && outSize[0] === 0;
  if ((outSize.some((x) => x < 1) && !emptyOk) || inSize.some((x) => x < 1)) {
    throw new Error(`${L}: Given input size: (${[lead[lead.length - 1], ...inSize].join('x')}). Calculated output size: ` +
      `(${[lead[lead.length - 1], ...outSize].join('x')}). Output size is too small`);
  }
  return tidy(() => {
    const out = _empty([...lead, ...outSize]);
    const idx = return_indices ? _empty([...lead, ...outSize], 'int64') : null;
    const planes = _prod(lead);
    if (planes > 0 && !emptyOk) {
      const x = input.contiguous();
      const fill = (a, v) => [...a, ...new Array(3 - nd).fill(v)];
      const params = [nd, planes, ...fill(inSize, 1), ...fill(outSize, 1), ...fill(k, 1), ...fill(s, 1), ...fill(p, 0),
        ...fill(d, 1)];
      withInt32([params], (pp) => C.wt_maxpool_forward_f32(pp, out._ptr(), idx ? idx._ptr() : 0, x._ptr()));
    }
    return return_indices ? [out, idx] : out;
  });
}

const POOL_ARGS = [['kernel_size', REQUIRED], ['stride', null], ['padding', 0], ['dilation', 1], ['ceil_mode', false],
  ['return_indices', false]];

function maxPoolFn(nd) {
  return (input, ...args) => {
    const o = bindArgs(`F.max_pool${nd}d`, args, POOL_ARGS);
    return _maxPool(`F.max_pool${nd}d`, nd, input, o.kernel_size, o.stride, o.padding, o.dilation, o.ceil_mode,
      o.return_indices);
  };
}

export const max_pool1d = maxPoolFn(1);
export const max_pool2d = maxPoolFn(2);
export const max_pool3d = maxPoolFn(3);
