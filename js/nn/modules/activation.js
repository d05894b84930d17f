// Activations and clipping: ReLU, Sigmoid, Tanh, Softmax, LogSoftmax, Softmin, GELU, LeakyReLU, ELU,
// SELU, CELU, SiLU, Mish, Softplus, Softsign, Hardsigmoid, Hardswish, LogSigmoid, Hardshrink,
// Softshrink, Tanhshrink, PReLU, GLU, Threshold, Hardtanh, ReLU6.
//
// Printing follows PyTorch 1.13's extra_repr. A hyperparameter PyTorch declares as a float (alpha=1.0,
// min_val=-1.0, negative_slope=0.01, lambd=0.5, init=0.25) prints as a Python float; Softplus's
// beta/threshold and Threshold's arguments print as given (PyTorch's defaults there are ints).

import { Module } from '../module.js';
import * as init from '../init.js';
import { _unary, _softmax, _prelu, _glu, _checkHardtanh, _celuParams, _geluOp } from '../functional/activation.js';
import { bindArgs, checkBool, checkInt, checkNumber, REQUIRED } from '../../args.js';
import { py, pyFloat, newParameter, checkFactoryKwargs } from './utils.js';

const INPLACE = ['inplace', false];

/** ', inplace=True' when set (the suffix most extra_reprs end with). */
function inplaceSuffix(m) {
  return m.inplace ? ', inplace=True' : '';
}

export class ReLU extends Module {
  constructor(...args) {
    super();
    this.inplace = checkBool('ReLU', 'inplace', bindArgs('ReLU', args, [INPLACE]).inplace);
  }

  forward(input) {
    return _unary(this, 'relu', input, this.inplace);
  }

  extra_repr() {
    return this.inplace ? 'inplace=True' : '';
  }
}

// A layer without hyperparameters: PyTorch's __init__ takes no arguments, so any given is an error.
class NoArgs extends Module {
  constructor(...args) {
    super();
    bindArgs(this._get_name(), args, []);
  }
}

export class Sigmoid extends NoArgs {
  forward(input) {
    return _unary(this, 'sigmoid', input);
  }
}

export class Tanh extends NoArgs {
  forward(input) {
    return _unary(this, 'tanh', input);
  }
}

export class Threshold extends Module {
  constructor(...args) {
    super();
    const o = bindArgs('Threshold', args, [['threshold', REQUIRED], ['value', REQUIRED], INPLACE]);
    this.threshold = checkNumber('Threshold', 'threshold', o.threshold);
    this.value = checkNumber('Threshold', 'value', o.value);
    this.inplace = checkBool('Threshold', 'inplace', o.inplace);
  }

  forward(input) {
    return _unary(this, 'threshold', input, this.inplace, this.threshold, this.value);
  }

  extra_repr() {
    return `threshold=${py(this.threshold)}, value=${py(this.value)}${inplaceSuffix(this)}`;
  }
}

export class Hardtanh extends Module {
  constructor(...args) {
    super();
    const o = bindArgs('Hardtanh', args, [['min_val', -1.0], ['max_val', 1.0], INPLACE]);
    _checkHardtanh('Hardtanh', o.min_val, o.max_val);
    // PyTorch asserts max_val > min_val here (F.hardtanh itself accepts any order).
    if (!(o.max_val > o.min_val)) {
      throw new Error(`Hardtanh: max_val must be greater than min_val, got min_val=${o.min_val}, max_val=${o.max_val}`);
    }
    this.min_val = o.min_val;
    this.max_val = o.max_val;
    this.inplace = checkBool('Hardtanh', 'inplace', o.inplace);
  }

  forward(input) {
    return _unary(this, 'hardtanh', input, this.inplace, this.min_val, this.max_val);
  }

  extra_repr() {
    return `min_val=${pyFloat(this.min_val)}, max_val=${pyFloat(this.max_val)}${inplaceSuffix(this)}`;
  }
}

/** ReLU6(inplace) is Hardtanh(0., 6.), as in PyTorch where it subclasses Hardtanh. */
export class ReLU6 extends Hardtanh {
  constructor(...args) {
    const { inplace } = bindArgs('ReLU6', args, [INPLACE]);
    super(0.0, 6.0, checkBool('ReLU6', 'inplace', inplace));
  }

  extra_repr() {
    return this.inplace ? 'inplace=True' : '';
  }
}

export class LeakyReLU extends Module {
  constructor(...args) {
    super();
    const o = bindArgs('LeakyReLU', args, [['negative_slope', 1e-2], INPLACE]);
    this.inplace = checkBool('LeakyReLU', 'inplace', o.inplace);
    this.negative_slope = checkNumber('LeakyReLU', 'negative_slope', o.negative_slope);
  }

  forward(input) {
    return _unary(this, 'leaky_relu', input, this.inplace, this.negative_slope);
  }

  extra_repr() {
    return `negative_slope=${pyFloat(this.negative_slope)}${inplaceSuffix(this)}`;
  }
}

export class ELU extends Module {
  constructor(...args) {
    super();
    const o = bindArgs('ELU', args, [['alpha', 1.0], INPLACE]);
    this.inplace = checkBool('ELU', 'inplace', o.inplace);
    this.alpha = checkNumber('ELU', 'alpha', o.alpha);
  }

  forward(input) {
    return _unary(this, 'elu', input, this.inplace, this.alpha, 1);
  }

  extra_repr() {
    return `alpha=${pyFloat(this.alpha)}${inplaceSuffix(this)}`;
  }
}

export class CELU extends Module {
  constructor(...args) {
    super();
    const o = bindArgs('CELU', args, [['alpha', 1.0], INPLACE]);
    this.inplace = checkBool('CELU', 'inplace', o.inplace);
    // PyTorch rejects alpha = 0 at forward; rejecting it here is earlier and as clear.
    this._params = _celuParams('CELU', o.alpha);
    this.alpha = o.alpha;
  }

