// nn.init: PyTorch's initialisers, drawing from the default generator in PyTorch's order, so a
// seeded layer gets PyTorch's distributions (and, for uniform draws, PyTorch's very numbers).

import { Tensor } from '../tensor.js';
import { defaultGenerator } from '../random.js';
import { bindArgs, describe } from '../args.js';

function checkTensor(who, t) {
  if (!(t instanceof Tensor)) throw new Error(`nn.init.${who}: expected a Tensor, got ${describe(t)}`);
  t._check();
  return t;
}

function checkFloat(who, t) {
  checkTensor(who, t);
  if (t.dtype !== 'float32') throw new Error(`nn.init.${who}: expected a float32 tensor, got ${t.dtype}`);
  return t;
}

export function calculate_gain(nonlinearity, param = null) {
  const linear = ['linear', 'conv1d', 'conv2d', 'conv3d', 'conv_transpose1d', 'conv_transpose2d', 'conv_transpose3d'];
  if (linear.includes(nonlinearity) || nonlinearity === 'sigmoid') return 1;
  if (nonlinearity === 'tanh') return 5.0 / 3;
  if (nonlinearity === 'relu') return Math.sqrt(2.0);
  if (nonlinearity === 'leaky_relu') {
    let slope = 0.01;
    if (param !== null) {
      // PyTorch's messages format the value with str(): no quotes.
      if (typeof param !== 'number' || Number.isNaN(param)) throw new Error(`negative_slope ${param} not a valid number`);
      slope = param;
    }
    return Math.sqrt(2.0 / (1 + slope ** 2));
  }
  if (nonlinearity === 'selu') return 3.0 / 4;
  throw new Error(`Unsupported nonlinearity ${nonlinearity}`);
}

export function _calculate_fan_in_and_fan_out(tensor) {
  checkTensor('_calculate_fan_in_and_fan_out', tensor);
  const shape = tensor._shape;
  if (shape.length < 2) {
    throw new Error('Fan in and fan out can not be computed for tensor with fewer than 2 dimensions');
  }
  let receptive = 1;
  for (const s of shape.slice(2)) receptive *= s;
  return [shape[1] * receptive, shape[0] * receptive];
}

function correctFan(tensor, mode) {
  const m = typeof mode === 'string' ? mode.toLowerCase() : mode;
  if (m !== 'fan_in' && m !== 'fan_out') throw new Error(`Mode ${mode} not supported, please use one of ['fan_in', 'fan_out']`);
  const [fanIn, fanOut] = _calculate_fan_in_and_fan_out(tensor);
  return m === 'fan_in' ? fanIn : fanOut;
}

export function uniform_(tensor, ...args) {
  const o = bindArgs('nn.init.uniform_', args, [['a', 0.0], ['b', 1.0]]);
  return checkFloat('uniform_', tensor).uniform_(o.a, o.b);
}

export function normal_(tensor, ...args) {
  const o = bindArgs('nn.init.normal_', args, [['mean', 0.0], ['std', 1.0]]);
  return checkFloat('normal_', tensor).normal_(o.mean, o.std);
}

export function constant_(tensor, val) {
  if (typeof val !== 'number' && typeof val !== 'boolean') throw new Error(`nn.init.constant_: val must be a number, got ${describe(val)}`);
  return checkTensor('constant_', tensor).fill_(val);
}

export function ones_(tensor) {
  return checkTensor('ones_', tensor).fill_(1);
}

export function zeros_(tensor) {
  return checkTensor('zeros_', tensor).fill_(0);
}

export function eye_(tensor) {
  checkTensor('eye_', tensor);
  if (tensor._shape.length !== 2) throw new Error('Only tensors with 2 dimensions are supported');
  const [rows, cols] = tensor._shape;
  const v = new Float32Array(rows * cols);
  for (let i = 0; i < Math.min(rows, cols); i++) v[i * cols + i] = 1;
  return tensor._setValues(tensor.dtype === 'float32' ? v : Array.from(v, (x) => (tensor.dtype === 'int64' ? BigInt(x) : x)));
}

