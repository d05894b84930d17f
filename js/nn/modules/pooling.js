// Pooling layers: MaxPool1d/2d/3d, AvgPool1d/2d/3d, LPPool1d/2d, AdaptiveMaxPool1d/2d/3d,
// AdaptiveAvgPool1d/2d/3d, FractionalMaxPool2d/3d, MaxUnpool1d/2d/3d. Hyperparameters are kept as
// PyTorch keeps them (an int, or a tuple where its constructor applies _single/_pair/_triple),
// because that is what PyTorch prints.

import { Module } from '../module.js';
import { _maxPool, _avgPool, _lpPool, _adaptivePool, _fractionalMaxPool, _maxUnpool } from '../functional/pooling.js';
import { bindArgs, checkBool, checkTuple, checkInt, checkNumber, describe, REQUIRED } from '../../args.js';
import { checkTensor } from '../functional/utils.js';
import { py } from './utils.js';

const ARGS = [['kernel_size', REQUIRED], ['stride', null], ['padding', 0], ['dilation', 1], ['return_indices', false],
  ['ceil_mode', false]];

class MaxPoolNd extends Module {
  constructor(name, nd, args) {
    super();
    const o = bindArgs(name, args, ARGS);
    checkTuple(name, 'kernel_size', o.kernel_size, nd, { min: 1 });
    if (o.stride !== null) checkTuple(name, 'stride', o.stride, nd, { min: 1 });
    checkTuple(name, 'padding', o.padding, nd, { min: 0 });
    checkTuple(name, 'dilation', o.dilation, nd, { min: 1 });
    this.kernel_size = o.kernel_size;
    this.stride = o.stride === null ? o.kernel_size : o.stride;
    this.padding = o.padding;
    this.dilation = o.dilation;
    this.return_indices = checkBool(name, 'return_indices', o.return_indices);
    this.ceil_mode = checkBool(name, 'ceil_mode', o.ceil_mode);
    Object.defineProperty(this, '_nd', { value: nd });
  }

  forward(input) {
    return _maxPool(this, this._nd, input, this.kernel_size, this.stride, this.padding, this.dilation, this.ceil_mode,
      this.return_indices);
  }

  extra_repr() {
    return `kernel_size=${py(this.kernel_size)}, stride=${py(this.stride)}, padding=${py(this.padding)}, ` +
      `dilation=${py(this.dilation)}, ceil_mode=${py(this.ceil_mode)}`;
  }
}

export class MaxPool1d extends MaxPoolNd {
  constructor(...args) {
    super('MaxPool1d', 1, args);
  }
}

export class MaxPool2d extends MaxPoolNd {
  constructor(...args) {
    super('MaxPool2d', 2, args);
  }
}

export class MaxPool3d extends MaxPoolNd {
  constructor(...args) {
    super('MaxPool3d', 3, args);
  }
}

// AvgPool1d applies _single to its arguments (so it prints tuples) and has no divisor_override.
class AvgPoolNd extends Module {
  constructor(name, nd, args) {
    super();
    const spec = [['kernel_size', REQUIRED], ['stride', null], ['padding', 0], ['ceil_mode', false],
      ['count_include_pad', true], ...(nd === 1 ? [] : [['divisor_override', null]])];
    const o = bindArgs(name, args, spec);
    const k = checkTuple(name, 'kernel_size', o.kernel_size, nd, { min: 1 });
    if (o.stride !== null) checkTuple(name, 'stride', o.stride, nd, { min: 1 });
    const p = checkTuple(name, 'padding', o.padding, nd, { min: 0 });
    const stride = o.stride === null ? o.kernel_size : o.stride;
    this.kernel_size = nd === 1 ? k : o.kernel_size;
    this.stride = nd === 1 ? checkTuple(name, 'stride', stride, 1) : stride;
    this.padding = nd === 1 ? p : o.padding;
    this.ceil_mode = checkBool(name, 'ceil_mode', o.ceil_mode);
    this.count_include_pad = checkBool(name, 'count_include_pad', o.count_include_pad);
    if (nd !== 1) {
      if (o.divisor_override !== null) checkInt(name, 'divisor_override', o.divisor_override);
      this.divisor_override = o.divisor_override;
    }
    Object.defineProperty(this, '_nd', { value: nd });
  }

