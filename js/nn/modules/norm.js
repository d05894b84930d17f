// BatchNorm1d/2d/3d, InstanceNorm1d/2d/3d (one NormBase, as PyTorch's _NormBase), LayerNorm,
// GroupNorm, LocalResponseNorm, and SwitchableNorm1d/2d (Luo et al., ICLR 2019; not in torch.nn:
// its reference is tests/golden/switchable_norm.py, whose repr and state_dict keys it follows).

import { Module } from '../module.js';
import * as init from '../init.js';
import { tensor, zeros, ones, tidy, _empty, _fmtShape } from '../../tensor.js';
import { C } from '../../runtime.js';
import { _batchNorm, _instanceNorm, _layerNorm, _groupNorm, _localResponseNorm, _normalizedShape }
  from '../functional/normalization.js';
import { checkTensor } from '../functional/utils.js';
import { bindArgs, checkInt, checkBool, checkNumber, nameOf, REQUIRED } from '../../args.js';
import { py, pyFloat, newParameter, checkFactoryKwargs } from './utils.js';

function checkMomentum(name, momentum) {
  return momentum === null ? null : checkNumber(name, 'momentum', momentum);
}

/** Shared by BatchNorm and InstanceNorm: hyperparameters, affine parameters, running-stat buffers. */
class NormBase extends Module {
  constructor(name, args, affine, trackRunningStats) {
    super();
    const o = bindArgs(name, args, [['num_features', REQUIRED], ['eps', 1e-5], ['momentum', 0.1], ['affine', affine],
      ['track_running_stats', trackRunningStats], ['device', null], ['dtype', null]]);
    checkFactoryKwargs(name, o);
    this.num_features = checkInt(name, 'num_features', o.num_features, { min: 0 });
    this.eps = checkNumber(name, 'eps', o.eps);
    this.momentum = checkMomentum(name, o.momentum);
    this.affine = checkBool(name, 'affine', o.affine);
    this.track_running_stats = checkBool(name, 'track_running_stats', o.track_running_stats);
    if (this.affine) {
      this.weight = newParameter([this.num_features]);
      this.bias = newParameter([this.num_features]);
    } else {
      this.register_parameter('weight', null);
      this.register_parameter('bias', null);
    }
    if (this.track_running_stats) {
      this.register_buffer('running_mean', zeros(this.num_features));
      this.register_buffer('running_var', ones(this.num_features));
      this.register_buffer('num_batches_tracked', tensor(0, { dtype: 'int64' }));
    } else {
      this.register_buffer('running_mean', null);
      this.register_buffer('running_var', null);
      this.register_buffer('num_batches_tracked', null);
    }
    this.reset_parameters();
  }

  reset_running_stats() {
    if (!this.track_running_stats) return;
    this.running_mean.zero_();
    this.running_var.fill_(1);
    this.num_batches_tracked.zero_();
  }

  reset_parameters() {
    this.reset_running_stats();
    if (this.affine) {
      init.ones_(this.weight);
      init.zeros_(this.bias);
    }
  }

  extra_repr() {
    return `${this.num_features}, eps=${pyFloat(this.eps)}, momentum=${pyFloat(this.momentum)}, ` +
      `affine=${py(this.affine)}, track_running_stats=${py(this.track_running_stats)}`;
  }
}

class BatchNormNd extends NormBase {
  constructor(name, ranks, args) {
    super(name, args, true, true);
    Object.defineProperty(this, '_ranks', { value: ranks });
  }

  forward(input) {
    checkTensor(this, 'input', input);
    if (!this._ranks.includes(input._shape.length)) {
      throw new Error(`${nameOf(this)}: expected ${this._ranks.map((r) => `${r}D`).join(' or ')} input ` +
        `(got ${input._shape.length}D input)`);
    }
    const counting = this.training && this.track_running_stats && this.num_batches_tracked !== null;
    // momentum=None is a cumulative moving average: weight 1/count with the count this step makes.
    const count = counting ? this.num_batches_tracked.item() + 1 : 0;
    const factor = this.momentum === null ? (counting ? 1 / count : 0) : this.momentum;
    const batchStats = this.training || (this.running_mean === null && this.running_var === null);
    const useRunning = !this.training || this.track_running_stats;
    const out = _batchNorm(this, input, useRunning ? this.running_mean : null, useRunning ? this.running_var : null,
      this.weight, this.bias, batchStats, factor, this.eps);
    // Counted once the step succeeded, so a rejected input leaves the module unchanged.
    if (counting) this.num_batches_tracked.fill_(count);
    return out;
  }
}

