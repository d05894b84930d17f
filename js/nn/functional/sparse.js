// F.embedding, F.embedding_bag.

import { C } from '../../runtime.js';
import { tidy, tensor, _empty, _fmtShape } from '../../tensor.js';
import { bindArgs, checkInt, checkNumber, checkBool, describe, nameOf } from '../../args.js';
import { checkTensor, shapeErr } from './utils.js';

/** Wrap and check padding_idx against num_embeddings (shared by F.embedding and nn.Embedding). */
export function checkPaddingIdx(who, padding_idx, num) {
  if (padding_idx === null) return null;
  checkInt(who, 'padding_idx', padding_idx);
  if (padding_idx >= num || padding_idx < -num) {
    throw new Error(`${nameOf(who)}: padding_idx must be within num_embeddings: expected ${-num} <= padding_idx < ${num}, ` +
      `got ${padding_idx}`);
  }
  return padding_idx < 0 ? padding_idx + num : padding_idx;
}

/** Values of an int32/int64 tensor as a contiguous int64 tensor (a new handle). */
function asInt64(t) {
  return t.dtype === 'int64' ? t.contiguous() : t.long();
}

/** Every index in [0, num): checked in JS so a bad index never reaches wasm. */
function checkIndexRange(who, values, num) {
  const hi = BigInt(num);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < 0n || v >= hi) {
      throw new Error(`${nameOf(who)}: index ${v} is out of range: expected 0 <= index < ${num} (num_embeddings)`);
    }
  }
}

