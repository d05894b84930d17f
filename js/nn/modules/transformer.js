// MultiheadAttention, TransformerEncoderLayer, TransformerDecoderLayer, TransformerEncoder,
// TransformerDecoder, Transformer — PyTorch 1.13's torch/nn/modules/{activation,transformer}.py:
// the same children in the same order (so state_dicts load unchanged), the same reprs, the same
// initialisation draws.

import { Module, deepcopy } from '../module.js';
import { ModuleList } from '../container.js';
import { Linear } from './linear.js';
import { LayerNorm } from './norm.js';
import { Dropout } from './dropout.js';
import { ReLU, GELU } from './activation.js';
import * as init from '../init.js';
import { _multiHeadAttentionForward } from '../functional/attention.js';
import { relu, gelu } from '../functional/activation.js';
import { checkTensor, shapeErr } from '../functional/utils.js';
import { tidy, tensor, _fmtShape } from '../../tensor.js';
import { bindArgs, checkInt, checkBool, checkNumber, describe, nameOf, REQUIRED } from '../../args.js';
import { newParameter, checkFactoryKwargs } from './utils.js';
import { packedWeights } from '../packed.js';

/** PyTorch's out_proj class: a Linear that only differs in its name (it opts out of dynamic quantization). */
export class NonDynamicallyQuantizableLinear extends Linear {}

export class MultiheadAttention extends Module {
  constructor(...args) {
    super();
    const who = 'MultiheadAttention';
    const o = bindArgs(who, args, [['embed_dim', REQUIRED], ['num_heads', REQUIRED], ['dropout', 0.0], ['bias', true],
      ['add_bias_kv', false], ['add_zero_attn', false], ['kdim', null], ['vdim', null], ['batch_first', false],
      ['device', null], ['dtype', null]]);
    checkFactoryKwargs(who, o);
    this.embed_dim = checkInt(who, 'embed_dim', o.embed_dim, { min: 1 });
    this.kdim = o.kdim === null ? this.embed_dim : checkInt(who, 'kdim', o.kdim, { min: 1 });
    this.vdim = o.vdim === null ? this.embed_dim : checkInt(who, 'vdim', o.vdim, { min: 1 });
    this._qkv_same_embed_dim = this.kdim === this.embed_dim && this.vdim === this.embed_dim;
    this.num_heads = checkInt(who, 'num_heads', o.num_heads, { min: 1 });
    this.dropout = checkNumber(who, 'dropout', o.dropout);
    if (this.dropout < 0 || this.dropout > 1) {
      throw new Error(`${who}: dropout probability has to be between 0 and 1, but got ${this.dropout}`);
    }
    this.batch_first = checkBool(who, 'batch_first', o.batch_first);
    this.head_dim = Math.floor(this.embed_dim / this.num_heads);
    if (this.head_dim * this.num_heads !== this.embed_dim) {
      throw new Error(`${who}: embed_dim must be divisible by num_heads, got embed_dim=${this.embed_dim} and ` +
        `num_heads=${this.num_heads}`);
    }
    checkBool(who, 'bias', o.bias);
    checkBool(who, 'add_bias_kv', o.add_bias_kv);
    this.add_zero_attn = checkBool(who, 'add_zero_attn', o.add_zero_attn);
    const E = this.embed_dim;
    if (!this._qkv_same_embed_dim) {
      this.q_proj_weight = newParameter([E, E]);
      this.k_proj_weight = newParameter([E, this.kdim]);
      this.v_proj_weight = newParameter([E, this.vdim]);
      this.register_parameter('in_proj_weight', null);
    } else {
      this.in_proj_weight = newParameter([3 * E, E]);
      this.register_parameter('q_proj_weight', null);
      this.register_parameter('k_proj_weight', null);
      this.register_parameter('v_proj_weight', null);
    }
    if (o.bias) this.in_proj_bias = newParameter([3 * E]);
    else this.register_parameter('in_proj_bias', null);
    this.out_proj = new NonDynamicallyQuantizableLinear(E, E, { bias: o.bias });
    if (o.add_bias_kv) {
      this.bias_k = newParameter([1, 1, E]);
      this.bias_v = newParameter([1, 1, E]);
    } else {
      // Plain attributes, as PyTorch's `self.bias_k = self.bias_v = None`.
      this.bias_k = null;
      this.bias_v = null;
    }
    this._reset_parameters();
  }