export class BatchNorm1d extends BatchNormNd {
  constructor(...args) {
    super('BatchNorm1d', [2, 3], args);
  }
}

export class BatchNorm2d extends BatchNormNd {
  constructor(...args) {
    super('BatchNorm2d', [4], args);
  }
}

export class BatchNorm3d extends BatchNormNd {
  constructor(...args) {
    super('BatchNorm3d', [5], args);
  }
}

class InstanceNormNd extends NormBase {
  constructor(name, nd, args) {
    super(name, args, false, false);
    Object.defineProperty(this, '_nd', { value: nd });
  }

  forward(input) {
    checkTensor(this, 'input', input);
    const nd = this._nd;
    const rank = input._shape.length;
    if (rank !== nd + 1 && rank !== nd + 2) {
      throw new Error(`${nameOf(this)}: expected ${nd + 1}D or ${nd + 2}D input (got ${rank}D input)`);
    }
    const featureDim = rank - nd - 1;
    if (this.affine && input._shape[featureDim] !== this.num_features) {
      throw new Error(`${nameOf(this)}: expected input's size at dim=${featureDim} to match num_features ` +
        `(${this.num_features}), but got: ${input._shape[featureDim]}.`);
    }
    // Unbatched input runs as a batch of one.
    const x = rank === nd + 1 ? input.unsqueeze(0) : input;
    const out = _instanceNorm(this, x, this.running_mean, this.running_var, this.weight, this.bias,
      this.training || !this.track_running_stats, this.momentum, this.eps);
    return rank === nd + 1 ? out.squeeze(0) : out;
  }
}

export class InstanceNorm1d extends InstanceNormNd {
  constructor(...args) {
    super('InstanceNorm1d', 1, args);
  }
}

export class InstanceNorm2d extends InstanceNormNd {
  constructor(...args) {
    super('InstanceNorm2d', 2, args);
  }
}

export class InstanceNorm3d extends InstanceNormNd {
  constructor(...args) {
    super('InstanceNorm3d', 3, args);
  }
}

export class LayerNorm extends Module {
  constructor(...args) {
    super();
    const o = bindArgs('LayerNorm', args, [['normalized_shape', REQUIRED], ['eps', 1e-5], ['elementwise_affine', true],
      ['device', null], ['dtype', null]]);
    checkFactoryKwargs('LayerNorm', o);
    this.normalized_shape = _normalizedShape('LayerNorm', o.normalized_shape);
    this.eps = checkNumber('LayerNorm', 'eps', o.eps);
    this.elementwise_affine = checkBool('LayerNorm', 'elementwise_affine', o.elementwise_affine);
    if (this.elementwise_affine) {
      this.weight = newParameter(this.normalized_shape);
      this.bias = newParameter(this.normalized_shape);
    } else {
      this.register_parameter('weight', null);
      this.register_parameter('bias', null);
    }
    this.reset_parameters();
  }

  reset_parameters() {
    if (this.elementwise_affine) {
      init.ones_(this.weight);
      init.zeros_(this.bias);
    }
  }

  forward(input) {
    return _layerNorm(this, input, this.normalized_shape, this.weight, this.bias, this.eps);
  }

  extra_repr() {
    return `${py(this.normalized_shape)}, eps=${pyFloat(this.eps)}, elementwise_affine=${py(this.elementwise_affine)}`;
  }
}