  forward(input) {
    return _unary(this, 'elu', input, this.inplace, ...this._params);
  }

  extra_repr() {
    return `alpha=${pyFloat(this.alpha)}${inplaceSuffix(this)}`;
  }
}

/** Activations whose only argument is `inplace`, printed as `inplace=True` when set. */
class InplaceOnly extends Module {
  constructor(name, op, args) {
    super();
    this.inplace = checkBool(name, 'inplace', bindArgs(name, args, [INPLACE]).inplace);
    this._op = op;
  }

  forward(input) {
    return _unary(this, this._op, input, this.inplace);
  }

  extra_repr() {
    return this.inplace ? 'inplace=True' : '';
  }
}

export class SELU extends InplaceOnly {
  constructor(...args) {
    super('SELU', 'selu', args);
  }
}

export class SiLU extends InplaceOnly {
  constructor(...args) {
    super('SiLU', 'silu', args);
  }
}

export class Mish extends InplaceOnly {
  constructor(...args) {
    super('Mish', 'mish', args);
  }
}

/** Hardsigmoid/Hardswish take `inplace` but PyTorch 1.13 prints nothing for it. */
export class Hardsigmoid extends InplaceOnly {
  constructor(...args) {
    super('Hardsigmoid', 'hardsigmoid', args);
  }

  extra_repr() {
    return '';
  }
}

export class Hardswish extends InplaceOnly {
  constructor(...args) {
    super('Hardswish', 'hardswish', args);
  }

  extra_repr() {
    return '';
  }
}

export class GELU extends Module {
  constructor(...args) {
    super();
    const o = bindArgs('GELU', args, [['approximate', 'none']]);
    this._op = _geluOp('GELU', o.approximate);
    this.approximate = o.approximate;
  }

  forward(input) {
    return _unary(this, this._op, input);
  }

  extra_repr() {
    return `approximate='${this.approximate}'`;
  }
}

export class Softplus extends Module {
  constructor(...args) {
    super();
    const o = bindArgs('Softplus', args, [['beta', 1], ['threshold', 20]]);
    this.beta = checkNumber('Softplus', 'beta', o.beta);
    this.threshold = checkNumber('Softplus', 'threshold', o.threshold);
  }

  forward(input) {
    return _unary(this, 'softplus', input, false, this.beta, this.threshold);
  }

  extra_repr() {
    return `beta=${py(this.beta)}, threshold=${py(this.threshold)}`;
  }
}

/** Hardshrink/Softshrink: one `lambd`, printed bare like PyTorch (`Hardshrink(0.5)`). */
class Shrink extends Module {
  constructor(name, op, args) {
    super();
    this.lambd = checkNumber(name, 'lambd', bindArgs(name, args, [['lambd', 0.5]]).lambd);
    this._op = op;
  }

  forward(input) {
    return _unary(this, this._op, input, false, this.lambd);
  }

  extra_repr() {
    return pyFloat(this.lambd);
  }
}

export class Hardshrink extends Shrink {
  constructor(...args) {
    super('Hardshrink', 'hardshrink', args);
  }
}

export class Softshrink extends Shrink {
  constructor(...args) {
    super('Softshrink', 'softshrink', args);
  }
}

export class Softsign extends NoArgs {
  forward(input) {
    return _unary(this, 'softsign', input);
  }
}

export class LogSigmoid extends NoArgs {
  forward(input) {
    return _unary(this, 'logsigmoid', input);
  }
}

export class Tanhshrink extends NoArgs {
  forward(input) {
    return _unary(this, 'tanhshrink', input);
  }
}

export class PReLU extends Module {
  constructor(...args) {
    super();
    const o = bindArgs('PReLU', args, [['num_parameters', 1], ['init', 0.25], ['device', null], ['dtype', null]]);
    checkFactoryKwargs('PReLU', o);
    this.num_parameters = checkInt('PReLU', 'num_parameters', o.num_parameters, { min: 0 });
    this.init = checkNumber('PReLU', 'init', o.init);
    this.weight = newParameter([this.num_parameters]);
    this.reset_parameters();
  }

  reset_parameters() {
    init.constant_(this.weight, this.init);
  }

  forward(input) {
    return _prelu(this, input, this.weight);
  }

  extra_repr() {
    return `num_parameters=${this.num_parameters}`;
  }
}

export class GLU extends Module {
  constructor(...args) {
    super();
    this.dim = checkInt('GLU', 'dim', bindArgs('GLU', args, [['dim', -1]]).dim);
  }

  forward(input) {
    return _glu(this, input, this.dim);
  }

  extra_repr() {
    return `dim=${this.dim}`;
  }
}

class SoftmaxBase extends Module {
  constructor(name, args) {
    super();
    const { dim } = bindArgs(name, args, [['dim', null]]);
    if (dim !== null) checkInt(name, 'dim', dim);
    this.dim = dim;
  }

  extra_repr() {
    return `dim=${py(this.dim)}`;
  }
}

export class Softmax extends SoftmaxBase {
  constructor(...args) {
    super('Softmax', args);
  }

  forward(input) {
    return _softmax(this, input, this.dim, null, false);
  }
}

export class LogSoftmax extends SoftmaxBase {
  constructor(...args) {
    super('LogSoftmax', args);
  }

  forward(input) {
    return _softmax(this, input, this.dim, null, true);
  }
}

export class Softmin extends SoftmaxBase {
  constructor(...args) {
    super('Softmin', args);
  }

  forward(input) {
    return _softmax(this, input, this.dim, null, false, true);
  }
}
