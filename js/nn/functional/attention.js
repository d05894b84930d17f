// F.scaled_dot_product_attention, F.multi_head_attention_forward.
//
// Both run on wt_attention_forward_f32: per batch and head, q @ k^T on the GEMM kernel, one fused
// pass for scale + masks + softmax (+ dropout factors), then P @ v on the GEMM kernel. The C op
// reads strided views, so MultiheadAttention's projections are used in PyTorch's [L, N, E] layout
// as they come out of F.linear (head h of batch n is a column block), without transposes or copies.

import { C, withInt32 } from '../../runtime.js';
import { tidy, _empty, _prod, _fmtShape, zeros, ones, cat, broadcastShapes } from '../../tensor.js';
import { bindArgs, checkBool, checkNumber, checkInt, nameOf, REQUIRED } from '../../args.js';
import { checkTensor, shapeErr } from './utils.js';
import { _linear } from './linear.js';
import { _dropout, _checkDropoutP } from './dropout.js';

const MASK = { none: 0, add: 1, block: 2, keep: 3 };

function sameShape(t, shape) {
  return t._shape.length === shape.length && t._shape.every((s, i) => s === shape[i]);
}

/**
 * Run wt_attention_forward_f32. Every operand is { t, st }: t._ptr() is its element (0, 0, 0, 0)
 * and st its [batch, head, row] strides in elements (columns contiguous). Masks are
 * { kind, t, st }. Writes out (and weights [N, H, L, S] when given).
 */
function runAttention({ N, H, L, S, E, Ev, q, k, v, out, masks = [], causal = false, drop = null, weights = null,
  scale }) {
  const m = [masks[0] ?? null, masks[1] ?? null];
  const params = [N, H, L, S, E, Ev, ...q.st, ...k.st, ...v.st, ...out.st, causal ? 1 : 0,
    m[0] ? MASK[m[0].kind] : 0, m[1] ? MASK[m[1].kind] : 0,
    ...(m[0] ? m[0].st : [0, 0, 0]), ...(m[1] ? m[1].st : [0, 0, 0])];
  withInt32([params], (pp) => C.wt_attention_forward_f32(pp, out.t._ptr(), weights ? weights._ptr() : 0,
    q.t._ptr(), k.t._ptr(), v.t._ptr(), m[0] ? m[0].t._ptr() : 0, m[1] ? m[1].t._ptr() : 0,
    drop ? drop._ptr() : 0, scale));
}

/** Dropout factors (0 or 1/(1-p)) for attention weights of `shape`, drawn as F.dropout draws them. */
function dropoutFactors(who, shape, p) {
  return _dropout(who, ones(shape), p, true, false);
}

// ---- scaled_dot_product_attention ---------------------------------------------------------------

/**
 * PyTorch 2.x's F.scaled_dot_product_attention(query, key, value, attn_mask=None, dropout_p=0.0,
 * is_causal=False, scale=None): softmax(q @ k^T * scale + mask) @ v over the last two dims,
 * batch dims broadcast. A bool attn_mask marks the positions that TAKE PART (True), a float one
 * is added; is_causal masks the upper triangle; dropout applies whenever dropout_p > 0.
 */
