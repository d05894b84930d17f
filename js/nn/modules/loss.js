// Losses: L1Loss, MSELoss, SmoothL1Loss, HuberLoss, KLDivLoss, BCELoss, BCEWithLogitsLoss,
// NLLLoss, CrossEntropyLoss. Like PyTorch's _Loss/_WeightedLoss: `reduction` (or the legacy
// size_average/reduce pair) on every loss, the class `weight` (and `pos_weight`) registered as
// buffers, so they appear in state_dict only when given. No extra_repr: `CrossEntropyLoss()`.

import { Module } from '../module.js';
import {
  resolveReduction, _l1_loss, _mse_loss, _smooth_l1_loss, _huber_loss, _kl_div, _binary_cross_entropy,
  _binary_cross_entropy_with_logits, _nll_loss, _cross_entropy,
} from '../functional/loss.js';
import { checkTensor } from '../functional/utils.js';
import { bindArgs, checkNumber, checkBool, checkInt } from '../../args.js';

const LEGACY = [['size_average', null], ['reduce', null], ['reduction', 'mean']];

class _Loss extends Module {
  /** Binds `args` to `spec` and stores the reduction; returns the bound options for the subclass. */
  _init(name, args, spec, options) {
    const o = bindArgs(name, args, spec);
    this.reduction = resolveReduction(name, o.size_average ?? null, o.reduce ?? null, o.reduction, options);
    return o;
  }
}

class _WeightedLoss extends _Loss {
  _init(name, args, spec) {
    const o = super._init(name, args, spec);
    this.register_buffer('weight', checkTensor(name, 'weight', o.weight, { optional: true }));
    return o;
  }
}

export class L1Loss extends _Loss {
  constructor(...args) {
    super();
    this._init('L1Loss', args, LEGACY);
  }

  forward(input, target) {
    return _l1_loss(this, input, target, this.reduction);
  }
}

export class MSELoss extends _Loss {
  constructor(...args) {
    super();
    this._init('MSELoss', args, LEGACY);
  }

  forward(input, target) {
    return _mse_loss(this, input, target, this.reduction);
  }
}

export class SmoothL1Loss extends _Loss {
  constructor(...args) {
    super();
    const o = this._init('SmoothL1Loss', args, [...LEGACY, ['beta', 1.0]]);
    this.beta = checkNumber('SmoothL1Loss', 'beta', o.beta);
  }

  forward(input, target) {
    return _smooth_l1_loss(this, input, target, this.reduction, this.beta);
  }
}

export class HuberLoss extends _Loss {
  constructor(...args) {
    super();
    const o = this._init('HuberLoss', args, [['reduction', 'mean'], ['delta', 1.0]]);
    this.delta = checkNumber('HuberLoss', 'delta', o.delta);
  }

  forward(input, target) {
    return _huber_loss(this, input, target, this.reduction, this.delta);
  }
}

export class KLDivLoss extends _Loss {
  constructor(...args) {
    super();
    const o = this._init('KLDivLoss', args, [...LEGACY, ['log_target', false]], { batchmean: true });
    this.log_target = checkBool('KLDivLoss', 'log_target', o.log_target);
  }

  forward(input, target) {
    return _kl_div(this, input, target, this.reduction, this.log_target);
  }
}

export class BCELoss extends _WeightedLoss {
  constructor(...args) {
    super();
    this._init('BCELoss', args, [['weight', null], ...LEGACY]);
  }

  forward(input, target) {
    return _binary_cross_entropy(this, input, target, this.weight, this.reduction);
  }
}

export class BCEWithLogitsLoss extends _Loss {
  constructor(...args) {
    super();
    // PyTorch's BCEWithLogitsLoss extends _Loss and registers both buffers itself.
    const o = this._init('BCEWithLogitsLoss', args, [['weight', null], ...LEGACY, ['pos_weight', null]]);
    this.register_buffer('weight', checkTensor('BCEWithLogitsLoss', 'weight', o.weight, { optional: true }));
    this.register_buffer('pos_weight', checkTensor('BCEWithLogitsLoss', 'pos_weight', o.pos_weight, { optional: true }));
  }

  forward(input, target) {
    return _binary_cross_entropy_with_logits(this, input, target, this.weight, this.reduction, this.pos_weight);
  }
}

export class NLLLoss extends _WeightedLoss {
  constructor(...args) {
    super();
    const o = this._init('NLLLoss', args, [['weight', null], ['size_average', null], ['ignore_index', -100],
      ['reduce', null], ['reduction', 'mean']]);
    this.ignore_index = checkInt('NLLLoss', 'ignore_index', o.ignore_index);
  }

  forward(input, target) {
    return _nll_loss(this, input, target, this.weight, this.ignore_index, this.reduction);
  }
}

export class CrossEntropyLoss extends _WeightedLoss {
  constructor(...args) {
    super();
    const o = this._init('CrossEntropyLoss', args, [['weight', null], ['size_average', null], ['ignore_index', -100],
      ['reduce', null], ['reduction', 'mean'], ['label_smoothing', 0.0]]);
    this.ignore_index = checkInt('CrossEntropyLoss', 'ignore_index', o.ignore_index);
    this.label_smoothing = checkNumber('CrossEntropyLoss', 'label_smoothing', o.label_smoothing);
  }

  forward(input, target) {
    return _cross_entropy(this, input, target, this.weight, this.ignore_index, this.reduction, this.label_smoothing);
  }
}
