// Flatten and Unflatten: views where the layout allows, copies otherwise (like PyTorch's reshape).

import { Module } from '../module.js';
import { checkTensor } from '../functional/utils.js';
import { bindArgs, checkInt, describe, nameOf, REQUIRED } from '../../args.js';
import { py } from './utils.js';

function rethrow(who, fn) {
  try {
    return fn();
  } catch (err) {
    throw new Error(`${nameOf(who)}: ${err.message}`);
  }
}

export class Flatten extends Module {
  constructor(...args) {
    super();
    const o = bindArgs('Flatten', args, [['start_dim', 1], ['end_dim', -1]]);
    this.start_dim = checkInt('Flatten', 'start_dim', o.start_dim);
    this.end_dim = checkInt('Flatten', 'end_dim', o.end_dim);
  }

  forward(input) {
    checkTensor(this, 'input', input, { dtype: null });
    return rethrow(this, () => input.flatten(this.start_dim, this.end_dim));
  }

  extra_repr() {
    return `start_dim=${this.start_dim}, end_dim=${this.end_dim}`;
  }
}

export class Unflatten extends Module {
  constructor(...args) {
    super();
    const o = bindArgs('Unflatten', args, [['dim', REQUIRED], ['unflattened_size', REQUIRED]]);
    this.dim = checkInt('Unflatten', 'dim', o.dim);
    const sizes = o.unflattened_size;
    if (!Array.isArray(sizes) || sizes.length === 0 || sizes.some((s) => !Number.isInteger(s) || (s < 0 && s !== -1))) {
      throw new Error(`Unflatten: unflattened_size must be a non-empty tuple of ints, got ${describe(sizes)}`);
    }
    this.unflattened_size = sizes.slice();
  }

  forward(input) {
    checkTensor(this, 'input', input, { dtype: null });
    return rethrow(this, () => input.unflatten(this.dim, this.unflattened_size));
  }

  extra_repr() {
    return `dim=${this.dim}, unflattened_size=${py(this.unflattened_size)}`;
  }
}