  _reset_parameters() {
    if (this._qkv_same_embed_dim) {
      init.xavier_uniform_(this.in_proj_weight);
    } else {
      init.xavier_uniform_(this.q_proj_weight);
      init.xavier_uniform_(this.k_proj_weight);
      init.xavier_uniform_(this.v_proj_weight);
    }
    if (this.in_proj_bias !== null) {
      init.constant_(this.in_proj_bias, 0);
      init.constant_(this.out_proj.bias, 0);
    }
    if (this.bias_k !== null) init.xavier_normal_(this.bias_k);
    if (this.bias_v !== null) init.xavier_normal_(this.bias_v);
  }

  /** forward(query, key, value, { key_padding_mask, need_weights, attn_mask, average_attn_weights }) */
  forward(query, key, value, ...args) {
    const o = bindArgs(this, args, [['key_padding_mask', null], ['need_weights', true], ['attn_mask', null],
      ['average_attn_weights', true]]);
    for (const [name, t, dim] of [['query', query, this.embed_dim], ['key', key, this.kdim], ['value', value, this.vdim]]) {
      checkTensor(this, name, t);
      const n = t._shape.length;
      if (n !== 2 && n !== 3) {
        throw shapeErr(this, `${name} of shape (L, ${dim}) unbatched or ${this.batch_first ? '(N, L' : '(L, N'}, ${dim}) batched`, t);
      }
      if (t._shape[n - 1] !== dim) {
        const what = name === 'query' ? 'embed_dim' : name === 'key' ? 'kdim' : 'vdim';
        throw shapeErr(this, `${name} with ${dim} features (${what}) in the last dim`, t);
      }
    }
    const batched = query._shape.length === 3;
    if (this.batch_first && batched) {
      // Transposed views that keep `query is key is value` visible to the projection (one GEMM
      // for self-attention, one for the shared key/value of encoder-decoder attention).
      const kt = key === query ? null : key.transpose(1, 0);
      const vt = value === key ? null : value.transpose(1, 0);
      query = query.transpose(1, 0);
      key = kt ?? query;
      value = vt ?? key;
    }
    const [out, weights] = _multiHeadAttentionForward(this, {
      query, key, value, embed_dim_to_check: this.embed_dim, num_heads: this.num_heads,
      in_proj_weight: this.in_proj_weight, in_proj_bias: this.in_proj_bias, bias_k: this.bias_k, bias_v: this.bias_v,
      add_zero_attn: this.add_zero_attn, dropout_p: this.dropout, out_proj_weight: this.out_proj.weight,
      out_proj_bias: this.out_proj.bias, training: this.training, key_padding_mask: o.key_padding_mask,
      need_weights: o.need_weights, attn_mask: o.attn_mask, use_separate_proj_weight: !this._qkv_same_embed_dim,
      q_proj_weight: this.q_proj_weight, k_proj_weight: this.k_proj_weight, v_proj_weight: this.v_proj_weight,
      static_k: null, static_v: null, average_attn_weights: o.average_attn_weights,
      // the layer's packed-weight caches (js/nn/packed.js): self-attention's one projection GEMM
      // and the output projection reuse their packed weights across calls
      _in_proj_packed: packedWeights(this), _out_proj_packed: packedWeights(this.out_proj),
    });
    return [this.batch_first && batched ? out.transpose(1, 0) : out, weights];
  }
}

// ---- the Transformer family -----------------------------------------------------------------

const LAYER_ARGS = [['d_model', REQUIRED], ['nhead', REQUIRED], ['dim_feedforward', 2048], ['dropout', 0.1],
  ['activation', relu], ['layer_norm_eps', 1e-5], ['batch_first', false], ['norm_first', false], ['device', null],
  ['dtype', null]];

/** PyTorch's _get_activation_fn for strings; functions and Modules are used as given. */
function activationFn(who, activation) {
  if (activation === 'relu') return relu;
  if (activation === 'gelu') return gelu;
  if (typeof activation === 'string') throw new Error(`${who}: activation should be relu/gelu, not ${activation}`);
  if (typeof activation === 'function' || activation instanceof Module) return activation;
  throw new Error(`${who}: activation must be 'relu', 'gelu', a function or a Module, got ${describe(activation)}`);
}

