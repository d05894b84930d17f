// Activations: ReLU, Sigmoid, Tanh, Softmax, LogSoftmax.

import { Module } from '../module.js';
import { _unary, _softmax } from '../functional/activation.js';
import { bindArgs, checkBool, checkInt } from '../../args.js';
import { py } from './utils.js';

export class ReLU extends Module {
  constructor(...args) {
    super();
    this.inplace = checkBool('ReLU', 'inplace', bindArgs('ReLU', args, [['inplace', false]]).inplace);
  }

  forward(input) {
    return _unary(this, 'relu', input, this.inplace);
  }

  extra_repr() {
    return this.inplace ? 'inplace=True' : '';
  }
}

export class Sigmoid extends Module {
  forward(input) {
    return _unary(this, 'sigmoid', input);
  }
}

export class Tanh extends Module {
  forward(input) {
    return _unary(this, 'tanh', input);
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
