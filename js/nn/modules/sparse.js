// Embedding.

import { Module } from '../module.js';
import { Tensor, Parameter } from '../../tensor.js';
import * as init from '../init.js';
import { _embedding, checkPaddingIdx } from '../functional/sparse.js';
import { bindArgs, checkInt, checkBool, checkNumber, describe, REQUIRED } from '../../args.js';
import { py, pyFloat, newParameter } from './utils.js';

const ARGS = [['num_embeddings', REQUIRED], ['embedding_dim', REQUIRED], ['padding_idx', null], ['max_norm', null],
  ['norm_type', 2.0], ['scale_grad_by_freq', false], ['sparse', false], ['_weight', null], ['device', null], ['dtype', null]];

export class Embedding extends Module {
  constructor(...args) {
    super();
    const o = bindArgs('Embedding', args, ARGS);
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
      const w = o._weight;
      if (!(w instanceof Tensor) || w.dtype !== 'float32' || w._shape.length !== 2
          || w._shape[0] !== this.num_embeddings || w._shape[1] !== this.embedding_dim) {
        throw new Error(`Embedding: Shape of weight does not match num_embeddings and embedding_dim: expected a float32 ` +
          `tensor of shape [${this.num_embeddings}, ${this.embedding_dim}], got ${describe(w)}`);
      }
      this.weight = w instanceof Parameter ? w : new Parameter(w);
    }
  }

  reset_parameters() {
    init.normal_(this.weight);
    this._fillPaddingIdxWithZero();
  }

  _fillPaddingIdxWithZero() {
    if (this.padding_idx === null) return;
    // The weight was created contiguous by this module, so its rows are consecutive.
    this.weight._view().fill(0, this.padding_idx * this.embedding_dim, (this.padding_idx + 1) * this.embedding_dim);
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
    if (!(embeddings instanceof Tensor) || embeddings._shape.length !== 2) {
      throw new Error(`Embedding.from_pretrained: Embeddings parameter is expected to be 2-dimensional, got ${describe(embeddings)}`);
    }
    checkBool('Embedding.from_pretrained', 'freeze', o.freeze);
    const [rows, cols] = embeddings._shape;
    const m = new Embedding(rows, cols, { _weight: embeddings, padding_idx: o.padding_idx, max_norm: o.max_norm,
      norm_type: o.norm_type, scale_grad_by_freq: o.scale_grad_by_freq, sparse: o.sparse });
    m.weight.requires_grad = !o.freeze;
    return m;
  }
}