export function xavier_uniform_(tensor, gain = 1.0) {
  ({ gain } = bindArgs('nn.init.xavier_uniform_', [gain], [['gain', 1.0]]));
  checkFloat('xavier_uniform_', tensor);
  const [fanIn, fanOut] = _calculate_fan_in_and_fan_out(tensor);
  const std = gain * Math.sqrt(2.0 / (fanIn + fanOut));
  const a = Math.sqrt(3.0) * std;
  return tensor.uniform_(-a, a);
}

export function xavier_normal_(tensor, gain = 1.0) {
  ({ gain } = bindArgs('nn.init.xavier_normal_', [gain], [['gain', 1.0]]));
  checkFloat('xavier_normal_', tensor);
  const [fanIn, fanOut] = _calculate_fan_in_and_fan_out(tensor);
  return tensor.normal_(0, gain * Math.sqrt(2.0 / (fanIn + fanOut)));
}

const KAIMING = [['a', 0], ['mode', 'fan_in'], ['nonlinearity', 'leaky_relu']];

export function kaiming_uniform_(tensor, ...args) {
  const o = bindArgs('nn.init.kaiming_uniform_', args, KAIMING);
  checkFloat('kaiming_uniform_', tensor);
  if (tensor._shape.includes(0)) return tensor;
  const std = calculate_gain(o.nonlinearity, o.a) / Math.sqrt(correctFan(tensor, o.mode));
  const bound = Math.sqrt(3.0) * std;
  return tensor.uniform_(-bound, bound);
}

export function kaiming_normal_(tensor, ...args) {
  const o = bindArgs('nn.init.kaiming_normal_', args, KAIMING);
  checkFloat('kaiming_normal_', tensor);
  if (tensor._shape.includes(0)) return tensor;
  const std = calculate_gain(o.nonlinearity, o.a) / Math.sqrt(correctFan(tensor, o.mode));
  return tensor.normal_(0, std);
}

