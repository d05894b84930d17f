// F.mse_loss, F.l1_loss, F.smooth_l1_loss, F.huber_loss, F.binary_cross_entropy,
// F.binary_cross_entropy_with_logits, F.kl_div, F.nll_loss, F.cross_entropy.
//
// Pointwise losses run the fused C op wt_loss_pointwise_f32 over the (broadcast) elements, then
// weights and reductions use the tensor ops (wt_binary_f32, wt_reduce_f32). Class-index losses
// take log_softmax from the softmax C op and gather with wt_nll_loss_f32. Every formula and
// check follows PyTorch 1.13.

import { C } from '../../runtime.js';
import { tidy, _empty, _prod, _fmtShape, broadcastShapes } from '../../tensor.js';
import { bindArgs, checkNumber, checkInt, describe, nameOf } from '../../args.js';
import { checkTensor } from './utils.js';
import { _softmax } from './activation.js';

const OP = { mse: 0, l1: 1, smooth_l1: 2, huber: 3, bce: 4, bce_logits: 5, kl_div: 6, kl_div_log: 7 };

// PyTorch's dtype names in its own messages ("expected scalar type Long but found Int").
const TORCH_NAMES = { float32: 'Float', int64: 'Long', int32: 'Int', bool: 'Bool' };

/** PyTorch's _Reduction.legacy_get_string: the deprecated size_average/reduce pair, when either is given. */
export function resolveReduction(who, size_average, reduce, reduction, { batchmean = false } = {}) {
  if (size_average !== null || reduce !== null) {
    const avg = size_average ?? true;
    const red = reduce ?? true;
    return avg && red ? 'mean' : red ? 'sum' : 'none';
  }
  const valid = batchmean ? ['none', 'batchmean', 'sum', 'mean'] : ['none', 'mean', 'sum'];
  if (!valid.includes(reduction)) {
    throw new Error(`${nameOf(who)}: ${describe(reduction)} is not a valid ` +
      `value for reduction (expected one of: ${valid.map((v) => `'${v}'`).join(', ')})`);
  }
  return reduction;
}

function applyReduction(loss, reduction) {
  if (reduction === 'none') return loss;
  return reduction === 'sum' ? loss.sum() : loss.mean();
}

function checkOptionalWeight(who, name, w) {
  return checkTensor(who, name, w, { optional: true });
}

/** Both operands as float32 (an integer side is promoted, as PyTorch does for mse_loss etc.). */
function floatPair(who, input, target) {
  checkTensor(who, 'input', input, { dtype: null });
  checkTensor(who, 'target', target, { dtype: null });
  if (input.dtype !== 'float32' && target.dtype !== 'float32') {
    throw new Error(`${nameOf(who)}: expected input or target of dtype float32, got ${input.dtype} and ${target.dtype}`);
  }
}

/** Run one pointwise loss over `shape` (input and target broadcast to it); returns the unreduced loss. */
function pointwise(op, input, target, shape, { param = 0, posWeight = null } = {}) {
  const x = input.float().expand(shape).contiguous();
  const y = target.float().expand(shape).contiguous();
  const pw = posWeight === null ? null : posWeight.expand(shape).contiguous();
  const out = _empty(shape);
  const n = out.numel();
  if (n > 0) C.wt_loss_pointwise_f32(op, out._ptr(), x._ptr(), y._ptr(), pw === null ? 0 : pw._ptr(), n, param);
  return out;
}

/** Shape of input and target broadcast together (PyTorch warns when they differ, then broadcasts). */
function broadcastPair(who, input, target) {
  return broadcastShapes(who, input._shape, target._shape);
}

/** `w` must broadcast to exactly `shape` (a weight never enlarges the loss). */
function checkBroadcastTo(who, name, w, shape) {
  const k = w._shape.length;
  const ok = k <= shape.length && w._shape.every((s, i) => s === 1 || s === shape[shape.length - k + i]);
  if (!ok) {
    throw new Error(`${nameOf(who)}: ${name} of shape ${_fmtShape(w._shape)} must match the size of the loss ` +
      `${_fmtShape(shape)} (or broadcast to it)`);
  }
}

