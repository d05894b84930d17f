// Identity, Linear, Bilinear.

import { Module } from '../module.js';
import * as init from '../init.js';
import { _linear, _bilinear } from '../functional/linear.js';
import { packedWeights } from '../packed.js';
import { bindArgs, checkInt, checkBool, REQUIRED } from '../../args.js';
import { py, newParameter, resetKaimingUniform, checkFactoryKwargs } from './utils.js';

/** nn.Identity(...args): accepts and ignores any arguments, returns its input. */
export class Identity extends Module {
  forward(input) {
    return input;
  }
}

export class Linear extends Module {
  constructor(...args) {
    super();
    const o = bindArgs('Linear', args, [['in_features', REQUIRED], ['out_features', REQUIRED], ['bias', true],
      ['device', null], ['dtype', null]]);
    checkFactoryKwargs('Linear', o);
    this.in_features = checkInt('Linear', 'in_features', o.in_features, { min: 0 });
    this.out_features = checkInt('Linear', 'out_features', o.out_features, { min: 0 });
    checkBool('Linear', 'bias', o.bias);
    this.weight = newParameter([this.out_features, this.in_features]);
    if (o.bias) this.bias = newParameter([this.out_features]);
    else this.register_parameter('bias', null);
    this.reset_parameters();
  }

  reset_parameters() {
    resetKaimingUniform(this.weight, this.bias);
    this._repack();
  }

  forward(input) {
    return _linear(this, input, this.weight, this.bias, packedWeights(this));
  }

  _onLoad() {
    super._onLoad();
    this._repack();
  }

  // Packing eagerly (at reset and after a load or a deep copy) means a forward never allocates
  // memory that outlives it; a forward after an in-place write repacks into the same buffer.
  _repack() {
    if (this.in_features > 0 && this.out_features > 0) packedWeights(this).ptr(this.weight, this.bias);
  }

  extra_repr() {
    return `in_features=${this.in_features}, out_features=${this.out_features}, bias=${py(this.bias !== null)}`;
  }
}

export class Bilinear extends Module {
  constructor(...args) {
    super();
    const o = bindArgs('Bilinear', args, [['in1_features', REQUIRED], ['in2_features', REQUIRED],
      ['out_features', REQUIRED], ['bias', true], ['device', null], ['dtype', null]]);
    checkFactoryKwargs('Bilinear', o);
    this.in1_features = checkInt('Bilinear', 'in1_features', o.in1_features, { min: 0 });
    this.in2_features = checkInt('Bilinear', 'in2_features', o.in2_features, { min: 0 });
    this.out_features = checkInt('Bilinear', 'out_features', o.out_features, { min: 0 });
    checkBool('Bilinear', 'bias', o.bias);
    this.weight = newParameter([this.out_features, this.in1_features, this.in2_features]);
    if (o.bias) this.bias = newParameter([this.out_features]);
    else this.register_parameter('bias', null);
    this.reset_parameters();
  }

  reset_parameters() {
    const bound = this.in1_features > 0 ? 1 / Math.sqrt(this.in1_features) : 0;
    init.uniform_(this.weight, -bound, bound);
    if (this.bias !== null) init.uniform_(this.bias, -bound, bound);
  }

  forward(input1, input2) {
    return _bilinear(this, input1, input2, this.weight, this.bias);
  }

  extra_repr() {
    return `in1_features=${this.in1_features}, in2_features=${this.in2_features}, ` +
      `out_features=${this.out_features}, bias=${py(this.bias !== null)}`;
  }
}
