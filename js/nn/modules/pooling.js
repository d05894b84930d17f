// MaxPool1d, MaxPool2d, MaxPool3d.

import { Module } from '../module.js';
import { _maxPool } from '../functional/pooling.js';
import { bindArgs, checkBool, checkTuple, REQUIRED } from '../../args.js';
import { py } from './utils.js';

const ARGS = [['kernel_size', REQUIRED], ['stride', null], ['padding', 0], ['dilation', 1], ['return_indices', false],
  ['ceil_mode', false]];

// Hyperparameters are kept as given (an int or a tuple), because that is what PyTorch prints.
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
