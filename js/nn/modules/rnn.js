// RNN, LSTM, GRU (one RNNBase, as PyTorch's) and RNNCell, LSTMCell, GRUCell (one RNNCellBase).
// Parameter names, order and layouts are PyTorch's, so a PyTorch state_dict loads unchanged.
// Each direction of each layer is ONE call of wt_rnn_layer_forward_f32 over the whole sequence;
// a cell is the same call with a sequence of length 1.

import { Module } from '../module.js';
import * as init from '../init.js';
import { tidy, _empty, _fmtShape } from '../../tensor.js';
import { C, withInt32 } from '../../runtime.js';
import { _dropout } from '../functional/dropout.js';
import { checkTensor, shapeErr } from '../functional/utils.js';
import { bindArgs, checkInt, checkBool, describe, nameOf, REQUIRED } from '../../args.js';
import { py, pyFloat, newParameter, checkFactoryKwargs } from './utils.js';

// wt_rnn_mode values and gates per mode (include/webtorch.h).
const MODES = { RNN_TANH: 0, RNN_RELU: 1, LSTM: 2, GRU: 3 };
const GATES = { RNN_TANH: 1, RNN_RELU: 1, LSTM: 4, GRU: 3 };

const ptr = (t) => (t === null ? 0 : t._ptr());

/**
 * One direction of one layer: x [T, B, I] contiguous; y rows of P floats every yStride floats
 * starting at yPtr; h0/c0/hN/cN byte addresses or 0; weights [w_ih, w_hh, b_ih, b_hh, w_hr]
 * (null where absent), already checked. Runs inside the caller's tidy scope.
 */
function runLayer(mode, T, B, I, H, proj, reverse, x, yPtr, yStride, hN, cN, h0, c0, weights) {
  const [wIh, wHh, bIh, bHh, wHr] = weights.map((w) => (w === null ? null : w.contiguous()));
  withInt32([[MODES[mode], T, B, I, H, proj, reverse ? 1 : 0, yStride]], (params) =>
    C.wt_rnn_layer_forward_f32(params, yPtr, hN, cN, x._ptr(), h0, c0, ptr(wIh), ptr(wHh), ptr(bIh), ptr(bHh),
      ptr(wHr)));
}

/** Parameters must still have their constructor shapes (a reassigned Parameter could differ). */
function checkWeight(who, name, w, shape) {
  if (w === null) return null;
  checkTensor(who, name, w);
  if (w._shape.length !== shape.length || w._shape.some((s, i) => s !== shape[i])) {
    throw shapeErr(who, `${name} of shape ${_fmtShape(shape)}`, w);
  }
  return w;
}

function checkState(who, name, t, shape) {
  checkTensor(who, name, t);
  if (t._shape.length !== shape.length || t._shape.some((s, i) => s !== shape[i])) {
    throw new Error(`${nameOf(who)}: expected ${name} of shape ${_fmtShape(shape)}, got ${_fmtShape(t._shape)}`);
  }
  return t;
}

const BASE_ARGS = [['input_size', REQUIRED], ['hidden_size', REQUIRED], ['num_layers', 1], ['bias', true],
  ['batch_first', false], ['dropout', 0.0], ['bidirectional', false], ['proj_size', 0], ['device', null],
  ['dtype', null]];