export function _embedding(who, input, weight, padding_idx, max_norm, norm_type) {
  checkTensor(who, 'input', input, { dtype: ['int64', 'int32'] });
  checkTensor(who, 'weight', weight);
  if (weight._shape.length !== 2) throw shapeErr(who, "'weight' to be 2-D [num_embeddings, embedding_dim]", weight);
  const [num, dim] = weight._shape;
  checkPaddingIdx(who, padding_idx, num);
  if (max_norm !== null) checkNumber(who, 'max_norm', max_norm);
  checkNumber(who, 'norm_type', norm_type);
  return tidy(() => {
    const idx = asInt64(input);
    const values = idx._view();
    checkIndexRange(who, values, num);
    const n = values.length;
    const out = _empty([...input._shape, dim]);
    if (n === 0 || dim === 0) return out;
    if (max_norm !== null) {
      if (!weight.is_contiguous()) throw new Error(`${nameOf(who)}: max_norm needs a contiguous weight`);
      C.wt_embedding_renorm_f32(weight._ptr(), idx._ptr(), n, num, dim, max_norm, norm_type);
      weight._bumpVersion();
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

const BAG_MODES = { sum: 0, mean: 1, max: 2 };

/** mode must be 'sum', 'mean' or 'max' (shared by F.embedding_bag and nn.EmbeddingBag). */
export function checkBagMode(who, mode) {
  if (!Object.prototype.hasOwnProperty.call(BAG_MODES, mode)) {
    throw new Error(`${nameOf(who)}: mode has to be one of sum, mean or max, got ${describe(mode)}`);
  }
  return mode;
}

/**
 * The bag boundaries as wt_embedding_bag_f32 takes them: [num_bags + 1] int64, from a 2-D input
 * (fixed-length rows) or PyTorch's offsets (+ include_last_offset). Checked like PyTorch.
 */
function bagBounds(who, input, offsets, include_last_offset) {
  if (input._shape.length === 2) {
    const [bags, len] = input._shape;
    return tensor(Array.from({ length: bags + 1 }, (_, b) => BigInt(b * len)), { dtype: 'int64' });
  }
  const n = input._shape[0];
  const off = asInt64(offsets)._view();
  if (off.length === 0) {
    if (include_last_offset) return tensor([0n], { dtype: 'int64' });
    throw new Error(`${nameOf(who)}: offsets must have at least one element (the start of the first bag)`);
  }
  if (off[0] !== 0n) {
    throw new Error(`${nameOf(who)}: offsets[0] has to be 0, i.e., the first sequence in the mini-batch has to start ` +
      `from position 0. However, got ${off[0]}`);
  }
  const last = off[off.length - 1];
  if (last > BigInt(n)) {
    throw new Error(`${nameOf(who)}: offsets[-1] can not be greater than input's length ${n} but got offsets[-1] of ${last}`);
  }
  for (let i = 1; i < off.length; i++) {
    if (off[i] < off[i - 1]) {
      throw new Error(`${nameOf(who)}: offsets must be non-decreasing, got offsets[${i}] = ${off[i]} after ${off[i - 1]}`);
    }
  }
  const bounds = Array.from(off);
  if (!include_last_offset) bounds.push(BigInt(n));
  return tensor(bounds, { dtype: 'int64' });
}

export function _embedding_bag(who, input, weight, offsets, max_norm, norm_type, mode, per_sample_weights,
  include_last_offset, padding_idx) {
  checkTensor(who, 'input', input, { dtype: ['int64', 'int32'] });
  checkTensor(who, 'weight', weight);
  if (weight._shape.length !== 2) throw shapeErr(who, "'weight' to be 2-D [num_embeddings, embedding_dim]", weight);
  const [num, dim] = weight._shape;
  checkBagMode(who, mode);
  checkBool(who, 'include_last_offset', include_last_offset);
  const pad = checkPaddingIdx(who, padding_idx, num);
  if (max_norm !== null) checkNumber(who, 'max_norm', max_norm);
  checkNumber(who, 'norm_type', norm_type);
  if (input._shape.length === 2) {
    if (offsets !== null) {
      throw new Error(`${nameOf(who)}: if input is 2D, then offsets has to be None, as input is treated is a mini-batch ` +
        `of fixed length sequences. However, found offsets ${describe(offsets)}`);
    }
  } else if (input._shape.length === 1) {
    if (offsets === null) throw new Error(`${nameOf(who)}: offsets has to be a 1D Tensor but got None`);
    checkTensor(who, 'offsets', offsets, { dtype: ['int64', 'int32'] });
    if (offsets._shape.length !== 1) throw shapeErr(who, 'offsets to be a 1D Tensor', offsets);
  } else {
    throw new Error(`${nameOf(who)}: input has to be 1D or 2D Tensor, but got Tensor of dimension ${input._shape.length}`);
  }
  if (per_sample_weights !== null) {
    checkTensor(who, 'per_sample_weights', per_sample_weights);
    if (mode !== 'sum') {
      throw new Error(`${nameOf(who)}: embedding_bag: per_sample_weights was not None. per_sample_weights is only ` +
        `supported for mode='sum' (got mode='${mode}')`);
    }
    if (_fmtShape(per_sample_weights._shape) !== _fmtShape(input._shape)) {
      throw new Error(`${nameOf(who)}: embedding_bag: If per_sample_weights (${_fmtShape(per_sample_weights._shape)}) is ` +
        `not None, then it must have the same shape as the input (${_fmtShape(input._shape)})`);
    }
  }
  return tidy(() => {
    const idx = asInt64(input);
    checkIndexRange(who, idx._view(), num);
    const bounds = bagBounds(who, input, offsets, include_last_offset);
    const bags = bounds.numel() - 1;
    const out = _empty([bags, dim]);
    const n = idx.numel();
    if (bags === 0 || dim === 0) return out;
    if (num === 0) return out.fill_(0); // every bag is empty: indices were checked against 0 rows
    if (max_norm !== null && n > 0) {
      if (!weight.is_contiguous()) throw new Error(`${nameOf(who)}: max_norm needs a contiguous weight`);
      C.wt_embedding_renorm_f32(weight._ptr(), idx._ptr(), n, num, dim, max_norm, norm_type);
      weight._bumpVersion();
    }
    const w = weight.contiguous();
    const psw = per_sample_weights === null ? null : per_sample_weights.contiguous();
    C.wt_embedding_bag_f32(out._ptr(), w._ptr(), idx._ptr(), n, bounds._ptr(), bags, psw === null ? 0 : psw._ptr(),
      num, dim, BAG_MODES[mode], pad === null ? -1 : pad);
    return out;
  });
}

export function embedding_bag(input, weight, ...args) {
  const o = bindArgs('F.embedding_bag', args, [['offsets', null], ['max_norm', null], ['norm_type', 2],
    ['scale_grad_by_freq', false], ['mode', 'mean'], ['sparse', false], ['per_sample_weights', null],
    ['include_last_offset', false], ['padding_idx', null]]);
  return _embedding_bag('F.embedding_bag', input, weight, o.offsets, o.max_norm, o.norm_type, o.mode,
    o.per_sample_weights, o.include_last_offset, o.padding_idx);
}
