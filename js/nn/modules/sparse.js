// Embedding, EmbeddingBag.

import { Module } from '../module.js';
import { Tensor, Parameter } from '../../tensor.js';
import * as init from '../init.js';
import { _embedding, _embedding_bag, checkPaddingIdx, checkBagMode } from '../functional/sparse.js';
import { bindArgs, checkInt, checkBool, checkNumber, describe, REQUIRED } from '../../args.js';
import { py, pyFloat, newParameter, checkFactoryKwargs } from './utils.js';

const ARGS = [['num_embeddings', REQUIRED], ['embedding_dim', REQUIRED], ['padding_idx', null], ['max_norm', null],
  ['norm_type', 2.0], ['scale_grad_by_freq', false], ['sparse', false], ['_weight', null], ['device', null], ['dtype', null]];

/** A given `_weight`: a float32 [num, dim] tensor, used as the Parameter (shared, not copied). */
function checkPretrainedWeight(who, w, num, dim) {
  if (!(w instanceof Tensor) || w.dtype !== 'float32' || w._shape.length !== 2 || w._shape[0] !== num || w._shape[1] !== dim) {
    throw new Error(`${who}: Shape of weight does not match num_embeddings and embedding_dim: expected a float32 ` +
      `tensor of shape [${num}, ${dim}], got ${describe(w)}`);
  }
  return w instanceof Parameter ? w : new Parameter(w);
}

function checkPretrained(who, embeddings) {
  if (!(embeddings instanceof Tensor) || embeddings._shape.length !== 2) {
    throw new Error(`${who}: Embeddings parameter is expected to be 2-dimensional, got ${describe(embeddings)}`);
  }
}

/** Zero the padding_idx row of a weight this module created (contiguous, so rows are consecutive). */
function fillRowWithZero(weight, row) {
  if (row === null) return;
  const dim = weight._shape[1];
  weight._view().fill(0, row * dim, (row + 1) * dim);
}

export class Embedding extends Module {
  constructor(...args) {
    super();
    const o = bindArgs('Embedding', args, ARGS);
    checkFactoryKwargs('Embedding', o);
    this.num_embeddings = checkInt('Embedding', 'num_embeddings', o.num_embeddings, { min: 0 });
    this.embedding_dim = checkInt('Embedding', 'embedding_dim', o.embedding_dim, { min: 0 });
    this.padding_idx = checkPaddingIdx('Embedding', o.padding_idx, this.num_embeddings);
    this.max_norm = o.max_norm === null ? null : checkNumber('Embedding', 'max_norm', o.max_norm);
    this.norm_type = checkNumber('Embedding', 'norm_type', o.norm_type);
    this.scale_grad_by_freq = checkBool('Embedding', 'scale_grad_by_freq', o.scale_grad_by_freq);
    this.sparse = checkBool('Embedding', 'sparse', o.sparse);
    if (o._weight === null) {
      this.weight = newParameter([this.num_embeddings, this.embedding_dim]);
      this.reset_parameters();
    } else {
      this.weight = checkPretrainedWeight('Embedding', o._weight, this.num_embeddings, this.embedding_dim);
    }
  }

  reset_parameters() {
    init.normal_(this.weight);
    fillRowWithZero(this.weight, this.padding_idx);
  }

  forward(input) {
    return _embedding(this, input, this.weight, this.padding_idx, this.max_norm, this.norm_type);
  }

  extra_repr() {
    let s = `${this.num_embeddings}, ${this.embedding_dim}`;
    if (this.padding_idx !== null) s += `, padding_idx=${this.padding_idx}`;
    if (this.max_norm !== null) s += `, max_norm=${pyFloat(this.max_norm)}`;
    if (this.norm_type !== 2) s += `, norm_type=${pyFloat(this.norm_type)}`;
    if (this.scale_grad_by_freq !== false) s += `, scale_grad_by_freq=${py(this.scale_grad_by_freq)}`;
    if (this.sparse !== false) s += ', sparse=True';
    return s;
  }