  forward(input) {
    return _avgPool(this, this._nd, input, this.kernel_size, this.stride, this.padding, this.ceil_mode,
      this.count_include_pad, this._nd === 1 ? null : this.divisor_override);
  }

  extra_repr() {
    return `kernel_size=${py(this.kernel_size)}, stride=${py(this.stride)}, padding=${py(this.padding)}`;
  }
}

export class AvgPool1d extends AvgPoolNd {
  constructor(...args) {
    super('AvgPool1d', 1, args);
  }
}

export class AvgPool2d extends AvgPoolNd {
  constructor(...args) {
    super('AvgPool2d', 2, args);
  }
}

export class AvgPool3d extends AvgPoolNd {
  constructor(...args) {
    super('AvgPool3d', 3, args);
  }
}

class LPPoolNd extends Module {
  constructor(name, nd, args) {
    super();
    const o = bindArgs(name, args, [['norm_type', REQUIRED], ['kernel_size', REQUIRED], ['stride', null],
      ['ceil_mode', false]]);
    this.norm_type = checkNumber(name, 'norm_type', o.norm_type);
    checkTuple(name, 'kernel_size', o.kernel_size, nd, { min: 1 });
    if (o.stride !== null) checkTuple(name, 'stride', o.stride, nd, { min: 1 });
    this.kernel_size = o.kernel_size;
    this.stride = o.stride;
    this.ceil_mode = checkBool(name, 'ceil_mode', o.ceil_mode);
    Object.defineProperty(this, '_nd', { value: nd });
  }

  forward(input) {
    return _lpPool(this, this._nd, input, this.norm_type, this.kernel_size, this.stride, this.ceil_mode);
  }

  extra_repr() {
    return `norm_type=${py(this.norm_type)}, kernel_size=${py(this.kernel_size)}, stride=${py(this.stride)}, ` +
      `ceil_mode=${py(this.ceil_mode)}`;
  }
}

export class LPPool1d extends LPPoolNd {
  constructor(...args) {
    super('LPPool1d', 1, args);
  }
}

export class LPPool2d extends LPPoolNd {
  constructor(...args) {
    super('LPPool2d', 2, args);
  }
}

function checkAdaptiveSize(name, v, nd) {
  const arr = Array.isArray(v) ? v : [v];
  if (Array.isArray(v) && v.length !== nd) {
    throw new Error(`${name}: output_size must be an int or a tuple of ${nd} ints or None, got ${describe(v)}`);
  }
  arr.forEach((x) => { if (x !== null) checkInt(name, 'output_size', x); });
}

class AdaptivePoolNd extends Module {
  constructor(name, kind, nd, args) {
    super();
    const o = bindArgs(name, args, [['output_size', REQUIRED], ...(kind === 'max' ? [['return_indices', false]] : [])]);
    checkAdaptiveSize(name, o.output_size, nd);
    this.output_size = o.output_size;
    if (kind === 'max') this.return_indices = checkBool(name, 'return_indices', o.return_indices);
    Object.defineProperties(this, { _nd: { value: nd }, _kind: { value: kind } });
  }

  forward(input) {
    return _adaptivePool(this, this._kind, this._nd, input, this.output_size, this.return_indices ?? false);
  }

  extra_repr() {
    return `output_size=${py(this.output_size)}`;
  }
}

export class AdaptiveAvgPool1d extends AdaptivePoolNd {
  constructor(...args) {
    super('AdaptiveAvgPool1d', 'avg', 1, args);
  }
}

export class AdaptiveAvgPool2d extends AdaptivePoolNd {
  constructor(...args) {
    super('AdaptiveAvgPool2d', 'avg', 2, args);
  }
}

export class AdaptiveAvgPool3d extends AdaptivePoolNd {
  constructor(...args) {
    super('AdaptiveAvgPool3d', 'avg', 3, args);
  }
}

export class AdaptiveMaxPool1d extends AdaptivePoolNd {
  constructor(...args) {
    super('AdaptiveMaxPool1d', 'max', 1, args);
  }
}