/** The checks and the feed-forward children both layer kinds share; returns the bound arguments. */
function layerArgs(who, args) {
  const o = bindArgs(who, args, LAYER_ARGS);
  checkFactoryKwargs(who, o);
  checkInt(who, 'd_model', o.d_model, { min: 1 });
  checkInt(who, 'nhead', o.nhead, { min: 1 });
  if (o.d_model % o.nhead !== 0) {
    throw new Error(`${who}: d_model must be divisible by nhead, got d_model=${o.d_model} and nhead=${o.nhead}`);
  }
  checkInt(who, 'dim_feedforward', o.dim_feedforward, { min: 1 });
  checkNumber(who, 'layer_norm_eps', o.layer_norm_eps);
  checkBool(who, 'norm_first', o.norm_first);
  o.activation = activationFn(who, o.activation);
  return o;
}

function feedForwardChildren(layer, o) {
  layer.linear1 = new Linear(o.d_model, o.dim_feedforward);
  layer.dropout = new Dropout(o.dropout);
  layer.linear2 = new Linear(o.dim_feedforward, o.d_model);
  layer.norm_first = o.norm_first;
}

/** Shared forward pieces of the encoder and decoder layers. */
class TransformerLayerBase extends Module {
  _activate(x) {
    return this.activation instanceof Module ? this.activation.forward(x) : this.activation(x);
  }

  _ff_block(x, out_dropout) {
    return out_dropout.forward(this.linear2.forward(this.dropout.forward(this._activate(this.linear1.forward(x)))));
  }

  _attn_block(attn, x, mem, attn_mask, key_padding_mask, out_dropout) {
    const [y] = attn.forward(x, mem, mem, { attn_mask, key_padding_mask, need_weights: false });
    return out_dropout.forward(y);
  }

  /** A 2-D (unbatched) or 3-D input with d_model features. */
  _checkInput(name, t) {
    checkTensor(this, name, t);
    const d = this.self_attn.embed_dim;
    const n = t._shape.length;
    if ((n !== 2 && n !== 3) || t._shape[n - 1] !== d) {
      throw shapeErr(this, `${name} of shape (S, ${d}) unbatched or ${this.self_attn.batch_first ? '(N, S' : '(S, N'}, ` +
        `${d}) batched, with ${d} = d_model features`, t);
    }
  }
}

function checkPaddingMaskDtype(who, name, mask) {
  if (mask !== null && mask.dtype !== 'bool' && mask.dtype !== 'float32') {
    throw new Error(`${nameOf(who)}: only bool and floating types of key_padding_mask are supported, got ${name} of ` +
      `dtype ${mask.dtype}`);
  }
}

export class TransformerEncoderLayer extends TransformerLayerBase {
  constructor(...args) {
    super();
    const o = layerArgs('TransformerEncoderLayer', args);
    this.self_attn = new MultiheadAttention(o.d_model, o.nhead, { dropout: o.dropout, batch_first: o.batch_first });
    feedForwardChildren(this, o);
    this.norm1 = new LayerNorm(o.d_model, { eps: o.layer_norm_eps });
    this.norm2 = new LayerNorm(o.d_model, { eps: o.layer_norm_eps });
    this.dropout1 = new Dropout(o.dropout);
    this.dropout2 = new Dropout(o.dropout);
    // Which activations PyTorch's fast paths accept (TransformerEncoder's padding rule below).
    const a = o.activation;
    this.activation_relu_or_gelu = a === relu || a instanceof ReLU ? 1 : a === gelu || a instanceof GELU ? 2 : 0;
    this.activation = a;
  }

  /** forward(src, src_mask = null, src_key_padding_mask = null) */
  forward(src, ...args) {
    const o = bindArgs(this, args, [['src_mask', null], ['src_key_padding_mask', null]]);
    this._checkInput('src', src);
    checkPaddingMaskDtype(this, 'src_key_padding_mask', o.src_key_padding_mask);
    const sa = (x) => this._attn_block(this.self_attn, x, x, o.src_mask, o.src_key_padding_mask, this.dropout1);
    let x = src;
    if (this.norm_first) {
      x = x.add(sa(this.norm1.forward(x)));
      x = x.add(this._ff_block(this.norm2.forward(x), this.dropout2));
    } else {
      x = this.norm1.forward(x.add(sa(x)));
      x = this.norm2.forward(x.add(this._ff_block(x, this.dropout2)));
    }
    return x;
  }
}

