// Conv1d/2d/3d and ConvTranspose1d/2d/3d: one ConvNd base (PyTorch's _ConvNd) holding the shared
// hyperparameters; each class differs only in its number of spatial dims.

import { Module } from '../module.js';
import { _conv, _conv_transpose, checkConvRank } from '../functional/conv.js';
import { _pad } from '../functional/padding.js';
import { bindArgs, checkInt, checkBool, checkTuple, describe, nameOf, REQUIRED } from '../../args.js';
import { checkTensor } from '../functional/utils.js';
import { py, newParameter, resetKaimingUniform, checkFactoryKwargs } from './utils.js';

const PADDING_MODES = ['zeros', 'reflect', 'replicate', 'circular'];

const ARGS = [['in_channels', REQUIRED], ['out_channels', REQUIRED], ['kernel_size', REQUIRED], ['stride', 1],
  ['padding', 0], ['dilation', 1], ['groups', 1], ['bias', true], ['padding_mode', 'zeros'], ['device', null],
  ['dtype', null]];

const TRANSPOSE_ARGS = [['in_channels', REQUIRED], ['out_channels', REQUIRED], ['kernel_size', REQUIRED],
  ['stride', 1], ['padding', 0], ['output_padding', 0], ['groups', 1], ['bias', true], ['dilation', 1],
  ['padding_mode', 'zeros'], ['device', null], ['dtype', null]];

class ConvNd extends Module {
  constructor(name, nd, args, transposed = false) {
    super();
    const o = bindArgs(name, args, transposed ? TRANSPOSE_ARGS : ARGS);
    checkFactoryKwargs(name, o);
    if (transposed && o.padding_mode !== 'zeros') {
      throw new Error(`${name}: Only "zeros" padding mode is supported for ${name}, got padding_mode=${describe(o.padding_mode)}`);
    }
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
    if (typeof o.padding === 'string' && !transposed) {
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
    this.output_padding = transposed ? checkTuple(name, 'output_padding', o.output_padding, nd, { min: 0 })
      : new Array(nd).fill(0);
    this.transposed = transposed;
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
    this.weight = newParameter(transposed ? [this.in_channels, this.out_channels / this.groups, ...this.kernel_size]
      : [this.out_channels, this.in_channels / this.groups, ...this.kernel_size]);
    if (o.bias) this.bias = newParameter([this.out_channels]);
    else this.register_parameter('bias', null);
    this.reset_parameters();
  }

  reset_parameters() {
    resetKaimingUniform(this.weight, this.bias, { drawZeroFan: false });
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

class ConvTransposeNd extends ConvNd {
  constructor(name, nd, args) {
    super(name, nd, args, true);
  }

  /** forward(input, output_size = null): output_size picks output_padding, as PyTorch's _output_padding. */
  forward(input, ...args) {
    const o = bindArgs(() => `${nameOf(this)}.forward`, args, [['output_size', null]]);
    const outputPadding = o.output_size === null ? this.output_padding : this._output_padding(input, o.output_size);
    return _conv_transpose(this, this._nd, input, this.weight, this.bias, this.stride, this.padding, outputPadding,
      this.groups, this.dilation);
  }

  _output_padding(input, outputSize) {
    const nd = this._nd;
    checkTensor(this, 'input', input);
    checkConvRank(this, nd, input, `conv_transpose${nd}d`);
    if (!Array.isArray(outputSize)) {
      throw new Error(`${nameOf(this)}: output_size must be a list of ints, got ${describe(outputSize)}`);
    }
    outputSize.forEach((x) => checkInt(this, 'output_size', x));
    const lead = input._shape.length === nd + 2 ? 2 : 1;
    const size = outputSize.length === lead + nd ? outputSize.slice(lead) : outputSize;
    if (size.length !== nd) {
      throw new Error(`${nameOf(this)}: ConvTranspose${nd}D: for ${input._shape.length}D input, output_size must have ${nd} or ` +
        `${lead + nd} elements (got ${size.length})`);
    }
    const spatial = input._shape.slice(lead);
    const minSizes = spatial.map((x, i) => (x - 1) * this.stride[i] - 2 * this.padding[i] +
      this.dilation[i] * (this.kernel_size[i] - 1) + 1);
    const maxSizes = minSizes.map((m, i) => m + this.stride[i] - 1);
    if (size.some((x, i) => x < minSizes[i] || x > maxSizes[i])) {
      throw new Error(`${nameOf(this)}: requested an output size of ${describe(size)}, but valid sizes range from ` +
        `${describe(minSizes)} to ${describe(maxSizes)} (for an input of ${describe(input._shape.slice(2))})`);
    }
    return size.map((x, i) => x - minSizes[i]);
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

export class ConvTranspose1d extends ConvTransposeNd {
  constructor(...args) {
    super('ConvTranspose1d', 1, args);
  }
}

export class ConvTranspose2d extends ConvTransposeNd {
  constructor(...args) {
    super('ConvTranspose2d', 2, args);
  }
}

export class ConvTranspose3d extends ConvTransposeNd {
  constructor(...args) {
    super('ConvTranspose3d', 3, args);
  }
}