class RNNBase extends Module {
  constructor(name, mode, o) {
    super();
    checkFactoryKwargs(name, o);
    this.mode = mode;
    this.input_size = checkInt(name, 'input_size', o.input_size, { min: 0 });
    this.hidden_size = checkInt(name, 'hidden_size', o.hidden_size, { min: 1 });
    this.num_layers = checkInt(name, 'num_layers', o.num_layers, { min: 1 });
    this.bias = checkBool(name, 'bias', o.bias);
    this.batch_first = checkBool(name, 'batch_first', o.batch_first);
    if (typeof o.dropout !== 'number' || !(o.dropout >= 0 && o.dropout <= 1)) {
      throw new Error(`${name}: dropout should be a number in range [0, 1] representing the probability of an ` +
        `element being zeroed, got ${describe(o.dropout)}`);
    }
    this.dropout = o.dropout;
    this.bidirectional = checkBool(name, 'bidirectional', o.bidirectional);
    this.proj_size = checkInt(name, 'proj_size', o.proj_size, { min: 0 });
    if (this.proj_size >= this.hidden_size) {
      throw new Error(`${name}: proj_size has to be smaller than hidden_size, got proj_size=${this.proj_size}, ` +
        `hidden_size=${this.hidden_size}`);
    }
    const gate = GATES[mode] * this.hidden_size;
    const real = this.proj_size > 0 ? this.proj_size : this.hidden_size;
    const dirs = this.bidirectional ? 2 : 1;
    this._flat_weights_names = [];
    this._all_weights = [];
    for (let layer = 0; layer < this.num_layers; layer++) {
      for (let dir = 0; dir < dirs; dir++) {
        const sfx = `_l${layer}${dir === 1 ? '_reverse' : ''}`;
        const inSize = layer === 0 ? this.input_size : real * dirs;
        const shapes = [[`weight_ih${sfx}`, [gate, inSize]], [`weight_hh${sfx}`, [gate, real]]];
        if (this.bias) shapes.push([`bias_ih${sfx}`, [gate]], [`bias_hh${sfx}`, [gate]]);
        if (this.proj_size > 0) shapes.push([`weight_hr${sfx}`, [this.proj_size, this.hidden_size]]);
        for (const [pname, shape] of shapes) this[pname] = newParameter(shape);
        const names = shapes.map(([pname]) => pname);
        this._flat_weights_names.push(...names);
        this._all_weights.push(names);
      }
    }
    this.reset_parameters();
  }

  get all_weights() {
    return this._all_weights.map((names) => names.map((n) => this[n]));
  }

  reset_parameters() {
    const stdv = 1.0 / Math.sqrt(this.hidden_size);
    for (const w of this.parameters()) init.uniform_(w, -stdv, stdv);
  }

  /** [w_ih, w_hh, b_ih, b_hh, w_hr] of one layer/direction, null where absent, shapes checked. */
  _layerWeights(layer, dir) {
    const sfx = `_l${layer}${dir === 1 ? '_reverse' : ''}`;
    const gate = GATES[this.mode] * this.hidden_size;
    const real = this.proj_size > 0 ? this.proj_size : this.hidden_size;
    const inSize = layer === 0 ? this.input_size : real * (this.bidirectional ? 2 : 1);
    const get = (n, shape, present) => (present ? checkWeight(this, n + sfx, this[n + sfx], shape) : null);
    return [get('weight_ih', [gate, inSize], true), get('weight_hh', [gate, real], true),
      get('bias_ih', [gate], this.bias), get('bias_hh', [gate], this.bias),
      get('weight_hr', [this.proj_size, this.hidden_size], this.proj_size > 0)];
  }

  forward(input, hx = null) {
    const lstm = this.mode === 'LSTM';
    checkTensor(this, 'input', input);
    const batched = input._shape.length === 3;
    if (!batched && input._shape.length !== 2) {
      throw shapeErr(this, 'a 2-D (unbatched) or 3-D (batched) input', input);
    }
    if (input._shape[input._shape.length - 1] !== this.input_size) {
      throw new Error(`${nameOf(this)}: input.size(-1) must be equal to input_size. Expected ${this.input_size}, ` +
        `got ${input._shape[input._shape.length - 1]} (input of shape ${_fmtShape(input._shape)})`);
    }
    const T = batched && this.batch_first ? input._shape[1] : input._shape[0];
    const B = batched ? input._shape[this.batch_first ? 0 : 1] : 1;
    if (T === 0) throw shapeErr(this, 'a sequence length larger than 0', input);
    const dirs = this.bidirectional ? 2 : 1;
    const L = this.num_layers;
    const H = this.hidden_size;
    const P = this.proj_size > 0 ? this.proj_size : H;
    const hShape = batched ? [L * dirs, B, P] : [L * dirs, P];
    const cShape = batched ? [L * dirs, B, H] : [L * dirs, H];
    let h0 = null;
    let c0 = null;
    if (hx !== null) {
      if (lstm) {
        if (!Array.isArray(hx) || hx.length !== 2) {
          throw new Error(`${nameOf(this)}: hx must be a pair [h0, c0] of Tensors, got ${describe(hx)}`);
        }
        h0 = checkState(this, 'h0 (hx[0])', hx[0], hShape);
        c0 = checkState(this, 'c0 (hx[1])', hx[1], cShape);
      } else {
        h0 = checkState(this, 'hx', hx, hShape);
      }
    }
    const weights = [];
    for (let l = 0; l < L; l++) for (let d = 0; d < dirs; d++) weights.push(this._layerWeights(l, d));
    const dropout = this.training && this.dropout > 0;

    return tidy(() => {
      // Time-major [T, B, I] for the C op; unbatched input is a batch of one.
      let x = !batched ? input.unsqueeze(1) : this.batch_first ? input.transpose(0, 1) : input;
      x = x.contiguous();
      const hN = _empty([L * dirs, B, P]);
      const cN = lstm ? _empty([L * dirs, B, H]) : null;
      const h0c = h0 === null ? null : h0.contiguous();
      const c0c = c0 === null ? null : c0.contiguous();
      const stateAt = (t, k, size) => (t === null ? 0 : t._ptr() + k * B * size * 4);
      for (let l = 0; l < L; l++) {
        const y = _empty([T, B, dirs * P]);
        if (B > 0) {
          for (let d = 0; d < dirs; d++) {
            const k = l * dirs + d;
            runLayer(this.mode, T, B, x._shape[2], H, this.proj_size, d === 1, x, y._ptr() + d * P * 4, dirs * P,
              stateAt(hN, k, P), stateAt(cN, k, H), stateAt(h0c, k, P), stateAt(c0c, k, H), weights[k]);
          }
        }
        // PyTorch applies dropout to every layer's output but the last, in training only.
        x = dropout && l < L - 1 ? _dropout(this, y, this.dropout, true, false) : y;
      }
      const output = batched ? (this.batch_first ? x.transpose(0, 1) : x) : x.squeeze(1);
      const hOut = batched ? hN : hN.squeeze(1);
      return lstm ? [output, [hOut, batched ? cN : cN.squeeze(1)]] : [output, hOut];
    });
  }

