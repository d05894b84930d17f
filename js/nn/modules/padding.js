// Padding modules: ConstantPad1d/2d/3d, ZeroPad1d/2d/3d, ReflectionPad1d/2d/3d, ReplicationPad1d/2d/3d.
// As in PyTorch, an int padding is used on every side (_pair / _quadruple / _ntuple(6)), a tuple is
// (left, right[, top, bottom[, front, back]]), and forward is F.pad with the module's mode.
// ZeroPad1d and ZeroPad3d exist only from PyTorch 2.0; they follow 2.x (ConstantPadNd(padding, 0.)
// printed as `ZeroPad1d((1, 2))`).

import { Module } from '../module.js';
import { _pad } from '../functional/padding.js';
import { bindArgs, describe, checkNumber, checkTuple, REQUIRED } from '../../args.js';
import { py, pyFloat } from './utils.js';

class PadNd extends Module {
  /** dims: padded spatial dims (1, 2, 3); mode: F.pad's mode; withValue: takes a `value` argument. */
  constructor(dims, mode, args, withValue) {
    super();
    const name = this._get_name();
    const spec = withValue ? [['padding', REQUIRED], ['value', REQUIRED]] : [['padding', REQUIRED]];
    const o = bindArgs(name, args, spec);
    // A tuple is used as given (PyTorch's _pair/_quadruple pass tuples through): it must have every side.
    if (Array.isArray(o.padding) && o.padding.length !== 2 * dims) {
      throw new Error(`${name}: padding must be an int or a tuple of ${2 * dims} ints, got ${describe(o.padding)}`);
    }
    this.padding = checkTuple(name, 'padding', o.padding, 2 * dims);
    if (withValue) this.value = checkNumber(name, 'value', o.value);
    this._mode = mode;
  }

  forward(input) {
    return _pad(this, input, this.padding, this._mode, this._mode === 'constant' ? this.value : null);
  }

  extra_repr() {
    return py(this.padding);
  }
}

class ConstantPadNd extends PadNd {
  extra_repr() {
    return `padding=${py(this.padding)}, value=${pyFloat(this.value)}`;
  }
}

export class ConstantPad1d extends ConstantPadNd {
  constructor(...args) {
    super(1, 'constant', args, true);
  }
}

export class ConstantPad2d extends ConstantPadNd {
  constructor(...args) {
    super(2, 'constant', args, true);
  }
}

export class ConstantPad3d extends ConstantPadNd {
  constructor(...args) {
    super(3, 'constant', args, true);
  }
}

/** ZeroPadNd(padding) = ConstantPadNd(padding, 0.), printed with the padding only. */
function zeroArgs(name, args) {
  return [{ padding: bindArgs(name, args, [['padding', REQUIRED]]).padding, value: 0.0 }];
}

export class ZeroPad1d extends ConstantPad1d {
  constructor(...args) {
    super(...zeroArgs('ZeroPad1d', args));
  }

  extra_repr() {
    return py(this.padding);
  }
}

export class ZeroPad2d extends ConstantPad2d {
  constructor(...args) {
    super(...zeroArgs('ZeroPad2d', args));
  }

  extra_repr() {
    return py(this.padding);
  }
}

export class ZeroPad3d extends ConstantPad3d {
  constructor(...args) {
    super(...zeroArgs('ZeroPad3d', args));
  }

  extra_repr() {
    return py(this.padding);
  }
}

export class ReflectionPad1d extends PadNd {
  constructor(...args) {
    super(1, 'reflect', args, false);
  }
}

export class ReflectionPad2d extends PadNd {
  constructor(...args) {
    super(2, 'reflect', args, false);
  }
}

export class ReflectionPad3d extends PadNd {
  constructor(...args) {
    super(3, 'reflect', args, false);
  }
}

export class ReplicationPad1d extends PadNd {
  constructor(...args) {
    super(1, 'replicate', args, false);
  }
}

export class ReplicationPad2d extends PadNd {
  constructor(...args) {
    super(2, 'replicate', args, false);
  }
}

export class ReplicationPad3d extends PadNd {
  constructor(...args) {
    super(3, 'replicate', args, false);
  }
}