export function _scaledDotProductAttention(who, query, key, value, attn_mask, dropout_p, is_causal, scale) {
  checkTensor(who, 'query', query);
  checkTensor(who, 'key', key);
  checkTensor(who, 'value', value);
  checkTensor(who, 'attn_mask', attn_mask, { dtype: ['bool', 'float32'], optional: true });
  _checkDropoutP(who, dropout_p);
  checkBool(who, 'is_causal', is_causal);
  if (scale !== null) checkNumber(who, 'scale', scale);
  for (const [name, t] of [['query', query], ['key', key], ['value', value]]) {
    if (t._shape.length < 2) throw shapeErr(who, `${name} with at least 2 dimensions (..., sequence, features)`, t);
  }
  const [L, E] = query._shape.slice(-2);
  const [S, Ek] = key._shape.slice(-2);
  const [Sv, Ev] = value._shape.slice(-2);
  if (Ek !== E) throw shapeErr(who, `key with last dimension ${E} (the query's), as in query ${_fmtShape(query._shape)}`, key);
  if (Sv !== S) throw shapeErr(who, `value with ${S} rows (the key's sequence length) in dim -2`, value);
  const lead = broadcastShapes(who, broadcastShapes(who, query._shape.slice(0, -2), key._shape.slice(0, -2)),
    value._shape.slice(0, -2));
  if (attn_mask !== null) {
    if (is_causal) {
      throw new Error(`${nameOf(who)}: Explicit attn_mask should not be set when is_causal=True`);
    }
    const target = [...lead, L, S];
    const ok = attn_mask._shape.length <= target.length && attn_mask._shape.every((s, i) =>
      s === 1 || s === target[target.length - attn_mask._shape.length + i]);
    if (!ok) throw shapeErr(who, `attn_mask broadcastable to ${_fmtShape(target)}`, attn_mask);
  }
  if (E === 0) throw shapeErr(who, 'query and key with at least one feature', query);
  const B = _prod(lead);
  return tidy(() => {
    const out = _empty([...lead, L, Ev]);
    if (out.numel() === 0) return out;
    if (S === 0) return out.zero_();
    // Batch dims flatten into one (a view when the strides allow, a copy for odd broadcasts).
    // Masks may repeat one row (row stride 0); q, k, v rows must not overlap.
    const flat = (t, rows, cols, isMask = false) => {
      let f = t.expand([...lead, rows, cols]).reshape([B, rows, cols]);
      if ((cols > 1 && f._strides[2] !== 1) || (!isMask && rows > 1 && f._strides[1] < cols)) f = f.contiguous();
      return { t: f, st: [f._strides[0], 0, isMask || rows > 1 ? f._strides[1] : cols] };
    };
    const masks = attn_mask === null ? []
      : [{ kind: attn_mask.dtype === 'bool' ? 'keep' : 'add', ...flat(attn_mask, L, S, true) }];
    runAttention({
      N: B, H: 1, L, S, E, Ev, q: flat(query, L, E), k: flat(key, S, E), v: flat(value, S, Ev),
      out: { t: out, st: [L * Ev, 0, Ev] }, masks, causal: is_causal,
      drop: dropout_p > 0 ? dropoutFactors(who, [B, L, S], dropout_p) : null,
      scale: scale === null ? 1 / Math.sqrt(E) : scale,
    });
    return out;
  });
}

export function scaled_dot_product_attention(query, key, value, ...args) {
  const who = 'F.scaled_dot_product_attention';
  const o = bindArgs(who, args, [['attn_mask', null], ['dropout_p', 0.0], ['is_causal', false], ['scale', null]]);
  return _scaledDotProductAttention(who, query, key, value, o.attn_mask, o.dropout_p, o.is_causal, o.scale);
}

// ---- multi_head_attention_forward ---------------------------------------------------------------

const MHA_ARGS = [['query', REQUIRED], ['key', REQUIRED], ['value', REQUIRED], ['embed_dim_to_check', REQUIRED],
  ['num_heads', REQUIRED], ['in_proj_weight', REQUIRED], ['in_proj_bias', REQUIRED], ['bias_k', REQUIRED],
  ['bias_v', REQUIRED], ['add_zero_attn', REQUIRED], ['dropout_p', REQUIRED], ['out_proj_weight', REQUIRED],
  ['out_proj_bias', REQUIRED], ['training', true], ['key_padding_mask', null], ['need_weights', true],
  ['attn_mask', null], ['use_separate_proj_weight', false], ['q_proj_weight', null], ['k_proj_weight', null],
  ['v_proj_weight', null], ['static_k', null], ['static_v', null], ['average_attn_weights', true]];