export class TransformerDecoderLayer extends TransformerLayerBase {
  constructor(...args) {
    super();
    const o = layerArgs('TransformerDecoderLayer', args);
    this.self_attn = new MultiheadAttention(o.d_model, o.nhead, { dropout: o.dropout, batch_first: o.batch_first });
    this.multihead_attn = new MultiheadAttention(o.d_model, o.nhead, { dropout: o.dropout, batch_first: o.batch_first });
    feedForwardChildren(this, o);
    this.norm1 = new LayerNorm(o.d_model, { eps: o.layer_norm_eps });
    this.norm2 = new LayerNorm(o.d_model, { eps: o.layer_norm_eps });
    this.norm3 = new LayerNorm(o.d_model, { eps: o.layer_norm_eps });
    this.dropout1 = new Dropout(o.dropout);
    this.dropout2 = new Dropout(o.dropout);
    this.dropout3 = new Dropout(o.dropout);
    this.activation = o.activation;
  }

  /** forward(tgt, memory, tgt_mask, memory_mask, tgt_key_padding_mask, memory_key_padding_mask), all masks optional. */
  forward(tgt, memory, ...args) {
    const o = bindArgs(this, args, [['tgt_mask', null], ['memory_mask', null], ['tgt_key_padding_mask', null],
      ['memory_key_padding_mask', null]]);
    this._checkInput('tgt', tgt);
    this._checkInput('memory', memory);
    if (tgt._shape.length !== memory._shape.length) {
      throw new Error(`${nameOf(this)}: tgt and memory must both be batched (3-D) or both unbatched (2-D), got ` +
        `${_fmtShape(tgt._shape)} and ${_fmtShape(memory._shape)}`);
    }
    const bdim = this.self_attn.batch_first ? 0 : 1;
    if (tgt._shape.length === 3 && tgt._shape[bdim] !== memory._shape[bdim]) {
      throw new Error(`${nameOf(this)}: the batch number of tgt and memory must be equal, got ${_fmtShape(tgt._shape)} ` +
        `and ${_fmtShape(memory._shape)} (batch dim ${bdim})`);
    }
    checkPaddingMaskDtype(this, 'tgt_key_padding_mask', o.tgt_key_padding_mask);
    checkPaddingMaskDtype(this, 'memory_key_padding_mask', o.memory_key_padding_mask);
    const sa = (x) => this._attn_block(this.self_attn, x, x, o.tgt_mask, o.tgt_key_padding_mask, this.dropout1);
    const mha = (x) => this._attn_block(this.multihead_attn, x, memory, o.memory_mask, o.memory_key_padding_mask,
      this.dropout2);
    let x = tgt;
    if (this.norm_first) {
      x = x.add(sa(this.norm1.forward(x)));
      x = x.add(mha(this.norm2.forward(x)));
      x = x.add(this._ff_block(this.norm3.forward(x), this.dropout3));
    } else {
      x = this.norm1.forward(x.add(sa(x)));
      x = this.norm2.forward(x.add(mha(x)));
      x = this.norm3.forward(x.add(this._ff_block(x, this.dropout3)));
    }
    return x;
  }
}

/** PyTorch's _get_clones: a ModuleList of num_layers independent deep copies. */
function clones(who, layer, num_layers) {
  if (!(layer instanceof Module)) throw new Error(`${who}: expected a layer Module, got ${describe(layer)}`);
  checkInt(who, 'num_layers', num_layers, { min: 0 });
  return new ModuleList(Array.from({ length: num_layers }, () => deepcopy(layer)));
}

function checkNorm(who, norm) {
  if (norm !== null && !(norm instanceof Module)) throw new Error(`${who}: norm must be a Module or None, got ${describe(norm)}`);
  return norm;
}

/** True where a [N, S] key padding mask pads only a suffix of each sequence (PyTorch's "left aligned"). */
function leftAligned(padded, N, S) {
  for (let n = 0; n < N; n++) {
    for (let s = 1; s < S; s++) if (padded[n * S + s - 1] && !padded[n * S + s]) return false;
  }
  return true;
}

