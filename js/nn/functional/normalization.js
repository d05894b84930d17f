// F.batch_norm, F.instance_norm, F.layer_norm, F.group_norm, F.local_response_norm.
//
// Inputs are viewed as [N, C, S] (S = the product of the dims after the channel dim). Instance
// norm is batch norm over [1, N*C, S] with per-channel tensors repeated N times, as PyTorch
// computes it. Running statistics are updated in place here, after every check has passed, with
// PyTorch's rule: running = momentum * batch_stat + (1 - momentum) * running (var unbiased).

import { C } from '../../runtime.js';
import { tidy, _empty, _prod, _fmtShape } from '../../tensor.js';
import { bindArgs, checkInt, checkNumber, checkBool, checkTuple, nameOf, REQUIRED } from '../../args.js';
import { checkTensor } from './utils.js';

function checkEps(who, eps) {
  checkNumber(who, 'eps', eps);
  if (!(eps >= 0) || !Number.isFinite(eps)) throw new Error(`${nameOf(who)}: eps must be a finite number >= 0, got ${eps}`);
  return eps;
}

/** Checks an optional per-channel tensor (weight, bias, running_mean, running_var) has C elements. */
function checkPerChannel(who, name, t, channels) {
  checkTensor(who, name, t, { optional: true });
  if (t !== null && t.numel() !== channels) {
    throw new Error(`${nameOf(who)}: ${name} should contain ${channels} elements not ${t.numel()}`);
  }
  return t;
}

/** A contiguous [times * C] copy of a per-channel tensor repeated `times` times (null stays null). */
function repeated(t, times) {
  if (t === null) return null;
  const flat = t.reshape([-1]);
  return times === 1 ? flat._contiguous() : flat.unsqueeze(0).expand([times, flat._shape[0]]).contiguous();
}

/**
 * running[c] = mean over r < reps of (momentum * stats[r*C + c] * correction + (1 - momentum) * running[c]);
 * reps > 1 is instance norm, whose repeated running stats PyTorch averages back over the batch.
 */
function updateRunning(running, stats, momentum, correction, reps) {
  const old = running.toTypedArray();
  const s = stats.toTypedArray();
  const channels = old.length;
  const next = new Float32Array(channels);
  for (let c = 0; c < channels; c++) {
    let acc = 0;
    for (let r = 0; r < reps; r++) acc += momentum * (s[r * channels + c] * correction) + (1 - momentum) * old[c];
    next[c] = acc / reps;
  }
  running._setValues(next);
}

function ptr(t) {
  return t === null ? 0 : t._ptr();
}

/**
 * Normalize x viewed as [N, Cn, S] with per-channel statistics: batch statistics (updating the
 * running ones when given) if useBatchStats, else the given running ones. `reps` = how many
 * times the per-channel tensors repeat along Cn (instance norm); all arguments are checked.
 */
function normalize(input, N, Cn, S, runningMean, runningVar, weight, bias, useBatchStats, momentum, eps, reps) {
  return tidy(() => {
    const out = _empty(input._shape.slice());
    if (out.numel() === 0) return out;
    const x = input._contiguous();
    let mean;
    let variance;
    if (useBatchStats) {
      mean = _empty([Cn]);
      variance = _empty([Cn]);
      C.wt_batch_norm_stats_f32(mean._ptr(), variance._ptr(), x._ptr(), N, Cn, S);
      const n = N * S;
      if (runningMean !== null) updateRunning(runningMean, mean, momentum, 1, reps);
      if (runningVar !== null) updateRunning(runningVar, variance, momentum, n / (n - 1), reps);
    } else {
      mean = repeated(runningMean, reps);
      variance = repeated(runningVar, reps);
    }
    const w = repeated(weight, reps);
    const b = repeated(bias, reps);
    C.wt_batch_norm_f32(out._ptr(), x._ptr(), mean._ptr(), variance._ptr(), ptr(w), ptr(b), N, Cn, S, eps);
    return out;
  });
}

/**
 * The checks batch norm and instance norm share: input [N, C, ...], the four optional
 * per-channel tensors, the batch-statistics flag (named `flagName`), momentum and eps.
 * Returns [N, C, S] with S the product of the dims after the channel dim.
 */