  /** Embedding.from_pretrained(embeddings, { freeze = true, padding_idx, max_norm, norm_type, scale_grad_by_freq, sparse }) */
  static from_pretrained(embeddings, ...args) {
    const o = bindArgs('Embedding.from_pretrained', args, [['freeze', true], ['padding_idx', null], ['max_norm', null],
      ['norm_type', 2.0], ['scale_grad_by_freq', false], ['sparse', false]]);
    checkPretrained('Embedding.from_pretrained', embeddings);
    checkBool('Embedding.from_pretrained', 'freeze', o.freeze);
    const [rows, cols] = embeddings._shape;
    const m = new Embedding(rows, cols, { _weight: embeddings, padding_idx: o.padding_idx, max_norm: o.max_norm,
      norm_type: o.norm_type, scale_grad_by_freq: o.scale_grad_by_freq, sparse: o.sparse });
    m.weight.requires_grad = !o.freeze;
    return m;
  }
}

const BAG_ARGS = [['num_embeddings', REQUIRED], ['embedding_dim', REQUIRED], ['max_norm', null], ['norm_type', 2.0],
  ['scale_grad_by_freq', false], ['mode', 'mean'], ['sparse', false], ['_weight', null], ['include_last_offset', false],
  ['padding_idx', null], ['device', null], ['dtype', null]];

export class EmbeddingBag extends Module {
  constructor(...args) {
    super();
    const o = bindArgs('EmbeddingBag', args, BAG_ARGS);
    checkFactoryKwargs('EmbeddingBag', o);
    this.num_embeddings = checkInt('EmbeddingBag', 'num_embeddings', o.num_embeddings, { min: 0 });
    this.embedding_dim = checkInt('EmbeddingBag', 'embedding_dim', o.embedding_dim, { min: 0 });
    this.max_norm = o.max_norm === null ? null : checkNumber('EmbeddingBag', 'max_norm', o.max_norm);
    this.norm_type = checkNumber('EmbeddingBag', 'norm_type', o.norm_type);
    this.scale_grad_by_freq = checkBool('EmbeddingBag', 'scale_grad_by_freq', o.scale_grad_by_freq);
    this.padding_idx = checkPaddingIdx('EmbeddingBag', o.padding_idx, this.num_embeddings);
    this.mode = checkBagMode('EmbeddingBag', o.mode);
    this.sparse = checkBool('EmbeddingBag', 'sparse', o.sparse);
    this.include_last_offset = checkBool('EmbeddingBag', 'include_last_offset', o.include_last_offset);
    if (o._weight === null) {
      this.weight = newParameter([this.num_embeddings, this.embedding_dim]);
      this.reset_parameters();
    } else {
      this.weight = checkPretrainedWeight('EmbeddingBag', o._weight, this.num_embeddings, this.embedding_dim);
    }
  }

  reset_parameters() {
    init.normal_(this.weight);
    fillRowWithZero(this.weight, this.padding_idx);
  }

  forward(input, ...args) {
    const o = bindArgs(this, args, [['offsets', null], ['per_sample_weights', null]]);
    return _embedding_bag(this, input, this.weight, o.offsets, this.max_norm, this.norm_type, this.mode,
      o.per_sample_weights, this.include_last_offset, this.padding_idx);
  }

  extra_repr() {
    let s = `${this.num_embeddings}, ${this.embedding_dim}`;
    if (this.max_norm !== null) s += `, max_norm=${pyFloat(this.max_norm)}`;
    if (this.norm_type !== 2) s += `, norm_type=${pyFloat(this.norm_type)}`;
    if (this.scale_grad_by_freq !== false) s += `, scale_grad_by_freq=${py(this.scale_grad_by_freq)}`;
    s += `, mode=${this.mode}`;
    if (this.padding_idx !== null) s += `, padding_idx=${this.padding_idx}`;
    return s;
  }

  /** EmbeddingBag.from_pretrained(embeddings, { freeze = true, max_norm, norm_type, scale_grad_by_freq, mode, sparse, include_last_offset, padding_idx }) */
  static from_pretrained(embeddings, ...args) {
    const who = 'EmbeddingBag.from_pretrained';
    const o = bindArgs(who, args, [['freeze', true], ['max_norm', null], ['norm_type', 2.0],
      ['scale_grad_by_freq', false], ['mode', 'mean'], ['sparse', false], ['include_last_offset', false],
      ['padding_idx', null]]);
    checkPretrained(who, embeddings);
    checkBool(who, 'freeze', o.freeze);
    const [rows, cols] = embeddings._shape;
    const { freeze, ...rest } = o;
    const m = new EmbeddingBag(rows, cols, { _weight: embeddings, ...rest });
    m.weight.requires_grad = !freeze;
    return m;
  }
}