  extra_repr() {
    let s = `${this.input_size}, ${this.hidden_size}`;
    if (this.proj_size !== 0) s += `, proj_size=${this.proj_size}`;
    if (this.num_layers !== 1) s += `, num_layers=${this.num_layers}`;
    if (this.bias !== true) s += `, bias=${py(this.bias)}`;
    if (this.batch_first !== false) s += `, batch_first=${py(this.batch_first)}`;
    if (this.dropout !== 0) s += `, dropout=${pyFloat(this.dropout)}`;
    if (this.bidirectional !== false) s += `, bidirectional=${py(this.bidirectional)}`;
    return s;
  }
}

/** PyTorch rejects proj_size for RNN and GRU whatever its value. */
function rejectProj(name, o) {
  if (o.proj_size !== null) throw new Error(`${name}: proj_size argument is only supported for LSTM, not RNN or GRU`);
}

/** The mode of an Elman RNN or RNNCell for its nonlinearity, 'tanh' or 'relu'. */
function elmanMode(name, nonlinearity) {
  if (nonlinearity !== 'tanh' && nonlinearity !== 'relu') {
    throw new Error(`${name}: Unknown nonlinearity ${describe(nonlinearity)} (expected 'tanh' or 'relu')`);
  }
  return nonlinearity === 'tanh' ? 'RNN_TANH' : 'RNN_RELU';
}

const NO_PROJ_ARGS = BASE_ARGS.map(([n, d]) => [n, n === 'proj_size' ? null : d]);

export class RNN extends RNNBase {
  constructor(...args) {
    // nonlinearity is keyword-only in PyTorch 1.13 (its 4th positional argument is bias).
    const o = bindArgs('RNN', args, [...NO_PROJ_ARGS, ['nonlinearity', 'tanh']]);
    rejectProj('RNN', o);
    super('RNN', elmanMode('RNN', o.nonlinearity), { ...o, proj_size: 0 });
    this.nonlinearity = o.nonlinearity;
  }
}

export class LSTM extends RNNBase {
  constructor(...args) {
    super('LSTM', 'LSTM', bindArgs('LSTM', args, BASE_ARGS));
  }
}

export class GRU extends RNNBase {
  constructor(...args) {
    const o = bindArgs('GRU', args, NO_PROJ_ARGS);
    rejectProj('GRU', o);
    super('GRU', 'GRU', { ...o, proj_size: 0 });
  }
}

class RNNCellBase extends Module {
  constructor(name, mode, o) {
    super();
    checkFactoryKwargs(name, o);
    this.input_size = checkInt(name, 'input_size', o.input_size, { min: 0 });
    this.hidden_size = checkInt(name, 'hidden_size', o.hidden_size, { min: 0 });
    this.bias = checkBool(name, 'bias', o.bias);
    Object.defineProperty(this, '_mode', { value: mode, writable: true });
    const gate = GATES[mode] * this.hidden_size;
    this.weight_ih = newParameter([gate, this.input_size]);
    this.weight_hh = newParameter([gate, this.hidden_size]);
    if (this.bias) {
      this.bias_ih = newParameter([gate]);
      this.bias_hh = newParameter([gate]);
    } else {
      this.register_parameter('bias_ih', null);
      this.register_parameter('bias_hh', null);
    }
    this.reset_parameters();
  }