export class GroupNorm extends Module {
  constructor(...args) {
    super();
    const o = bindArgs('GroupNorm', args, [['num_groups', REQUIRED], ['num_channels', REQUIRED], ['eps', 1e-5],
      ['affine', true], ['device', null], ['dtype', null]]);
    checkFactoryKwargs('GroupNorm', o);
    this.num_groups = checkInt('GroupNorm', 'num_groups', o.num_groups, { min: 1 });
    this.num_channels = checkInt('GroupNorm', 'num_channels', o.num_channels, { min: 0 });
    if (this.num_channels % this.num_groups !== 0) {
      throw new Error(`GroupNorm: num_channels must be divisible by num_groups, got num_channels=${this.num_channels}, ` +
        `num_groups=${this.num_groups}`);
    }
    this.eps = checkNumber('GroupNorm', 'eps', o.eps);
    this.affine = checkBool('GroupNorm', 'affine', o.affine);
    if (this.affine) {
      this.weight = newParameter([this.num_channels]);
      this.bias = newParameter([this.num_channels]);
    } else {
      this.register_parameter('weight', null);
      this.register_parameter('bias', null);
    }
    this.reset_parameters();
  }

  reset_parameters() {
    if (this.affine) {
      init.ones_(this.weight);
      init.zeros_(this.bias);
    }
  }

  forward(input) {
    return _groupNorm(this, input, this.num_groups, this.weight, this.bias, this.eps);
  }

  extra_repr() {
    return `${this.num_groups}, ${this.num_channels}, eps=${pyFloat(this.eps)}, affine=${py(this.affine)}`;
  }
}

export class LocalResponseNorm extends Module {
  constructor(...args) {
    super();
    const o = bindArgs('LocalResponseNorm', args, [['size', REQUIRED], ['alpha', 1e-4], ['beta', 0.75], ['k', 1.0]]);
    this.size = checkInt('LocalResponseNorm', 'size', o.size, { min: 1 });
    this.alpha = checkNumber('LocalResponseNorm', 'alpha', o.alpha);
    this.beta = checkNumber('LocalResponseNorm', 'beta', o.beta);
    this.k = checkNumber('LocalResponseNorm', 'k', o.k);
  }

  forward(input) {
    return _localResponseNorm(this, input, this.size, this.alpha, this.beta, this.k);
  }

  extra_repr() {
    return `${this.size}, alpha=${pyFloat(this.alpha)}, beta=${pyFloat(this.beta)}, k=${pyFloat(this.k)}`;
  }
}

/**
 * Switchable Normalization (Luo et al., "Differentiable Learning-to-Normalize via Switchable
 * Normalization", ICLR 2019): the input is normalized with a mean and a variance that are each a
 * softmax-weighted mix of instance-, layer- and batch-norm statistics (eqs. 2-3), the LN and BN
 * ones derived from the IN ones (the paper's efficient form), then scaled by weight and shifted
 * by bias. Training uses the batch's BN statistics and updates running_mean/running_var
 * (running = (1 - momentum) * running + momentum * batch, the biased BN variance of the paper);
 * eval uses the running ones.
 */
class SwitchableNormNd extends Module {
  constructor(name, ranks, args) {
    super();
    const o = bindArgs(name, args, [['num_features', REQUIRED], ['eps', 1e-5], ['momentum', 0.1]]);
    this.num_features = checkInt(name, 'num_features', o.num_features, { min: 1 });
    this.eps = checkNumber(name, 'eps', o.eps);
    if (!(this.eps >= 0) || !Number.isFinite(this.eps)) throw new Error(`${name}: eps must be a finite number >= 0, got ${this.eps}`);
    this.momentum = checkNumber(name, 'momentum', o.momentum);
    Object.defineProperty(this, '_ranks', { value: ranks });
    this.weight = newParameter([this.num_features]);
    this.bias = newParameter([this.num_features]);
    this.mean_weight = newParameter([3]);
    this.var_weight = newParameter([3]);
    this.register_buffer('running_mean', zeros(this.num_features));
    this.register_buffer('running_var', ones(this.num_features));
    this.reset_parameters();
  }

  reset_running_stats() {
    this.running_mean.zero_();
    this.running_var.fill_(1);
  }

  reset_parameters() {
    this.reset_running_stats();
    init.ones_(this.weight);
    init.zeros_(this.bias);
    init.ones_(this.mean_weight);
    init.ones_(this.var_weight);
  }