function elementwiseLoss(who, op, input, target, reduction, param = 0) {
  floatPair(who, input, target);
  const shape = broadcastPair(who, input, target);
  return tidy(() => applyReduction(pointwise(op, input, target, shape, { param }), reduction));
}

export function _mse_loss(who, input, target, reduction) {
  return elementwiseLoss(who, OP.mse, input, target, reduction);
}

export function _l1_loss(who, input, target, reduction) {
  return elementwiseLoss(who, OP.l1, input, target, reduction);
}

export function _smooth_l1_loss(who, input, target, reduction, beta) {
  checkNumber(who, 'beta', beta);
  if (beta < 0) throw new Error(`${nameOf(who)}: smooth_l1_loss does not support negative values for beta, got ${beta}`);
  // beta == 0 is exactly the L1 loss (PyTorch dispatches to l1_loss too).
  return elementwiseLoss(who, beta === 0 ? OP.l1 : OP.smooth_l1, input, target, reduction, beta);
}

export function _huber_loss(who, input, target, reduction, delta) {
  checkNumber(who, 'delta', delta);
  if (!(delta > 0)) throw new Error(`${nameOf(who)}: huber_loss does not support non-positive values for delta, got ${delta}`);
  return elementwiseLoss(who, OP.huber, input, target, reduction, delta);
}

export function _kl_div(who, input, target, reduction, log_target) {
  if (typeof log_target !== 'boolean') throw new Error(`${nameOf(who)}: log_target must be true or false, got ${describe(log_target)}`);
  floatPair(who, input, target);
  const shape = broadcastPair(who, input, target);
  return tidy(() => {
    const loss = pointwise(log_target ? OP.kl_div_log : OP.kl_div, input, target, shape);
    if (reduction !== 'batchmean') return applyReduction(loss, reduction);
    const total = loss.sum();
    return input._shape.length === 0 ? total : total.div(input._shape[0]);
  });
}

function checkSameSize(who, input, target, message) {
  if (_fmtShape(input._shape) !== _fmtShape(target._shape)) {
    throw new Error(`${nameOf(who)}: ${message}: target ${_fmtShape(target._shape)} vs input ${_fmtShape(input._shape)}`);
  }
}

function checkFloatTarget(who, target) {
  if (target.dtype !== 'float32') {
    throw new Error(`${nameOf(who)}: expected target of dtype float32, got ${target.dtype} ` +
      `(Found dtype ${TORCH_NAMES[target.dtype]} but expected Float)`);
  }
}

export function _binary_cross_entropy(who, input, target, weight, reduction) {
  checkTensor(who, 'input', input);
  checkTensor(who, 'target', target, { dtype: null });
  checkOptionalWeight(who, 'weight', weight);
  checkSameSize(who, input, target, 'Using a target size that is different to the input size is deprecated. ' +
    'Please ensure they have the same size');
  checkFloatTarget(who, target);
  if (weight !== null) checkBroadcastTo(who, 'weight', weight, target._shape);
  return tidy(() => {
    if (input.numel() > 0) {
      // The C op rejects it too, but the check belongs in JS with the module's name.
      const lo = input.min().item();
      const hi = input.max().item();
      if (!(lo >= 0 && hi <= 1)) {
        throw new Error(`${nameOf(who)}: all elements of input should be between 0 and 1, got values in [${lo}, ${hi}]`);
      }
    }
    let loss = pointwise(OP.bce, input, target, input.shape);
    if (weight !== null) loss = loss.mul(weight);
    return applyReduction(loss, reduction);
  });
}