export class TransformerEncoder extends Module {
  constructor(...args) {
    super();
    const who = 'TransformerEncoder';
    const o = bindArgs(who, args, [['encoder_layer', REQUIRED], ['num_layers', REQUIRED], ['norm', null],
      ['enable_nested_tensor', true], ['mask_check', true]]);
    this.layers = clones(who, o.encoder_layer, o.num_layers);
    this.num_layers = o.num_layers;
    this.norm = checkNorm(who, o.norm);
    this.enable_nested_tensor = checkBool(who, 'enable_nested_tensor', o.enable_nested_tensor);
    this.mask_check = checkBool(who, 'mask_check', o.mask_check);
  }

  /**
   * PyTorch (no_grad, eval) turns a batch_first input with a left-aligned key padding mask into a
   * nested tensor when the first layer allows its fast path: padded positions are then not computed
   * and come out as zeros. Returns the [N, S] padded flags in that case, else null.
   */
  _nestedPadding(src, mask, kpm) {
    const first = this.layers.length ? this.layers.at(0) : null;
    if (!(first instanceof TransformerEncoderLayer) || first.norm_first || first.training || kpm === null ||
        mask !== null || !first.self_attn.batch_first || !first.self_attn._qkv_same_embed_dim ||
        !first.activation_relu_or_gelu || first.norm1.eps !== first.norm2.eps || src._shape.length !== 3 ||
        !this.enable_nested_tensor || first.self_attn.num_heads % 2 === 1) return null;
    const [N, S] = src._shape;
    // A mask of the wrong shape is left to the attention's own error.
    if (kpm._shape.length !== 2 || kpm._shape[0] !== N || kpm._shape[1] !== S) return null;
    const padded = kpm.to('bool').toTypedArray();
    return this.mask_check && !leftAligned(padded, N, S) ? null : padded;
  }

  /** forward(src, mask = null, src_key_padding_mask = null) */
  forward(src, ...args) {
    const o = bindArgs(this, args, [['mask', null], ['src_key_padding_mask', null]]);
    checkTensor(this, 'src', src);
    let kpm = checkTensor(this, 'src_key_padding_mask', o.src_key_padding_mask, { dtype: null, optional: true });
    checkPaddingMaskDtype(this, 'src_key_padding_mask', kpm);
    if (this.layers.length === 0) throw new Error(`${nameOf(this)}: has no layers (num_layers = 0)`);
    const padded = this._nestedPadding(src, o.mask, kpm);
    // On the nested path PyTorch reads the mask as bool (nonzero = padding).
    if (padded !== null) kpm = kpm.to('bool');
    let output = src;
    for (const layer of this.layers) output = layer.forward(output, { src_mask: o.mask, src_key_padding_mask: kpm });
    if (padded !== null) {
      output = output.contiguous();
      const v = output._view();
      const E = output._shape[2];
      padded.forEach((p, i) => { if (p) v.fill(0, i * E, (i + 1) * E); });
    }
    if (this.norm !== null) output = this.norm.forward(output);
    return output;
  }
}

export class TransformerDecoder extends Module {
  constructor(...args) {
    super();
    const who = 'TransformerDecoder';
    const o = bindArgs(who, args, [['decoder_layer', REQUIRED], ['num_layers', REQUIRED], ['norm', null]]);
    this.layers = clones(who, o.decoder_layer, o.num_layers);
    this.num_layers = o.num_layers;
    this.norm = checkNorm(who, o.norm);
  }

  /** forward(tgt, memory, tgt_mask, memory_mask, tgt_key_padding_mask, memory_key_padding_mask), all masks optional. */
  forward(tgt, memory, ...args) {
    const o = bindArgs(this, args, [['tgt_mask', null], ['memory_mask', null], ['tgt_key_padding_mask', null],
      ['memory_key_padding_mask', null]]);
    checkTensor(this, 'tgt', tgt);
    checkTensor(this, 'memory', memory);
    let output = tgt;
    for (const layer of this.layers) output = layer.forward(output, memory, o);
    if (this.norm !== null) output = this.norm.forward(output);
    return output;
  }
}

