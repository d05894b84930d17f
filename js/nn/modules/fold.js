// Unfold and Fold: sliding local blocks. Hyperparameters are stored and printed as given (int or
// tuple), as PyTorch does.

import { Module } from '../module.js';
import { _unfold, _fold } from '../functional/fold.js';
import { bindArgs, checkTuple, REQUIRED } from '../../args.js';
import { py } from './utils.js';

const WINDOW = [['kernel_size', REQUIRED], ['dilation', 1], ['padding', 0], ['stride', 1]];

/** Validates like PyTorch's _pair would accept (an int or 2 ints), keeping the value as given. */
function pairArg(name, arg, v, min) {
  checkTuple(name, arg, v, 2, { min });
  return Array.isArray(v) ? v.slice() : v;
}

export class Unfold extends Module {
  constructor(...args) {
    super();
    const o = bindArgs('Unfold', args, WINDOW);
    this.kernel_size = pairArg('Unfold', 'kernel_size', o.kernel_size, 1);
    this.dilation = pairArg('Unfold', 'dilation', o.dilation, 1);
    this.padding = pairArg('Unfold', 'padding', o.padding, 0);
    this.stride = pairArg('Unfold', 'stride', o.stride, 1);
  }

  forward(input) {
    return _unfold(this, input, this.kernel_size, this.dilation, this.padding, this.stride);
  }

  extra_repr() {
    return `kernel_size=${py(this.kernel_size)}, dilation=${py(this.dilation)}, padding=${py(this.padding)}, ` +
      `stride=${py(this.stride)}`;
  }
}

export class Fold extends Module {
  constructor(...args) {
    super();
    const o = bindArgs('Fold', args, [['output_size', REQUIRED], ...WINDOW]);
    this.output_size = pairArg('Fold', 'output_size', o.output_size, -Infinity);
    this.kernel_size = pairArg('Fold', 'kernel_size', o.kernel_size, 1);
    this.dilation = pairArg('Fold', 'dilation', o.dilation, 1);
    this.padding = pairArg('Fold', 'padding', o.padding, 0);
    this.stride = pairArg('Fold', 'stride', o.stride, 1);
  }

  forward(input) {
    return _fold(this, input, this.output_size, this.kernel_size, this.dilation, this.padding, this.stride);
  }

  extra_repr() {
    return `output_size=${py(this.output_size)}, kernel_size=${py(this.kernel_size)}, dilation=${py(this.dilation)}, ` +
      `padding=${py(this.padding)}, stride=${py(this.stride)}`;
  }
}