export function _binary_cross_entropy_with_logits(who, input, target, weight, reduction, pos_weight) {
  checkTensor(who, 'input', input);
  checkTensor(who, 'target', target, { dtype: null });
  checkOptionalWeight(who, 'weight', weight);
  checkOptionalWeight(who, 'pos_weight', pos_weight);
  checkSameSize(who, input, target, 'Target size must be the same as input size');
  checkFloatTarget(who, target);
  if (weight !== null) checkBroadcastTo(who, 'weight', weight, input._shape);
  if (pos_weight !== null) checkBroadcastTo(who, 'pos_weight', pos_weight, input._shape);
  return tidy(() => {
    let loss = pointwise(OP.bce_logits, input, target, input.shape, { posWeight: pos_weight });
    if (weight !== null) loss = loss.mul(weight);
    return applyReduction(loss, reduction);
  });
}

// ---- class-index losses --------------------------------------------------------------------

/**
 * Shapes of a class-index loss, as nll_loss_nd checks them: input [C] with a 0-d target, or
 * [N, C, d1, ...] with target [N, d1, ...]. Returns { outer, classes, inner }.
 */
function classShapes(who, input, target) {
  const n = input._shape.length;
  if (n < 1) throw new Error(`${nameOf(who)}: Expected 1 or more dimensions (got 0) for input`);
  const t = target._shape;
  if (n === 1) {
    if (t.length !== 0) {
      throw new Error(`${nameOf(who)}: size mismatch (got input: ${_fmtShape(input._shape)}, target: ${_fmtShape(t)}): ` +
        'an unbatched input [C] takes a 0-d target');
    }
    return { outer: 1, classes: input._shape[0], inner: 1 };
  }
  if (t.length === 0 || t[0] !== input._shape[0]) {
    throw new Error(`${nameOf(who)}: Expected input batch_size (${input._shape[0]}) to match target batch_size ` +
      `(${t.length ? t[0] : 'none, 0-d target'})`);
  }
  if (n === 2 && t.length > 1) {
    throw new Error(`${nameOf(who)}: 0D or 1D target tensor expected, multi-target not supported; got target ` +
      `${_fmtShape(t)} for input ${_fmtShape(input._shape)}`);
  }
  const want = [input._shape[0], ...input._shape.slice(2)];
  if (_fmtShape(want) !== _fmtShape(t)) {
    throw new Error(`${nameOf(who)}: Expected target size ${_fmtShape(want)}, got ${_fmtShape(t)}`);
  }
  return { outer: input._shape[0], classes: input._shape[1], inner: _prod(input._shape.slice(2)) };
}

function checkClassWeight(who, weight, classes) {
  if (weight !== null && weight.numel() !== classes) {
    throw new Error(`${nameOf(who)}: weight tensor should be defined either for all ${classes} classes or no classes ` +
      `but got weight tensor of shape: ${_fmtShape(weight._shape)}`);
  }
}

function checkIgnoreIndex(who, ignore_index) {
  checkInt(who, 'ignore_index', ignore_index);
  // The C op takes int32; PyTorch's int64 ignore_index beyond that range has no use.
  if (ignore_index < -(2 ** 31) || ignore_index >= 2 ** 31) {
    throw new Error(`${nameOf(who)}: ignore_index must fit in int32, got ${ignore_index}`);
  }
}

/** Class-index checks shared by nll_loss and cross_entropy; returns the shapes. */
function checkClassTarget(who, input, target, weight, ignore_index) {
  if (target.dtype !== 'int64') {
    throw new Error(`${nameOf(who)}: expected target of dtype int64 (class indices), got ${target.dtype} ` +
      `(expected scalar type Long but found ${TORCH_NAMES[target.dtype]})`);
  }
  const s = classShapes(who, input, target);
  checkClassWeight(who, weight, s.classes);
  checkIgnoreIndex(who, ignore_index);
  return s;
}

/**
 * The NLL terms of log-probabilities `logp` (contiguous, input's shape): { loss, weights, smooth }
 * tensors of the target's shape (see wt_nll_loss_f32). Target values are checked here, in JS,
 * so a bad class index never reaches wasm.
 */