  reset_parameters() {
    const stdv = this.hidden_size > 0 ? 1.0 / Math.sqrt(this.hidden_size) : 0;
    for (const w of this.parameters()) init.uniform_(w, -stdv, stdv);
  }

  forward(input, hx = null) {
    const lstm = this._mode === 'LSTM';
    checkTensor(this, 'input', input);
    const batched = input._shape.length === 2;
    if (!batched && input._shape.length !== 1) {
      throw new Error(`${nameOf(this)}: Expected input to be 1-D or 2-D but received ${input._shape.length}-D tensor ` +
        `of shape ${_fmtShape(input._shape)}`);
    }
    const I = this.input_size;
    const H = this.hidden_size;
    if (input._shape[input._shape.length - 1] !== I) {
      throw new Error(`${nameOf(this)}: input.size(-1) must be equal to input_size. Expected ${I}, ` +
        `got ${input._shape[input._shape.length - 1]} (input of shape ${_fmtShape(input._shape)})`);
    }
    const B = batched ? input._shape[0] : 1;
    const shape = batched ? [B, H] : [H];
    let h0 = null;
    let c0 = null;
    if (hx !== null) {
      if (lstm) {
        if (!Array.isArray(hx) || hx.length !== 2) {
          throw new Error(`${nameOf(this)}: hx must be a pair [h0, c0] of Tensors, got ${describe(hx)}`);
        }
        h0 = checkState(this, 'h0 (hx[0])', hx[0], shape);
        c0 = checkState(this, 'c0 (hx[1])', hx[1], shape);
      } else {
        h0 = checkState(this, 'hx', hx, shape);
      }
    }
    const weights = [checkWeight(this, 'weight_ih', this.weight_ih, [GATES[this._mode] * H, I]),
      checkWeight(this, 'weight_hh', this.weight_hh, [GATES[this._mode] * H, H]),
      checkWeight(this, 'bias_ih', this.bias_ih, [GATES[this._mode] * H]),
      checkWeight(this, 'bias_hh', this.bias_hh, [GATES[this._mode] * H]), null];

    return tidy(() => {
      const h = _empty(shape);
      const c = lstm ? _empty(shape) : null;
      // A batch of 0 (or hidden_size 0) has nothing to compute.
      if (h.numel() > 0) {
        const x = input.contiguous();
        const h0c = h0 === null ? null : h0.contiguous();
        const c0c = c0 === null ? null : c0.contiguous();
        runLayer(this._mode, 1, B, I, H, 0, false, x, h._ptr(), H, 0, ptr(c), ptr(h0c), ptr(c0c), weights);
      }
      return lstm ? [h, c] : h;
    });
  }

  extra_repr() {
    let s = `${this.input_size}, ${this.hidden_size}`;
    if (this.bias !== true) s += `, bias=${py(this.bias)}`;
    if (this.nonlinearity !== undefined && this.nonlinearity !== 'tanh') s += `, nonlinearity=${this.nonlinearity}`;
    return s;
  }
}

const CELL_ARGS = [['input_size', REQUIRED], ['hidden_size', REQUIRED], ['bias', true], ['device', null],
  ['dtype', null]];

export class RNNCell extends RNNCellBase {
  constructor(...args) {
    const o = bindArgs('RNNCell', args, [['input_size', REQUIRED], ['hidden_size', REQUIRED], ['bias', true],
      ['nonlinearity', 'tanh'], ['device', null], ['dtype', null]]);
    // PyTorch only notices a bad nonlinearity in forward; rejecting it here fails earlier, as loudly.
    super('RNNCell', elmanMode('RNNCell', o.nonlinearity), o);
    this.nonlinearity = o.nonlinearity;
  }
}

export class LSTMCell extends RNNCellBase {
  constructor(...args) {
    super('LSTMCell', 'LSTM', bindArgs('LSTMCell', args, CELL_ARGS));
  }
}

export class GRUCell extends RNNCellBase {
  constructor(...args) {
    super('GRUCell', 'GRU', bindArgs('GRUCell', args, CELL_ARGS));
  }
}