// erf for doubles: Taylor series near 0, continued fraction for erfc in the tails (~1e-15).
function erf(x) {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  if (ax < 2.5) {
    let term = ax;
    let sum = ax;
    for (let n = 1; n < 100; n++) {
      term *= -ax * ax / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return Math.sign(x) * sum * 2 / Math.sqrt(Math.PI);
  }
  if (ax > 6) return Math.sign(x);
  // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + 1/2/(x + 1/(x + 3/2/(x + ...)))), evaluated bottom-up.
  let f = ax;
  for (let k = 60; k >= 1; k--) f = ax + (k / 2) / f;
  const erfc = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / f;
  return Math.sign(x) * (1 - erfc);
}

// Inverse erf: a rational first guess refined by Newton steps on erf (double precision).
function erfinv(y) {
  if (Number.isNaN(y) || y < -1 || y > 1) return NaN;
  if (y === 1) return Infinity;
  if (y === -1) return -Infinity;
  const w = -Math.log((1 - y) * (1 + y));
  let x;
  if (w < 5) {
    const t = w - 2.5;
    x = (((((((2.81022636e-08 * t + 3.43273939e-07) * t - 3.5233877e-06) * t - 4.39150654e-06) * t
      + 0.00021858087) * t - 0.00125372503) * t - 0.00417768164) * t + 0.246640727) * t + 1.50140941;
  } else {
    const t = Math.sqrt(w) - 3;
    x = (((((((-0.000200214257 * t + 0.000100950558) * t + 0.00134934322) * t - 0.00367342844) * t
      + 0.00573950773) * t - 0.0076224613) * t + 0.00943887047) * t + 1.00167406) * t + 2.83297682;
  }
  x *= y;
  for (let i = 0; i < 3; i++) x -= (erf(x) - y) / (2 / Math.sqrt(Math.PI) * Math.exp(-x * x));
  return x;
}

export function trunc_normal_(tensor, ...args) {
  const o = bindArgs('nn.init.trunc_normal_', args, [['mean', 0.0], ['std', 1.0], ['a', -2.0], ['b', 2.0]]);
  checkFloat('trunc_normal_', tensor);
  const cdf = (x) => (1 + erf(x / Math.SQRT2)) / 2;
  const l = cdf((o.a - o.mean) / o.std);
  const u = cdf((o.b - o.mean) / o.std);
  const f = Math.fround;
  const v = defaultGenerator.fillUniform(new Float32Array(tensor.numel()), 2 * l - 1, 2 * u - 1);
  const scale = f(o.std * Math.SQRT2);
  for (let i = 0; i < v.length; i++) {
    const x = f(f(f(erfinv(v[i])) * scale) + f(o.mean));
    v[i] = Math.min(Math.max(x, f(o.a)), f(o.b));
  }
  return tensor._setValues(v);
}

// Householder QR of a rows x cols (rows >= cols) matrix in doubles; returns Q (rows x cols) with
// its columns signed so that R has a non-negative diagonal, which makes Q unique.
function orthonormalColumns(a, rows, cols) {
  const r = Float64Array.from(a);
  const vs = [];
  for (let k = 0; k < cols; k++) {
    let norm = 0;
    for (let i = k; i < rows; i++) norm += r[i * cols + k] ** 2;
    norm = Math.sqrt(norm);
    const alpha = r[k * cols + k] > 0 ? -norm : norm;
    const v = new Float64Array(rows);
    for (let i = k; i < rows; i++) v[i] = r[i * cols + k];
    v[k] -= alpha;
    let vn = 0;
    for (let i = k; i < rows; i++) vn += v[i] * v[i];
    if (vn > 0) {
      for (let j = k; j < cols; j++) {
        let dot = 0;
        for (let i = k; i < rows; i++) dot += v[i] * r[i * cols + j];
        const s = 2 * dot / vn;
        for (let i = k; i < rows; i++) r[i * cols + j] -= s * v[i];
      }
    }
    vs.push([v, vn]);
  }
  // Q = H_0 H_1 ... H_{cols-1} applied to the first `cols` columns of the identity.
  const q = new Float64Array(rows * cols);
  for (let j = 0; j < cols; j++) q[j * cols + j] = 1;
  for (let k = cols - 1; k >= 0; k--) {
    const [v, vn] = vs[k];
    if (vn === 0) continue;
    for (let j = 0; j < cols; j++) {
      let dot = 0;
      for (let i = k; i < rows; i++) dot += v[i] * q[i * cols + j];
      const s = 2 * dot / vn;
      for (let i = k; i < rows; i++) q[i * cols + j] -= s * v[i];
    }
  }
  for (let j = 0; j < cols; j++) {
    const sign = Math.sign(r[j * cols + j]);
    for (let i = 0; i < rows; i++) q[i * cols + j] *= sign;
  }
  return q;
}

export function orthogonal_(tensor, gain = 1) {
  ({ gain } = bindArgs('nn.init.orthogonal_', [gain], [['gain', 1]]));
  checkFloat('orthogonal_', tensor);
  if (tensor._shape.length < 2) throw new Error('Only tensors with 2 or more dimensions are supported');
  if (tensor.numel() === 0) return tensor;
  const rows = tensor._shape[0];
  const cols = tensor.numel() / rows;
  const flat = defaultGenerator.fillNormal(new Float32Array(rows * cols), 0, 1);
  const out = new Float32Array(rows * cols);
  if (rows >= cols) {
    const q = orthonormalColumns(flat, rows, cols);
    for (let i = 0; i < q.length; i++) out[i] = Math.fround(q[i]) * gain;
  } else {
    const t = new Float32Array(rows * cols);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) t[j * rows + i] = flat[i * cols + j];
    const q = orthonormalColumns(t, cols, rows);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[i * cols + j] = Math.fround(q[j * rows + i]) * gain;
  }
  return tensor._setValues(out);
}