function nllTerms(who, logp, target, weight, ignore_index, { outer, classes, inner }, withSmooth) {
  const tgt = target.contiguous();
  const values = tgt._view();
  const ign = BigInt(ignore_index);
  const C_ = BigInt(classes);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== ign && (v < 0n || v >= C_)) {
      throw new Error(`${nameOf(who)}: Target ${v} is out of bounds: expected 0 <= target < ${classes} (classes) or ` +
        `target == ignore_index (${ignore_index})`);
    }
  }
  // Allocations below may grow the heap and detach `values`: take its length first.
  const n = values.length;
  const loss = _empty(target.shape);
  const weights = _empty(target.shape);
  const smooth = withSmooth ? _empty(target.shape) : null;
  if (n > 0) {
    const w = weight === null ? null : weight.contiguous();
    C.wt_nll_loss_f32(loss._ptr(), weights._ptr(), smooth === null ? 0 : smooth._ptr(), logp._ptr(), tgt._ptr(),
      w === null ? 0 : w._ptr(), outer, classes, inner, ignore_index);
  }
  return { loss, weights, smooth };
}

/** nll_loss's reduction: 'mean' divides by the summed weights of the non-ignored targets. */
function reduceNll(t, weights, reduction) {
  if (reduction === 'none') return t;
  return reduction === 'sum' ? t.sum() : t.sum().div(weights.sum());
}

export function _nll_loss(who, input, target, weight, ignore_index, reduction) {
  checkTensor(who, 'input', input);
  checkTensor(who, 'target', target, { dtype: null });
  checkOptionalWeight(who, 'weight', weight);
  const s = checkClassTarget(who, input, target, weight, ignore_index);
  return tidy(() => {
    const { loss, weights } = nllTerms(who, input.contiguous(), target, weight, ignore_index, s, false);
    return reduceNll(loss, weights, reduction);
  });
}

function crossEntropyProbs(who, input, target, weight, ignore_index, reduction, label_smoothing) {
  if (target.dtype !== 'float32') {
    throw new Error(`${nameOf(who)}: Expected floating point type for target with class probabilities, got ` +
      `${TORCH_NAMES[target.dtype]} (${target.dtype})`);
  }
  checkIgnoreIndex(who, ignore_index);
  if (ignore_index >= 0) {
    throw new Error(`${nameOf(who)}: ignore_index is not supported for floating point target, got ignore_index=${ignore_index}`);
  }
  const classDim = input._shape.length === 1 ? 0 : 1;
  const classes = input._shape[classDim];
  if (weight !== null && (weight._shape.length !== 1 || weight.numel() !== classes)) {
    throw new Error(`${nameOf(who)}: cross_entropy: weight tensor should be defined either for all ${classes} classes ` +
      `or no classes but got weight tensor of shape: ${_fmtShape(weight._shape)}`);
  }
  return tidy(() => {
    const logp = _softmax(who, input, classDim, null, true);
    const tgt = label_smoothing > 0 ? target.mul(1 - label_smoothing).add(label_smoothing / classes) : target;
    let prod = logp.mul(tgt);
    if (weight !== null) {
      const bshape = input._shape.map((_, i) => (i === classDim ? classes : 1));
      prod = prod.mul(weight.reshape(bshape));
    }
    if (reduction === 'none') return prod.sum(classDim).neg();
    if (reduction === 'sum') return prod.sum().neg();
    // PyTorch: the mean over the N * d1 * ... samples; NaN for an empty input.
    if (input.numel() === 0) return prod.sum().add(NaN);
    return prod.sum().neg().div(input.numel() / classes);
  });
}

