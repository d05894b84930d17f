// Conv1d, Conv2d, Conv3d: one _ConvNd base, the three differ only in their number of spatial dims.

import { Module } from '../module.js';
import * as init from '../init.js';
import { _conv } from '../functional/conv.js';
import { _pad } from '../functional/padding.js';
import { bindArgs, checkInt, checkBool, checkTuple, describe, REQUIRED } from '../../args.js';
import { py, newParameter } from './utils.js';

const PADDING_MODES = ['zeros', 'reflect', 'replicate', 'circular'];

const ARGS = [['in_channels', REQUIRED], ['out_channels', REQUIRED], ['kernel_size', REQUIRED], ['stride', 1],
  ['padding', 0], ['dilation', 1], ['groups', 1], ['bias', true], ['padding_mode', 'zeros'], ['device', null],
  ['dtype', null]];

class ConvNd extends Module {
  constructor(name, nd, args) {
    super();
    const o = bindArgs(name, args, ARGS);
    this.in_channels = checkInt(name, 'in_channels', o.in_channels, { min: 0 });
    this.out_channels = checkInt(name, 'out_channels', o.out_channels, { min: 0 });
    this.kernel_size = checkTuple(name, 'kernel_size', o.kernel_size, nd, { min: 1 });
    this.stride = checkTuple(name, 'stride', o.stride, nd, { min: 1 });
    this.dilation = checkTuple(name, 'dilation', o.dilation, nd, { min: 1 });
    this.groups = checkInt(name, 'groups', o.groups);
    checkBool(name, 'bias', o.bias);
    if (this.groups <= 0) throw new Error(`${name}: groups must be a positive integer, got ${this.groups}`);
    if (this.in_channels % this.groups !== 0) {
      throw new Error(`${name}: in_channels must be divisible by groups, got in_channels=${this.in_channels}, groups=${this.groups}`);
    }
    if (this.out_channels % this.groups !== 0) {
      throw new Error(`${name}: out_channels must be divisible by groups, got out_channels=${this.out_channels}, groups=${this.groups}`);
    }
    if (typeof o.padding === 'string') {
      if (o.padding !== 'same' && o.padding !== 'valid') {
        throw new Error(`${name}: Invalid padding string ${describe(o.padding)}, should be one of 'same', 'valid'`);
      }
      if (o.padding === 'same' && this.stride.some((s) => s !== 1)) {
        throw new Error(`${name}: padding='same' is not supported for strided convolutions, got stride=${py(this.stride)}`);
      }
      this.padding = o.padding;
    } else {
      this.padding = checkTuple(name, 'padding', o.padding, nd, { min: 0 });
    }
    if (!PADDING_MODES.includes(o.padding_mode)) {
      throw new Error(`${name}: padding_mode must be one of ${PADDING_MODES.join(', ')}, but got padding_mode=${describe(o.padding_mode)}`);
    }
    this.padding_mode = o.padding_mode;
    this.output_padding = new Array(nd).fill(0);
    this.transposed = false;
    // F.pad's order: last spatial dim first, (before, after) for each; 'same' puts the odd pixel after.
    this._reversed_padding_repeated_twice = [];
    for (let i = nd - 1; i >= 0; i--) {
      if (this.padding === 'valid') this._reversed_padding_repeated_twice.push(0, 0);
      else if (this.padding === 'same') {
        const total = this.dilation[i] * (this.kernel_size[i] - 1);
        this._reversed_padding_repeated_twice.push(Math.floor(total / 2), total - Math.floor(total / 2));
      } else this._reversed_padding_repeated_twice.push(this.padding[i], this.padding[i]);
    }
    Object.defineProperty(this, '_nd', { value: nd });
    this.weight = newParameter([this.out_channels, this.in_channels / this.groups, ...this.kernel_size]);
    if (o.bias) this.bias = newParameter([this.out_channels]);
    else this.register_parameter('bias', null);
    this.reset_parameters();
  }

  reset_parameters() {
    init.kaiming_uniform_(this.weight, Math.sqrt(5));
    if (this.bias !== null) {
      const [fanIn] = init._calculate_fan_in_and_fan_out(this.weight);
      if (fanIn !== 0) init.uniform_(this.bias, -1 / Math.sqrt(fanIn), 1 / Math.sqrt(fanIn));
    }
  }

  forward(input) {
    if (this.padding_mode === 'zeros') {
      return _conv(this, this._nd, input, this.weight, this.bias, this.stride, this.padding, this.dilation, this.groups);
    }
    const padded = _pad(this, input, this._reversed_padding_repeated_twice, this.padding_mode, null);
    return _conv(this, this._nd, padded, this.weight, this.bias, this.stride, 0, this.dilation, this.groups);
  }

  extra_repr() {
    let s = `${this.in_channels}, ${this.out_channels}, kernel_size=${py(this.kernel_size)}, stride=${py(this.stride)}`;
    if (typeof this.padding === 'string' || this.padding.some((p) => p !== 0)) s += `, padding=${py(this.padding)}`;
    if (this.dilation.some((d) => d !== 1)) s += `, dilation=${py(this.dilation)}`;
    if (this.output_padding.some((p) => p !== 0)) s += `, output_padding=${py(this.output_padding)}`;
    if (this.groups !== 1) s += `, groups=${this.groups}`;
    if (this.bias === null) s += ', bias=False';
    if (this.padding_mode !== 'zeros') s += `, padding_mode=${this.padding_mode}`;
    return s;
  }
}

export class Conv1d extends ConvNd {
  constructor(...args) {
    super('Conv1d', 1, args);
  }
}

export class Conv2d extends ConvNd {
  constructor(...args) {
    super('Conv2d', 2, args);
  }
}

export class Conv3d extends ConvNd {
  constructor(...args) {
    super('Conv3d', 3, args);
  }
}