export class Transformer extends Module {
  constructor(...args) {
    super();
    const who = 'Transformer';
    const o = bindArgs(who, args, [['d_model', 512], ['nhead', 8], ['num_encoder_layers', 6], ['num_decoder_layers', 6],
      ['dim_feedforward', 2048], ['dropout', 0.1], ['activation', relu], ['custom_encoder', null],
      ['custom_decoder', null], ['layer_norm_eps', 1e-5], ['batch_first', false], ['norm_first', false],
      ['device', null], ['dtype', null]]);
    checkFactoryKwargs(who, o);
    const layer = [o.d_model, o.nhead, o.dim_feedforward, o.dropout, o.activation, o.layer_norm_eps, o.batch_first,
      o.norm_first];
    for (const name of ['custom_encoder', 'custom_decoder']) {
      if (o[name] !== null && !(o[name] instanceof Module)) {
        throw new Error(`${who}: ${name} must be a Module or None, got ${describe(o[name])}`);
      }
    }
    if (o.custom_encoder !== null) {
      this.encoder = o.custom_encoder;
    } else {
      const encoderLayer = new TransformerEncoderLayer(...layer);
      const encoderNorm = new LayerNorm(o.d_model, { eps: o.layer_norm_eps });
      this.encoder = new TransformerEncoder(encoderLayer, o.num_encoder_layers, encoderNorm);
    }
    if (o.custom_decoder !== null) {
      this.decoder = o.custom_decoder;
    } else {
      const decoderLayer = new TransformerDecoderLayer(...layer);
      const decoderNorm = new LayerNorm(o.d_model, { eps: o.layer_norm_eps });
      this.decoder = new TransformerDecoder(decoderLayer, o.num_decoder_layers, decoderNorm);
    }
    this._reset_parameters();
    this.d_model = o.d_model;
    this.nhead = o.nhead;
    this.batch_first = checkBool(who, 'batch_first', o.batch_first);
  }

  _reset_parameters() {
    for (const p of this.parameters()) if (p.dim() > 1) init.xavier_uniform_(p);
  }

  /** forward(src, tgt, src_mask, tgt_mask, memory_mask, src_key_padding_mask, tgt_key_padding_mask, memory_key_padding_mask) */
  forward(src, tgt, ...args) {
    const o = bindArgs(this, args, [['src_mask', null], ['tgt_mask', null], ['memory_mask', null],
      ['src_key_padding_mask', null], ['tgt_key_padding_mask', null], ['memory_key_padding_mask', null]]);
    checkTensor(this, 'src', src);
    checkTensor(this, 'tgt', tgt);
    const batched = src._shape.length === 3;
    const bdim = this.batch_first ? 0 : 1;
    if (batched && src._shape[bdim] !== tgt._shape[bdim]) {
      throw new Error(`${nameOf(this)}: the batch number of src and tgt must be equal, got src ${_fmtShape(src._shape)} ` +
        `and tgt ${_fmtShape(tgt._shape)} (batch dim ${bdim})`);
    }
    if (src._shape[src._shape.length - 1] !== this.d_model || tgt._shape[tgt._shape.length - 1] !== this.d_model) {
      throw new Error(`${nameOf(this)}: the feature number of src and tgt must be equal to d_model (${this.d_model}), ` +
        `got src ${_fmtShape(src._shape)} and tgt ${_fmtShape(tgt._shape)}`);
    }
    const memory = this.encoder.forward(src, { mask: o.src_mask, src_key_padding_mask: o.src_key_padding_mask });
    return this.decoder.forward(tgt, memory, { tgt_mask: o.tgt_mask, memory_mask: o.memory_mask,
      tgt_key_padding_mask: o.tgt_key_padding_mask, memory_key_padding_mask: o.memory_key_padding_mask });
  }

  /** A [sz, sz] float mask: -inf above the diagonal, 0 elsewhere (a position sees itself and earlier ones). */
  static generate_square_subsequent_mask(...args) {
    const o = bindArgs('Transformer.generate_square_subsequent_mask', args, [['sz', REQUIRED], ['device', 'cpu']]);
    const sz = checkInt('Transformer.generate_square_subsequent_mask', 'sz', o.sz, { min: 0 });
    const values = new Float32Array(sz * sz);
    for (let i = 0; i < sz; i++) values.fill(-Infinity, i * sz + i + 1, (i + 1) * sz);
    return tidy(() => tensor(values).reshape([sz, sz]));
  }
}
