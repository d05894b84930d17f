// F.embedding.

import { C } from '../../runtime.js';
import { tidy, _empty } from '../../tensor.js';
import { bindArgs, checkInt, checkNumber } from '../../args.js';
import { label, checkTensor, shapeErr } from './utils.js';

/** Wrap and check padding_idx against num_embeddings (shared by F.embedding and nn.Embedding). */
export function checkPaddingIdx(who, padding_idx, num) {
  if (padding_idx === null) return null;
  checkInt(label(who), 'padding_idx', padding_idx);
  if (padding_idx >= num || padding_idx < -num) {
    throw new Error(`${label(who)}: padding_idx must be within num_embeddings: expected ${-num} <= padding_idx < ${num}, ` +
      `got ${padding_idx}`);
  }
  return padding_idx < 0 ? padding_idx + num : padding_idx;
}

export function _embedding(who, input, weight, padding_idx, max_norm, norm_type) {
  checkTensor(who, 'input', input, { dtype: ['int64', 'int32'] });
  checkTensor(who, 'weight', weight);
  if (weight._shape.length !== 2) throw shapeErr(who, "'weight' to be 2-D [num_embeddings, embedding_dim]", weight);
  const [num, dim] = weight._shape;
  checkPaddingIdx(who, padding_idx, num);
  if (max_norm !== null) checkNumber(label(who), 'max_norm', max_norm);
  checkNumber(label(who), 'norm_type', norm_type);
  return tidy(() => {
    const idx = input.dtype === 'int64' ? input.contiguous() : input.long();
    const values = idx._view();
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v < 0n || v >= BigInt(num)) {
        throw new Error(`${label(who)}: index ${v} is out of range: expected 0 <= index < ${num} (num_embeddings)`);
      }
    }
    const n = values.length;
    const out = _empty([...input._shape, dim]);
    if (n === 0 || dim === 0) return out;
    if (max_norm !== null) {
      if (!weight.is_contiguous()) throw new Error(`${label(who)}: max_norm needs a contiguous weight`);
      C.wt_embedding_renorm_f32(weight._ptr(), idx._ptr(), n, num, dim, max_norm, norm_type);
    }
    const w = weight.contiguous();
    C.wt_embedding_forward_f32(out._ptr(), w._ptr(), idx._ptr(), n, num, dim);
    return out;
  });
}

export function embedding(input, weight, ...args) {
  const o = bindArgs('F.embedding', args, [['padding_idx', null], ['max_norm', null], ['norm_type', 2.0],
    ['scale_grad_by_freq', false], ['sparse', false]]);
  return _embedding('F.embedding', input, weight, o.padding_idx, o.max_norm, o.norm_type);
}
