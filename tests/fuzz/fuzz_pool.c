/* Fuzzes src/ops/pool.c:
 *   max/avg pool:  x [planes, *in], out and indices (int64) [planes, *out]
 *   adaptive:      x [planes, *in], out and indices [planes, *out]; in/out size arrays [ndim]
 *   fractional:    as adaptive, plus samples [planes, ndim] and kernel [ndim]
 *   max unpool:    x and indices [planes, in_numel], out [planes, out_numel]
 * Output sizes are PyTorch's (floor or ceil mode) half of the time, random otherwise. */
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_in in = {data, size};
  fz_bufs b = {0};
  const int which = fz_pick(&in, 5);
  if (which == 4) {
    const int32_t planes = fz_int(&in, 1, 4), in_numel = fz_int(&in, 1, 12), out_numel = fz_int(&in, 1, 20);
    float *out = fz_floats(&b, &in, FZ_NUMEL(planes, out_numel));
    const float *x = fz_floats(&b, &in, FZ_NUMEL(planes, in_numel));
    const int64_t *idx = fz_indices(&b, &in, FZ_NUMEL(planes, in_numel), out_numel);
    FZ_RUN(b, wt_maxunpool_forward_f32(out, x, idx, planes, in_numel, out_numel));
    return 0;
  }
  wt_pool_params p;
  memset(&p, 0, sizeof p);
  p.ndim = fz_int(&in, 1, 3);
  const int nd = p.ndim < 1 ? 1 : p.ndim > 3 ? 3 : p.ndim;
  if (nd != p.ndim) b.bad = 1;
  p.planes = fz_int(&in, 1, 4);
  const int formula = fz_pick(&in, 2), ceil_mode = fz_pick(&in, 2);
  int64_t in_sp = 1, out_sp = 1;
  for (int i = 0; i < 3; i++) {
    p.in_size[i] = p.out_size[i] = p.kernel[i] = p.stride[i] = p.dilation[i] = 1;
    p.padding[i] = 0;
    if (i >= nd) continue;
    p.in_size[i] = fz_int(&in, 1, 9);
    p.kernel[i] = fz_int(&in, 1, 4);
    p.stride[i] = fz_int(&in, 1, 3);
    p.padding[i] = fz_int(&in, 0, 2);
    p.dilation[i] = which == 1 ? 1 : fz_int(&in, 1, 2);
    const int64_t in_ = p.in_size[i], k = p.kernel[i], s = p.stride[i] > 0 ? p.stride[i] : 1,
                  pd = p.padding[i], d = p.dilation[i];
    if (which == 3) {
      p.out_size[i] = fz_sat(in_ - k + 1 - fz_int(&in, 0, 2)); /* fractional: out + k - 1 <= in */
    } else if (formula && which < 2) {
      const int64_t span = in_ + 2 * pd - d * (k - 1) - 1;
      int64_t o = (ceil_mode ? (span + s - 1) / s : span / s) + 1;
      if (ceil_mode && (o - 1) * s >= in_ + pd) o--;
      p.out_size[i] = fz_sat(o);
    } else {
      p.out_size[i] = fz_int(&in, 1, 10);
    }
    in_sp = FZ_NUMEL(in_sp, p.in_size[i]);
    out_sp = FZ_NUMEL(out_sp, p.out_size[i]);
  }
  const int with_indices = fz_pick(&in, 2);
  const float *x = fz_floats(&b, &in, FZ_NUMEL(p.planes, in_sp));
  float *out = fz_floats(&b, &in, FZ_NUMEL(p.planes, out_sp));
  int64_t *idx = with_indices ? fz_alloc(&b, FZ_NUMEL(p.planes, out_sp), sizeof(int64_t)) : NULL;
  wt_pool_params *pp = fz_alloc(&b, 1, sizeof p);
  memcpy(pp, &p, sizeof p);
  if (which == 0) {
    FZ_RUN(b, wt_maxpool_forward_f32(pp, out, idx, x));
  } else if (which == 1) {
    const int32_t cip = fz_int(&in, 0, 1), divisor = fz_pick(&in, 2) ? 0 : fz_int(&in, 1, 5);
    FZ_RUN(b, wt_avgpool_forward_f32(pp, out, x, cip, divisor));
  } else if (which == 2) {
    const int32_t op = fz_pick(&in, 8) ? (fz_pick(&in, 2) ? WT_MEAN : WT_MAX) : fz_int(&in, 0, 3);
    if (idx && op == WT_MEAN) b.bad = 1;
    const int32_t *ins = fz_i32s(&b, nd, p.in_size), *outs = fz_i32s(&b, nd, p.out_size);
    FZ_RUN(b, wt_adaptive_pool_forward_f32(op, out, idx, x, p.ndim, p.planes, ins, outs));
  } else {
    float *samples = fz_floats(&b, &in, FZ_NUMEL(p.planes, nd));
    if (!b.skip && !b.bad && fz_pick(&in, 4))
      for (int64_t i = 0; i < (int64_t)p.planes * nd; i++) samples[i] = (float)fz_u8(&in) / 256.0f;
    const int32_t *ins = fz_i32s(&b, nd, p.in_size), *outs = fz_i32s(&b, nd, p.out_size);
    const int32_t *ks = fz_i32s(&b, nd, p.kernel);
    FZ_RUN(b, wt_fractional_maxpool_forward_f32(out, idx, x, samples, p.ndim, p.planes, ins, outs, ks));
  }
  return 0;
}
