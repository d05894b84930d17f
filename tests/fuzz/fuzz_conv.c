/* Fuzzes src/ops/conv.c and src/ops/fold.c, which share wt_conv_params:
 *   conv:           x [batch, C_in, *in], weight [C_out, C_in/groups, *kernel], bias [C_out],
 *                   out [batch, C_out, *out]
 *   conv transpose: x [batch, C_in, *in], weight [C_in, C_out/groups, *kernel], bias [C_out],
 *                   out [batch, C_out, *out]
 *   unfold:         x [batch, C, *in], out [batch, C*prod(kernel), prod(out)]
 *   fold:           x [batch, C*prod(kernel), prod(in)], out [batch, C, *out]
 * Half of the cases take PyTorch's output size (so the op really computes), the others a
 * random one (which it must either accept as a prefix / crop or reject). */
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_in in = {data, size};
  fz_bufs b = {0};
  const int which = fz_pick(&in, 4);
  wt_conv_params p;
  memset(&p, 0, sizeof p);
  p.ndim = fz_int(&in, 1, 3);
  const int nd = p.ndim < 1 ? 1 : p.ndim > 3 ? 3 : p.ndim;
  if (nd != p.ndim) b.bad = 1;
  p.batch = fz_int(&in, 1, 2);
  p.groups = fz_int(&in, 1, 3);
  p.in_channels = fz_sat((int64_t)fz_int(&in, 1, 2) * (which >= 2 ? 1 : p.groups));
  p.out_channels = which >= 2 ? (fz_pick(&in, 8) ? p.in_channels : fz_int(&in, 1, 3))
                              : fz_sat((int64_t)fz_int(&in, 1, 2) * p.groups);
  if (which >= 2 && fz_pick(&in, 8) == 0) p.groups = fz_int(&in, 0, 2);
  const int formula = fz_pick(&in, 2);
  int64_t in_sp = 1, out_sp = 1, kprod = 1;
  for (int i = 0; i < 3; i++) {
    p.in_size[i] = p.out_size[i] = p.kernel[i] = p.stride[i] = p.dilation[i] = 1;
    p.padding[i] = 0;
    if (i >= nd) continue;
    p.in_size[i] = fz_int(&in, 1, 8);
    p.kernel[i] = fz_int(&in, 1, 4);
    p.stride[i] = fz_int(&in, 1, 3);
    p.padding[i] = fz_int(&in, 0, 3);
    p.dilation[i] = fz_int(&in, 1, 3);
    const int small = p.in_size[i] >= -65536 && p.in_size[i] <= 65536 && p.kernel[i] >= -65536 &&
                      p.kernel[i] <= 65536 && p.stride[i] >= -65536 && p.stride[i] <= 65536 &&
                      p.padding[i] >= -65536 && p.padding[i] <= 65536 && p.dilation[i] >= -65536 &&
                      p.dilation[i] <= 65536;
    if (formula && small) {
      /* PyTorch's size: (in + 2p - d(k-1) - 1)/s + 1, or for transposed convs
       * (in-1)s - 2p + d(k-1) + 1 (edge values excluded: the harness's arithmetic must not
       * overflow) */
      const int64_t in_ = p.in_size[i], k = p.kernel[i], s = p.stride[i], pd = p.padding[i], d = p.dilation[i];
      p.out_size[i] = which == 1 ? fz_sat((in_ - 1) * s - 2 * pd + d * (k - 1) + 1)
                                 : fz_sat((in_ + 2 * pd - d * (k - 1) - 1) / (s > 0 ? s : 1) + 1);
    } else {
      p.out_size[i] = fz_int(&in, 1, 10);
    }
    in_sp = FZ_NUMEL(in_sp, p.in_size[i]);
    out_sp = FZ_NUMEL(out_sp, p.out_size[i]);
    kprod = FZ_NUMEL(kprod, p.kernel[i]);
  }
  const int64_t G = p.groups > 0 ? p.groups : 1;
  if (p.groups <= 0 && which < 2) b.bad = 1;
  const int with_bias = fz_pick(&in, 2);
  const int32_t cin = p.in_channels, cout = p.out_channels;
  /* the params struct itself is a heap copy too */
  wt_conv_params *pp = fz_alloc(&b, 1, sizeof p);
  memcpy(pp, &p, sizeof p);
  if (which == 0 || which == 1) {
    const float *x = fz_floats(&b, &in, FZ_NUMEL(p.batch, cin, in_sp));
    const float *w = which == 0 ? fz_floats(&b, &in, FZ_NUMEL(cout, cin / G, kprod))
                                : fz_floats(&b, &in, FZ_NUMEL(cin, cout / G, kprod));
    const float *bias = with_bias ? fz_floats(&b, &in, cout) : NULL;
    float *out = fz_floats(&b, &in, FZ_NUMEL(p.batch, cout, out_sp));
    if (which == 0) FZ_RUN(b, wt_conv_forward_f32(pp, out, x, w, bias));
    else FZ_RUN(b, wt_conv_transpose_forward_f32(pp, out, x, w, bias));
  } else if (which == 2) {
    const float *x = fz_floats(&b, &in, FZ_NUMEL(p.batch, cin, in_sp));
    float *out = fz_floats(&b, &in, FZ_NUMEL(p.batch, cin, kprod, out_sp));
    FZ_RUN(b, wt_unfold_forward_f32(pp, out, x));
  } else {
    const float *x = fz_floats(&b, &in, FZ_NUMEL(p.batch, cin, kprod, in_sp));
    float *out = fz_floats(&b, &in, FZ_NUMEL(p.batch, cin, out_sp));
    FZ_RUN(b, wt_fold_forward_f32(pp, out, x));
  }
  return 0;
}