// Everything PyTorch 1.13's multi_head_attention_forward asserts, checked before any wasm call.
function checkMha(who, o) {
  const { query, key, value } = o;
  for (const name of ['query', 'key', 'value', 'out_proj_weight']) checkTensor(who, name, o[name]);
  for (const name of ['in_proj_weight', 'in_proj_bias', 'bias_k', 'bias_v', 'out_proj_bias', 'q_proj_weight',
    'k_proj_weight', 'v_proj_weight', 'static_k', 'static_v']) checkTensor(who, name, o[name], { optional: true });
  checkTensor(who, 'key_padding_mask', o.key_padding_mask, { dtype: null, optional: true });
  checkTensor(who, 'attn_mask', o.attn_mask, { dtype: null, optional: true });
  checkInt(who, 'embed_dim_to_check', o.embed_dim_to_check, { min: 1 });
  checkInt(who, 'num_heads', o.num_heads, { min: 1 });
  for (const name of ['add_zero_attn', 'training', 'need_weights', 'use_separate_proj_weight', 'average_attn_weights']) {
    checkBool(who, name, o[name]);
  }
  _checkDropoutP(who, o.dropout_p);

  const kpm = o.key_padding_mask;
  const mask = o.attn_mask;
  const qd = query._shape.length;
  if (qd !== 2 && qd !== 3) {
    throw new Error(`${nameOf(who)}: query should be unbatched 2D or batched 3D tensor but received ${qd}-D query tensor ` +
      `of shape ${_fmtShape(query._shape)}`);
  }
  const batched = qd === 3;
  const kind = batched ? 'batched (3-D)' : 'unbatched (2-D)';
  if (key._shape.length !== qd || value._shape.length !== qd) {
    throw new Error(`${nameOf(who)}: For ${kind} \`query\`, expected \`key\` and \`value\` to be ${qd}-D but found ` +
      `${key._shape.length}-D and ${value._shape.length}-D tensors respectively`);
  }
  if (kpm !== null && kpm._shape.length !== qd - 1) {
    throw new Error(`${nameOf(who)}: For ${kind} \`query\`, expected \`key_padding_mask\` to be \`None\` or ${qd - 1}-D but found ` +
      `${kpm._shape.length}-D tensor instead`);
  }
  if (mask !== null && mask._shape.length !== 2 && mask._shape.length !== 3) {
    throw new Error(`${nameOf(who)}: For ${kind} \`query\`, expected \`attn_mask\` to be \`None\`, 2-D or 3-D but found ` +
      `${mask._shape.length}-D tensor instead`);
  }
  if (kpm !== null && kpm.dtype !== 'bool' && kpm.dtype !== 'float32') {
    throw new Error(`${nameOf(who)}: only bool and floating types of key_padding_mask are supported, got ${kpm.dtype}`);
  }
  if (mask !== null && mask.dtype !== 'bool' && mask.dtype !== 'float32') {
    throw new Error(`${nameOf(who)}: Only float, byte, and bool types are supported for attn_mask, not ${mask.dtype}`);
  }
  const [L, N, E] = batched ? query._shape : [query._shape[0], 1, query._shape[1]];
  const S = key._shape[0];
  const H = o.num_heads;
  if (E !== o.embed_dim_to_check) {
    throw new Error(`${nameOf(who)}: was expecting embedding dimension of ${o.embed_dim_to_check}, but got ${E} ` +
      `(query of shape ${_fmtShape(query._shape)})`);
  }
  if (E % H !== 0) throw new Error(`${nameOf(who)}: embed_dim ${E} not divisible by num_heads ${H}`);
  const hd = E / H;
  const kLead = key._shape.slice(0, -1);
  if (o.use_separate_proj_weight) {
    if (!sameShape(value, [...kLead, value._shape[qd - 1]])) {
      throw new Error(`${nameOf(who)}: key's sequence and batch dims ${_fmtShape(kLead)} do not match value's ` +
        `${_fmtShape(value._shape.slice(0, -1))}`);
    }
  } else if (!sameShape(value, key._shape)) {
    throw new Error(`${nameOf(who)}: key shape ${_fmtShape(key._shape)} does not match value shape ${_fmtShape(value._shape)}`);
  }
  if (batched && key._shape[1] !== N) {
    throw shapeErr(who, `key and value with batch size ${N} (the query's) in dim 1`, key);
  }
  if (o.use_separate_proj_weight) {
    const Ek = key._shape[qd - 1];
    const Ev = value._shape[qd - 1];
    for (const [name, t, cols, arg] of [['q_proj_weight', o.q_proj_weight, E, 'query'],
      ['k_proj_weight', o.k_proj_weight, Ek, 'key'], ['v_proj_weight', o.v_proj_weight, Ev, 'value']]) {
      if (t === null) throw new Error(`${nameOf(who)}: use_separate_proj_weight is True but ${name} is None`);
      if (!sameShape(t, [E, cols])) {
        throw new Error(`${nameOf(who)}: expected ${name} of shape [${E}, ${cols}] (embed_dim, the ${arg}'s features), ` +
          `got ${_fmtShape(t._shape)}`);
      }
    }
  } else {
    if (o.in_proj_weight === null) throw new Error(`${nameOf(who)}: use_separate_proj_weight is False but in_proj_weight is None`);
    if (!sameShape(o.in_proj_weight, [3 * E, E])) throw shapeErr(who, `in_proj_weight of shape [${3 * E}, ${E}]`, o.in_proj_weight);
    if (key._shape[qd - 1] !== E) throw shapeErr(who, `key and value with ${E} features (embed_dim) in the last dim`, key);
  }
  if (o.in_proj_bias !== null && !sameShape(o.in_proj_bias, [3 * E])) {
    throw shapeErr(who, `in_proj_bias of shape [${3 * E}]`, o.in_proj_bias);
  }
  if (!sameShape(o.out_proj_weight, [E, E])) throw shapeErr(who, `out_proj_weight of shape [${E}, ${E}]`, o.out_proj_weight);
  if (o.out_proj_bias !== null && !sameShape(o.out_proj_bias, [E])) throw shapeErr(who, `out_proj_bias of shape [${E}]`, o.out_proj_bias);
  if ((o.bias_k === null) !== (o.bias_v === null)) {
    throw new Error(`${nameOf(who)}: bias_k and bias_v must both be given or both be None`);
  }
  if (o.bias_k !== null) {
    if (o.static_k !== null) throw new Error(`${nameOf(who)}: bias cannot be added to static key.`);
    if (o.static_v !== null) throw new Error(`${nameOf(who)}: bias cannot be added to static value.`);
    for (const name of ['bias_k', 'bias_v']) {
      if (!sameShape(o[name], [1, 1, E])) throw shapeErr(who, `${name} of shape [1, 1, ${E}]`, o[name]);
    }
  }
  for (const name of ['static_k', 'static_v']) {
    const t = o[name];
    if (t !== null && (t._shape.length !== 3 || t._shape[0] !== N * H || t._shape[2] !== hd)) {
      throw shapeErr(who, `${name} of shape [${N * H}, source length, ${hd}] (batch * num_heads, S, head_dim)`, t);
    }
  }
  const Sk = o.static_k !== null ? o.static_k._shape[1] : S;
  const Sv = o.static_v !== null ? o.static_v._shape[1] : S;
  if (Sk !== Sv) throw new Error(`${nameOf(who)}: keys (${Sk}) and values (${Sv}) have different source lengths`);
  if (mask !== null) {
    const want = mask._shape.length === 2 ? [L, Sk] : [N * H, L, Sk];
    if (!sameShape(mask, want)) {
      throw new Error(`${nameOf(who)}: The shape of the ${mask._shape.length}D attn_mask is ${_fmtShape(mask._shape)}, but should be ` +
        `${_fmtShape(want)}.`);
    }
  }
  if (kpm !== null) {
    const want = batched ? [N, Sk] : [Sk];
    if (!sameShape(kpm, want)) throw shapeErr(who, `key_padding_mask of shape ${_fmtShape(want)}`, kpm);
  }
  return { batched, L, N, E, S: Sk, H, hd };
}

