// Dropout, Dropout1d, Dropout2d, Dropout3d, AlphaDropout, FeatureAlphaDropout: PyTorch's _DropoutNd
// (p in [0, 1], inplace; printed as `p=0.5, inplace=False`), active only in training mode.

import { Module } from '../module.js';
import { _dropout, _dropoutNd, _checkDropoutP } from '../functional/dropout.js';
import { bindArgs, checkBool } from '../../args.js';
import { py, pyFloat } from './utils.js';

class DropoutNd extends Module {
  constructor(name, args) {
    super();
    const o = bindArgs(name, args, [['p', 0.5], ['inplace', false]]);
    this.p = _checkDropoutP(name, o.p);
    this.inplace = checkBool(name, 'inplace', o.inplace);
  }

  extra_repr() {
    return `p=${pyFloat(this.p)}, inplace=${py(this.inplace)}`;
  }
}

export class Dropout extends DropoutNd {
  constructor(...args) {
    super('Dropout', args);
  }

  forward(input) {
    return _dropout(this, input, this.p, this.training, this.inplace);
  }
}

export class Dropout1d extends DropoutNd {
  constructor(...args) {
    super('Dropout1d', args);
  }

  forward(input) {
    return _dropoutNd(this, 1, input, this.p, this.training, this.inplace);
  }
}

export class Dropout2d extends DropoutNd {
  constructor(...args) {
    super('Dropout2d', args);
  }

  forward(input) {
    return _dropoutNd(this, 2, input, this.p, this.training, this.inplace);
  }
}

export class Dropout3d extends DropoutNd {
  constructor(...args) {
    super('Dropout3d', args);
  }

  forward(input) {
    return _dropoutNd(this, 3, input, this.p, this.training, this.inplace);
  }
}

export class AlphaDropout extends DropoutNd {
  constructor(...args) {
    super('AlphaDropout', args);
  }

  forward(input) {
    return _dropout(this, input, this.p, this.training, this.inplace, { alpha: true });
  }
}

export class FeatureAlphaDropout extends DropoutNd {
  constructor(...args) {
    super('FeatureAlphaDropout', args);
  }

  forward(input) {
    return _dropout(this, input, this.p, this.training, this.inplace, { feature: true, alpha: true });
  }
}