export class AdaptiveMaxPool2d extends AdaptivePoolNd {
  constructor(...args) {
    super('AdaptiveMaxPool2d', 'max', 2, args);
  }
}

export class AdaptiveMaxPool3d extends AdaptivePoolNd {
  constructor(...args) {
    super('AdaptiveMaxPool3d', 'max', 3, args);
  }
}

// The optional _random_samples tensor is a buffer (a state_dict entry only when given).
class FractionalMaxPoolNd extends Module {
  constructor(name, nd, args) {
    super();
    const o = bindArgs(name, args, [['kernel_size', REQUIRED], ['output_size', null], ['output_ratio', null],
      ['return_indices', false], ['_random_samples', null]]);
    this.kernel_size = checkTuple(name, 'kernel_size', o.kernel_size, nd, { min: 1 });
    this.return_indices = checkBool(name, 'return_indices', o.return_indices);
    checkTensor(name, '_random_samples', o._random_samples, { optional: true });
    this.register_buffer('_random_samples', o._random_samples);
    this.output_size = o.output_size === null ? null : checkTuple(name, 'output_size', o.output_size, nd, { min: 0 });
    let ratio = null;
    if (o.output_ratio !== null) {
      ratio = Array.isArray(o.output_ratio) ? o.output_ratio : new Array(nd).fill(o.output_ratio);
      if (ratio.length !== nd) throw new Error(`${name}: output_ratio must be a number or a tuple of ${nd} numbers, got ${describe(o.output_ratio)}`);
      ratio.forEach((r) => checkNumber(name, 'output_ratio', r));
    }
    this.output_ratio = ratio;
    if (o.output_size === null && o.output_ratio === null) {
      throw new Error(`${name} requires specifying either an output size, or a pooling ratio`);
    }
    if (o.output_size !== null && o.output_ratio !== null) {
      throw new Error(`${name}: only one of output_size and output_ratio may be specified`);
    }
    if (ratio !== null && !ratio.every((r) => r > 0 && r < 1)) {
      throw new Error(`${name}: output_ratio must be between 0 and 1 (got ${describe(o.output_ratio)})`);
    }
    Object.defineProperty(this, '_nd', { value: nd });
  }

  forward(input) {
    return _fractionalMaxPool(this, this._nd, input, this.kernel_size, this.output_size, this.output_ratio,
      this.return_indices, this._random_samples);
  }
}

export class FractionalMaxPool2d extends FractionalMaxPoolNd {
  constructor(...args) {
    super('FractionalMaxPool2d', 2, args);
  }
}

export class FractionalMaxPool3d extends FractionalMaxPoolNd {
  constructor(...args) {
    super('FractionalMaxPool3d', 3, args);
  }
}

class MaxUnpoolNd extends Module {
  constructor(name, nd, args) {
    super();
    const o = bindArgs(name, args, [['kernel_size', REQUIRED], ['stride', null], ['padding', 0]]);
    this.kernel_size = checkTuple(name, 'kernel_size', o.kernel_size, nd, { min: 1 });
    this.stride = checkTuple(name, 'stride', o.stride === null ? o.kernel_size : o.stride, nd, { min: 1 });
    this.padding = checkTuple(name, 'padding', o.padding, nd, { min: 0 });
    Object.defineProperty(this, '_nd', { value: nd });
  }

  forward(input, indices, ...args) {
    const { output_size } = bindArgs(`${this._get_name()}.forward`, args, [['output_size', null]]);
    return _maxUnpool(this, this._nd, input, indices, this.kernel_size, this.stride, this.padding, output_size);
  }

  extra_repr() {
    return `kernel_size=${py(this.kernel_size)}, stride=${py(this.stride)}, padding=${py(this.padding)}`;
  }
}

export class MaxUnpool1d extends MaxUnpoolNd {
  constructor(...args) {
    super('MaxUnpool1d', 1, args);
  }
}

export class MaxUnpool2d extends MaxUnpoolNd {
  constructor(...args) {
    super('MaxUnpool2d', 2, args);
  }
}

export class MaxUnpool3d extends MaxUnpoolNd {
  constructor(...args) {
    super('MaxUnpool3d', 3, args);
  }
}