/** A [rows, N, width] tensor (last stride 1) read as heads: head h of batch n is the column block h*hd. */
function seqFirst(t, hd) {
  return { t, st: [t._strides[1], hd, t._strides[0]] };
}

/** Columns [c0, c0 + cols) of a [rows, N, width] tensor, as a view. */
function columns(t, c0, cols) {
  return t._viewAs([t._shape[0], t._shape[1], cols], t._strides.slice(), t._offset + c0 * t._strides[2]);
}

/** Rows [r0, r0 + n) of a matrix or vector, as a view. */
function rows(t, r0, n) {
  if (t === null) return null;
  return t._viewAs([n, ...t._shape.slice(1)], t._strides.slice(), t._offset + r0 * t._strides[0]);
}

/** Append one column of zeros (False for bool masks) to the last dim. */
function padLast(t) {
  return cat([t, zeros([...t._shape.slice(0, -1), 1], { dtype: t.dtype })], -1);
}

export function _multiHeadAttentionForward(who, o) {
  const { batched, L, N, E, H, hd } = checkMha(who, o);
  return tidy(() => {
    let { query, key, value, key_padding_mask: kpm, attn_mask: mask } = o;
    // Self-attention and encoder-decoder attention share one projection GEMM, as in PyTorch.
    const selfAttn = query === key && key === value;
    const kvShared = key === value;
    if (!batched) {
      query = query.unsqueeze(1);
      key = key.unsqueeze(1);
      value = value.unsqueeze(1);
      if (kpm !== null) kpm = kpm.unsqueeze(0);
    }
    const w = o.in_proj_weight;
    const b = o.in_proj_bias;
    let q;
    let k;
    let v;
    if (o.use_separate_proj_weight) {
      q = _linear(who, query, o.q_proj_weight, rows(b, 0, E));
      k = _linear(who, key, o.k_proj_weight, rows(b, E, E));
      v = _linear(who, value, o.v_proj_weight, rows(b, 2 * E, E));
    } else if (selfAttn) {
      const qkv = _linear(who, query, w, b, o._in_proj_packed ?? null);
      [q, k, v] = [columns(qkv, 0, E), columns(qkv, E, E), columns(qkv, 2 * E, E)];
    } else if (kvShared) {
      q = _linear(who, query, rows(w, 0, E), rows(b, 0, E));
      const kv = _linear(who, key, rows(w, E, 2 * E), rows(b, E, 2 * E));
      [k, v] = [columns(kv, 0, E), columns(kv, E, E)];
    } else {
      q = _linear(who, query, rows(w, 0, E), rows(b, 0, E));
      k = _linear(who, key, rows(w, E, E), rows(b, E, E));
      v = _linear(who, value, rows(w, 2 * E, E), rows(b, 2 * E, E));
    }
    if (o.bias_k !== null) {
      k = cat([k, o.bias_k.expand([1, N, E])]);
      v = cat([v, o.bias_v.expand([1, N, E])]);
      if (mask !== null) mask = padLast(mask);
      if (kpm !== null) kpm = padLast(kpm);
    }
    // static_k/static_v come per head: [N*H, S, hd].
    const perHead = (t) => {
      const c = t.contiguous();
      return { t: c, st: [H * c._strides[0], c._strides[0], c._strides[1]] };
    };
    let kOp = o.static_k !== null ? null : k;
    let vOp = o.static_v !== null ? null : v;
    if (o.add_zero_attn) {
      if (kOp !== null) kOp = cat([kOp, zeros([1, N, E])]);
      if (vOp !== null) vOp = cat([vOp, zeros([1, N, E])]);
      if (mask !== null) mask = padLast(mask);
      if (kpm !== null) kpm = padLast(kpm);
    }
    const kA = kOp !== null ? seqFirst(kOp, hd)
      : perHead(o.add_zero_attn ? cat([o.static_k, zeros([N * H, 1, hd])], 1) : o.static_k);
    const vA = vOp !== null ? seqFirst(vOp, hd)
      : perHead(o.add_zero_attn ? cat([o.static_v, zeros([N * H, 1, hd])], 1) : o.static_v);
    const S = kOp !== null ? kOp._shape[0] : kA.t._shape[1];

    const masks = [];
    if (mask !== null && kpm !== null && mask.dtype === 'float32' && kpm.dtype === 'float32') {
      // Two float masks add up, as in PyTorch 2.x (1.13's masked_fill with a float mask silently
      // ignored the padding mask).
      const m4 = mask.reshape(mask._shape.length === 2 ? [1, 1, L, S] : [N, H, L, S]).add(kpm.reshape([N, 1, 1, S]));
      const st = [m4._strides[0], m4._shape[1] === 1 ? 0 : m4._strides[1], m4._strides[2]];
      masks.push({ kind: 'add', t: m4, st });
      mask = null;
      kpm = null;
    }
    if (mask !== null) {
      mask = mask.contiguous();
      const st = mask._shape.length === 2 ? [0, 0, mask._strides[0]] : [H * mask._strides[0], mask._strides[0], mask._strides[1]];
      masks.push({ kind: mask.dtype === 'bool' ? 'block' : 'add', t: mask, st });
    }
    if (kpm !== null) {
      // PyTorch 1.13 merges a float key_padding_mask into a bool attn_mask with logical_or.
      if (mask !== null && mask.dtype === 'bool' && kpm.dtype !== 'bool') kpm = kpm.to('bool');
      kpm = kpm.contiguous();
      masks.push({ kind: kpm.dtype === 'bool' ? 'block' : 'add', t: kpm, st: [kpm._strides[0], 0, 0] });
    }
    const dropout_p = o.training ? o.dropout_p : 0;
    const attn = _empty([L, N, E]);
    const weights = o.need_weights ? _empty([N, H, L, S]) : null;
    // An empty key sequence attends to nothing: PyTorch's bmm over S = 0 gives zeros.
    if (attn.numel() > 0 && S === 0) attn.zero_();
    else if (attn.numel() > 0) {
      runAttention({
        N, H, L, S, E: hd, Ev: hd, q: seqFirst(q, hd), k: kA, v: vA, out: seqFirst(attn, hd), masks,
        drop: dropout_p > 0 ? dropoutFactors(who, [N, H, L, S], dropout_p) : null, weights,
        scale: 1 / Math.sqrt(hd),
      });
    }
    let out = _linear(who, attn, o.out_proj_weight, o.out_proj_bias, o._out_proj_packed ?? null);
    let avg = weights;
    if (weights !== null && o.average_attn_weights) avg = weights.sum(1).div(H);
    if (!batched) {
      out = out.squeeze(1);
      if (avg !== null) avg = avg.squeeze(0);
    }
    return [out, avg];
  });
}

/** F.multi_head_attention_forward with PyTorch 1.13's signature; returns [attn_output, attn_weights | null]. */
export function multi_head_attention_forward(...args) {
  const who = 'F.multi_head_attention_forward';
  return _multiHeadAttentionForward(who, bindArgs(who, args, MHA_ARGS));
}
