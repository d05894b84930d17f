// Upsample, UpsamplingNearest2d, UpsamplingBilinear2d, PixelShuffle, PixelUnshuffle.

import { Module } from '../module.js';
import { _interpolate, _pixelShuffle } from '../functional/resample.js';
import { bindArgs, checkInt, REQUIRED } from '../../args.js';
import { py, pyFloat } from './utils.js';

const UPSAMPLE_ARGS = [['size', null], ['scale_factor', null], ['mode', 'nearest'], ['align_corners', null],
  ['recompute_scale_factor', null]];

export class Upsample extends Module {
  constructor(...args) {
    super();
    const o = bindArgs(this._get_name(), args, UPSAMPLE_ARGS);
    this.name = this._get_name();
    this.size = o.size;
    // PyTorch stores float(scale_factor), and a falsy scale_factor (0) as None.
    this.scale_factor = Array.isArray(o.scale_factor) ? o.scale_factor.slice() : o.scale_factor || null;
    this.mode = o.mode;
    this.align_corners = o.align_corners;
    this.recompute_scale_factor = o.recompute_scale_factor;
  }

  forward(input) {
    return _interpolate(this, input, this.size, this.scale_factor, this.mode, this.align_corners,
      this.recompute_scale_factor, false);
  }

  extra_repr() {
    const sf = this.scale_factor;
    const info = sf !== null
      ? `scale_factor=${Array.isArray(sf) ? `(${sf.map(pyFloat).join(', ')}${sf.length === 1 ? ',' : ''})` : pyFloat(sf)}`
      : `size=${py(this.size)}`;
    return `${info}, mode=${this.mode}`;
  }
}

export class UpsamplingNearest2d extends Upsample {
  constructor(...args) {
    const o = bindArgs('UpsamplingNearest2d', args, [['size', null], ['scale_factor', null]]);
    super(o.size, o.scale_factor, 'nearest');
  }
}

export class UpsamplingBilinear2d extends Upsample {
  constructor(...args) {
    const o = bindArgs('UpsamplingBilinear2d', args, [['size', null], ['scale_factor', null]]);
    super(o.size, o.scale_factor, 'bilinear', true);
  }
}

export class PixelShuffle extends Module {
  constructor(...args) {
    super();
    this.upscale_factor = checkInt('PixelShuffle', 'upscale_factor',
      bindArgs('PixelShuffle', args, [['upscale_factor', REQUIRED]]).upscale_factor);
  }

  forward(input) {
    return _pixelShuffle(this, input, this.upscale_factor, true);
  }

  extra_repr() {
    return `upscale_factor=${this.upscale_factor}`;
  }
}

export class PixelUnshuffle extends Module {
  constructor(...args) {
    super();
    this.downscale_factor = checkInt('PixelUnshuffle', 'downscale_factor',
      bindArgs('PixelUnshuffle', args, [['downscale_factor', REQUIRED]]).downscale_factor);
  }

  forward(input) {
    return _pixelShuffle(this, input, this.downscale_factor, false);
  }

  extra_repr() {
    return `downscale_factor=${this.downscale_factor}`;
  }
}