function checkStatsArgs(who, input, runningMean, runningVar, weight, bias, flagName, flag, momentum, eps) {
  checkTensor(who, 'input', input);
  if (input._shape.length < 2) {
    throw new Error(`${nameOf(who)}: expected input with at least 2 dimensions [N, C, ...], got ${_fmtShape(input._shape)}`);
  }
  const [N, channels] = input._shape;
  checkPerChannel(who, 'running_mean', runningMean, channels);
  checkPerChannel(who, 'running_var', runningVar, channels);
  checkPerChannel(who, 'weight', weight, channels);
  checkPerChannel(who, 'bias', bias, channels);
  checkBool(who, flagName, flag);
  checkNumber(who, 'momentum', momentum);
  checkEps(who, eps);
  return [N, channels, _prod(input._shape.slice(2))];
}

export function _batchNorm(who, input, running_mean, running_var, weight, bias, training, momentum, eps) {
  const [N, channels, S] = checkStatsArgs(who, input, running_mean, running_var, weight, bias, 'training', training,
    momentum, eps);
  if (training && N * S === 1) {
    throw new Error(`${nameOf(who)}: Expected more than 1 value per channel when training, got input size ${_fmtShape(input._shape)}`);
  }
  if (!training && (running_mean === null || running_var === null)) {
    throw new Error(`${nameOf(who)}: running_mean and running_var must be defined in evaluation mode (training=False)`);
  }
  return normalize(input, N, channels, S, running_mean, running_var, weight, bias, training, momentum, eps, 1);
}

export function _instanceNorm(who, input, running_mean, running_var, weight, bias, use_input_stats, momentum, eps) {
  const [N, channels, S] = checkStatsArgs(who, input, running_mean, running_var, weight, bias, 'use_input_stats',
    use_input_stats, momentum, eps);
  if (use_input_stats && S === 1) {
    throw new Error(`${nameOf(who)}: Expected more than 1 spatial element when training, got input size ${_fmtShape(input._shape)}`);
  }
  if (!use_input_stats && (running_mean === null || running_var === null)) {
    throw new Error(`${nameOf(who)}: Expected running_mean and running_var to be defined when use_input_stats is false`);
  }
  return normalize(input, 1, N * channels, S, running_mean, running_var, weight, bias, use_input_stats, momentum, eps, N);
}

/** normalized_shape: an int or a tuple of ints -> an array. */
export function _normalizedShape(who, v) {
  return checkTuple(who, 'normalized_shape', v, Array.isArray(v) ? v.length : 1, { min: 0 });
}

export function _layerNorm(who, input, normalized_shape, weight, bias, eps) {
  checkTensor(who, 'input', input);
  const ns = _normalizedShape(who, normalized_shape);
  checkTensor(who, 'weight', weight, { optional: true });
  checkTensor(who, 'bias', bias, { optional: true });
  checkEps(who, eps);
  const shape = input._shape;
  const tail = shape.slice(shape.length - ns.length);
  if (ns.length === 0 || shape.length < ns.length || tail.some((s, i) => s !== ns[i])) {
    throw new Error(`${nameOf(who)}: Given normalized_shape=${_fmtShape(ns)}, expected input with shape [*, ${ns.join(', ')}], ` +
      `but got input of size${_fmtShape(shape)}`);
  }
  for (const [name, t] of [['weight', weight], ['bias', bias]]) {
    if (t !== null && (t._shape.length !== ns.length || t._shape.some((s, i) => s !== ns[i]))) {
      throw new Error(`${nameOf(who)}: Expected ${name} to be of same shape as normalized_shape, but got ${name} of shape ` +
        `${_fmtShape(t._shape)} and normalized_shape = ${_fmtShape(ns)}`);
    }
  }
  return tidy(() => {
    const out = _empty(shape.slice());
    if (out.numel() === 0) return out;
    const cols = _prod(ns);
    const w = weight === null ? null : weight._contiguous();
    const b = bias === null ? null : bias._contiguous();
    C.wt_layer_norm_f32(out._ptr(), input._contiguous()._ptr(), ptr(w), ptr(b), out.numel() / cols, cols, eps);
    return out;
  });
}