export function _cross_entropy(who, input, target, weight, ignore_index, reduction, label_smoothing) {
  checkTensor(who, 'input', input);
  checkTensor(who, 'target', target, { dtype: null });
  checkOptionalWeight(who, 'weight', weight);
  checkNumber(who, 'label_smoothing', label_smoothing);
  if (!(label_smoothing >= 0 && label_smoothing <= 1)) {
    throw new Error(`${nameOf(who)}: label_smoothing must be between 0.0 and 1.0. Got: ${label_smoothing}`);
  }
  if (input._shape.length >= 1 && _fmtShape(input._shape) === _fmtShape(target._shape)) {
    // Same shape as the input: the target holds class probabilities.
    return crossEntropyProbs(who, input, target, weight, ignore_index, reduction, label_smoothing);
  }
  const s = checkClassTarget(who, input, target, weight, ignore_index);
  return tidy(() => {
    const logp = _softmax(who, input, input._shape.length === 1 ? 0 : 1, null, true);
    const smoothing = label_smoothing > 0;
    const { loss, weights, smooth } = nllTerms(who, logp, target, weight, ignore_index, s, smoothing);
    const nll = reduceNll(loss, weights, reduction);
    if (!smoothing) return nll;
    // PyTorch 1.13: (1 - ls) * nll + ls / C * smooth, smooth reduced like nll (mean over the
    // summed weights of the non-ignored targets).
    return nll.mul(1 - label_smoothing).add(reduceNll(smooth, weights, reduction).mul(label_smoothing / s.classes));
  });
}

// ---- the F forms -------------------------------------------------------------------------

const LEGACY = [['size_average', null], ['reduce', null], ['reduction', 'mean']];

function bindLoss(who, args, spec, options) {
  const o = bindArgs(who, args, spec);
  o.reduction = resolveReduction(who, o.size_average, o.reduce, o.reduction, options);
  return o;
}

export function mse_loss(input, target, ...args) {
  const o = bindLoss('F.mse_loss', args, LEGACY);
  return _mse_loss('F.mse_loss', input, target, o.reduction);
}

export function l1_loss(input, target, ...args) {
  const o = bindLoss('F.l1_loss', args, LEGACY);
  return _l1_loss('F.l1_loss', input, target, o.reduction);
}

export function smooth_l1_loss(input, target, ...args) {
  const o = bindLoss('F.smooth_l1_loss', args, [...LEGACY, ['beta', 1.0]]);
  return _smooth_l1_loss('F.smooth_l1_loss', input, target, o.reduction, o.beta);
}

export function huber_loss(input, target, ...args) {
  const o = bindArgs('F.huber_loss', args, [['reduction', 'mean'], ['delta', 1.0]]);
  const reduction = resolveReduction('F.huber_loss', null, null, o.reduction);
  return _huber_loss('F.huber_loss', input, target, reduction, o.delta);
}

export function kl_div(input, target, ...args) {
  const o = bindLoss('F.kl_div', args, [...LEGACY, ['log_target', false]], { batchmean: true });
  return _kl_div('F.kl_div', input, target, o.reduction, o.log_target);
}

export function binary_cross_entropy(input, target, ...args) {
  const o = bindLoss('F.binary_cross_entropy', args, [['weight', null], ...LEGACY]);
  return _binary_cross_entropy('F.binary_cross_entropy', input, target, o.weight, o.reduction);
}

export function binary_cross_entropy_with_logits(input, target, ...args) {
  const who = 'F.binary_cross_entropy_with_logits';
  const o = bindLoss(who, args, [['weight', null], ...LEGACY, ['pos_weight', null]]);
  return _binary_cross_entropy_with_logits(who, input, target, o.weight, o.reduction, o.pos_weight);
}

export function nll_loss(input, target, ...args) {
  const o = bindLoss('F.nll_loss', args, [['weight', null], ['size_average', null], ['ignore_index', -100],
    ['reduce', null], ['reduction', 'mean']]);
  return _nll_loss('F.nll_loss', input, target, o.weight, o.ignore_index, o.reduction);
}

export function cross_entropy(input, target, ...args) {
  const o = bindLoss('F.cross_entropy', args, [['weight', null], ['size_average', null], ['ignore_index', -100],
    ['reduce', null], ['reduction', 'mean'], ['label_smoothing', 0.0]]);
  return _cross_entropy('F.cross_entropy', input, target, o.weight, o.ignore_index, o.reduction, o.label_smoothing);
}