  forward(input) {
    checkTensor(this, 'input', input);
    const shape = input._shape;
    if (!this._ranks.includes(shape.length)) {
      throw new Error(`${nameOf(this)}: expected ${this._ranks.map((r) => `${r}D`).join(' or ')} input ` +
        `(got ${shape.length}D input)`);
    }
    const [N, Cn] = shape;
    if (Cn !== this.num_features) {
      throw new Error(`${nameOf(this)}: expected input with ${this.num_features} channels, got input of size ${_fmtShape(shape)}`);
    }
    return tidy(() => {
      const out = _empty(shape.slice());
      if (out.numel() === 0) return out;
      const S = out.numel() / (N * Cn);
      const x = input.contiguous();
      const inMean = _empty([N * Cn]);
      const inVar = _empty([N * Cn]);
      C.wt_batch_norm_stats_f32(inMean._ptr(), inVar._ptr(), x._ptr(), 1, N * Cn, S);
      const [mean, variance] = this._mix(N, Cn, inMean.toTypedArray(), inVar.toTypedArray());
      const m = _empty([N * Cn])._setValues(mean);
      const v = _empty([N * Cn])._setValues(variance);
      const w = this.weight.reshape([1, Cn]).expand([N, Cn]).contiguous();
      const b = this.bias.reshape([1, Cn]).expand([N, Cn]).contiguous();
      C.wt_batch_norm_f32(out._ptr(), x._ptr(), m._ptr(), v._ptr(), w._ptr(), b._ptr(), 1, N * Cn, S, this.eps);
      return out;
    });
  }

  /** The mixed per-(sample, channel) mean and variance from the IN statistics (the per-channel arithmetic is tiny). */
  _mix(N, Cn, inMean, inVar) {
    const softmax = (p) => {
      const v = p.toTypedArray();
      const mx = Math.max(...v);
      const e = Array.from(v, (x) => Math.exp(x - mx));
      const s = e[0] + e[1] + e[2];
      return e.map((x) => x / s);
    };
    const wm = softmax(this.mean_weight);
    const wv = softmax(this.var_weight);
    // second moments E[x^2] = var + mean^2 of each (sample, channel)
    const sq = inMean.map((m, i) => inVar[i] + m * m);
    const lnMean = new Float64Array(N);
    const lnVar = new Float64Array(N);
    for (let n = 0; n < N; n++) {
      let s = 0;
      let q = 0;
      for (let c = 0; c < Cn; c++) s += inMean[n * Cn + c], q += sq[n * Cn + c];
      lnMean[n] = s / Cn;
      lnVar[n] = q / Cn - lnMean[n] * lnMean[n];
    }
    let bnMean;
    let bnVar;
    if (this.training) {
      bnMean = new Float64Array(Cn);
      bnVar = new Float64Array(Cn);
      for (let c = 0; c < Cn; c++) {
        let s = 0;
        let q = 0;
        for (let n = 0; n < N; n++) s += inMean[n * Cn + c], q += sq[n * Cn + c];
        bnMean[c] = s / N;
        bnVar[c] = q / N - bnMean[c] * bnMean[c];
      }
      const mom = this.momentum;
      const rm = this.running_mean.toTypedArray().map((r, c) => (1 - mom) * r + mom * bnMean[c]);
      const rv = this.running_var.toTypedArray().map((r, c) => (1 - mom) * r + mom * bnVar[c]);
      this.running_mean._setValues(rm);
      this.running_var._setValues(rv);
    } else {
      bnMean = this.running_mean.toTypedArray();
      bnVar = this.running_var.toTypedArray();
    }
    const mean = new Float32Array(N * Cn);
    const variance = new Float32Array(N * Cn);
    for (let n = 0; n < N; n++) {
      for (let c = 0; c < Cn; c++) {
        const i = n * Cn + c;
        mean[i] = wm[0] * inMean[i] + wm[1] * lnMean[n] + wm[2] * bnMean[c];
        variance[i] = wv[0] * inVar[i] + wv[1] * lnVar[n] + wv[2] * bnVar[c];
      }
    }
    return [mean, variance];
  }

  extra_repr() {
    return `${this.num_features}, eps=${pyFloat(this.eps)}, momentum=${pyFloat(this.momentum)}`;
  }
}

export class SwitchableNorm1d extends SwitchableNormNd {
  constructor(...args) {
    super('SwitchableNorm1d', [2, 3], args);
  }
}

export class SwitchableNorm2d extends SwitchableNormNd {
  constructor(...args) {
    super('SwitchableNorm2d', [4], args);
  }
}
