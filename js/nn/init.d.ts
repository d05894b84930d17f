// Types of torch.nn.init (js/nn/init.js): each fills a float32 tensor in place from PyTorch's
// distributions and returns it. See docs/nn.md#nninit.

import { Tensor } from '../tensor.js';
import { PyArgs } from './module.js';

export type Nonlinearity = 'linear' | 'conv1d' | 'conv2d' | 'conv3d' | 'conv_transpose1d' | 'conv_transpose2d'
  | 'conv_transpose3d' | 'sigmoid' | 'tanh' | 'relu' | 'leaky_relu' | 'selu';
type FanMode = 'fan_in' | 'fan_out';
type Kaiming = PyArgs<[], [a: number, mode: FanMode, nonlinearity: Nonlinearity],
  { a: number; mode: FanMode; nonlinearity: Nonlinearity }>;

export function calculate_gain(nonlinearity: Nonlinearity, param?: number | null): number;
export function _calculate_fan_in_and_fan_out(tensor: Tensor): [fan_in: number, fan_out: number];
export function uniform_<T extends Tensor>(tensor: T, ...args: PyArgs<[], [a: number, b: number], { a: number; b: number }>): T;
export function normal_<T extends Tensor>(tensor: T, ...args: PyArgs<[], [mean: number, std: number], { mean: number; std: number }>): T;
export function constant_<T extends Tensor>(tensor: T, val: number): T;
export function ones_<T extends Tensor>(tensor: T): T;
export function zeros_<T extends Tensor>(tensor: T): T;
export function eye_<T extends Tensor>(tensor: T): T;
export function xavier_uniform_<T extends Tensor>(tensor: T, gain?: number): T;
export function xavier_normal_<T extends Tensor>(tensor: T, gain?: number): T;
export function kaiming_uniform_<T extends Tensor>(tensor: T, ...args: Kaiming): T;
export function kaiming_normal_<T extends Tensor>(tensor: T, ...args: Kaiming): T;
export function trunc_normal_<T extends Tensor>(tensor: T, ...args: PyArgs<[], [mean: number, std: number, a: number, b: number],
  { mean: number; std: number; a: number; b: number }>): T;
export function orthogonal_<T extends Tensor>(tensor: T, gain?: number): T;