export function _groupNorm(who, input, num_groups, weight, bias, eps) {
  checkTensor(who, 'input', input);
  checkInt(who, 'num_groups', num_groups, { min: 1 });
  checkTensor(who, 'weight', weight, { optional: true });
  checkTensor(who, 'bias', bias, { optional: true });
  checkEps(who, eps);
  const shape = input._shape;
  if (shape.length < 2) {
    throw new Error(`${nameOf(who)}: Expected at least 2 dimensions for input tensor but received ${shape.length}`);
  }
  const [N, channels] = shape;
  if (channels % num_groups !== 0) {
    throw new Error(`${nameOf(who)}: Expected number of channels in input to be divisible by num_groups, but got input of shape ` +
      `${_fmtShape(shape)} and num_groups=${num_groups}`);
  }
  for (const [name, t] of [['weight', weight], ['bias', bias]]) {
    if (t !== null && (t._shape.length !== 1 || t._shape[0] !== channels)) {
      throw new Error(`${nameOf(who)}: Expected ${name} to be a vector of size equal to the number of channels in input, but got ` +
        `${name} of shape ${_fmtShape(t._shape)} and input of shape ${_fmtShape(shape)}`);
    }
  }
  return tidy(() => {
    const out = _empty(shape.slice());
    if (out.numel() === 0) return out;
    const w = weight === null ? null : weight._contiguous();
    const b = bias === null ? null : bias._contiguous();
    C.wt_group_norm_f32(out._ptr(), input._contiguous()._ptr(), ptr(w), ptr(b), N, channels, _prod(shape.slice(2)),
      num_groups, eps);
    return out;
  });
}

export function _localResponseNorm(who, input, size, alpha, beta, k) {
  checkTensor(who, 'input', input);
  checkInt(who, 'size', size, { min: 1 });
  checkNumber(who, 'alpha', alpha);
  checkNumber(who, 'beta', beta);
  checkNumber(who, 'k', k);
  const shape = input._shape;
  if (shape.length < 3) {
    throw new Error(`${nameOf(who)}: Expected 3D or higher dimensionality input (got ${shape.length} dimensions)`);
  }
  return tidy(() => {
    const out = _empty(shape.slice());
    if (out.numel() === 0) return out;
    C.wt_local_response_norm_f32(out._ptr(), input._contiguous()._ptr(), shape[0], shape[1], _prod(shape.slice(2)), size,
      alpha, beta, k);
    return out;
  });
}

export function batch_norm(input, running_mean, running_var, ...args) {
  const o = bindArgs('F.batch_norm', args, [['weight', null], ['bias', null], ['training', false], ['momentum', 0.1],
    ['eps', 1e-5]]);
  return _batchNorm('F.batch_norm', input, running_mean, running_var, o.weight, o.bias, o.training, o.momentum, o.eps);
}

export function instance_norm(input, ...args) {
  const o = bindArgs('F.instance_norm', args, [['running_mean', null], ['running_var', null], ['weight', null],
    ['bias', null], ['use_input_stats', true], ['momentum', 0.1], ['eps', 1e-5]]);
  return _instanceNorm('F.instance_norm', input, o.running_mean, o.running_var, o.weight, o.bias, o.use_input_stats,
    o.momentum, o.eps);
}

export function layer_norm(input, ...args) {
  const o = bindArgs('F.layer_norm', args, [['normalized_shape', REQUIRED], ['weight', null], ['bias', null],
    ['eps', 1e-5]]);
  return _layerNorm('F.layer_norm', input, o.normalized_shape, o.weight, o.bias, o.eps);
}

export function group_norm(input, ...args) {
  const o = bindArgs('F.group_norm', args, [['num_groups', REQUIRED], ['weight', null], ['bias', null], ['eps', 1e-5]]);
  return _groupNorm('F.group_norm', input, o.num_groups, o.weight, o.bias, o.eps);
}

export function local_response_norm(input, ...args) {
  const o = bindArgs('F.local_response_norm', args, [['size', REQUIRED], ['alpha', 1e-4], ['beta', 0.75], ['k', 1.0]]);
  return _localResponseNorm('F.local_response_norm', input, o.size, o.alpha, o.beta, o.k);
}
