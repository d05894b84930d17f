/* Fuzzes src/ops/norm.c (x and out [batch, channels, spatial] or [rows, cols]):
 *   batch-norm statistics: mean, var [channels]
 *   batch-norm:            mean, var, weight, bias [channels] (weight/bias nullable)
 *   layer-norm:            weight, bias [cols]
 *   group-norm:            weight, bias [channels], groups dividing channels
 *   local response norm:   size, alpha, beta, k
 * out == x where the header allows it. */
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_in in = {data, size};
  fz_bufs b = {0};
  const int which = fz_pick(&in, 5);
  /* layer-norm sees x as [rows = batch, cols = sp] (channels 1) */
  const int32_t batch = fz_int(&in, 1, 3), ch = which == 2 ? 1 : fz_int(&in, 1, 6), sp = fz_int(&in, 1, 20);
  const int inplace = which != 0 && which != 4 && fz_pick(&in, 2);
  const int with_affine = fz_pick(&in, 2);
  const double eps = fz_pick(&in, 4) ? 1e-5 : (double)fz_float(&in);
  float *x = fz_floats(&b, &in, FZ_NUMEL(batch, ch, sp));
  float *out = inplace ? x : fz_floats(&b, &in, FZ_NUMEL(batch, ch, sp));
  if (which == 0) {
    FZ_RUN(b, wt_batch_norm_stats_f32(fz_floats(&b, &in, ch), fz_floats(&b, &in, ch), x, batch, ch, sp));
  } else if (which == 1) {
    const float *mean = fz_floats(&b, &in, ch), *var = fz_floats(&b, &in, ch);
    const float *w = with_affine ? fz_floats(&b, &in, ch) : NULL, *bias = with_affine ? fz_floats(&b, &in, ch) : NULL;
    FZ_RUN(b, wt_batch_norm_f32(out, x, mean, var, w, bias, batch, ch, sp, eps));
  } else if (which == 2) {
    const float *w = with_affine ? fz_floats(&b, &in, sp) : NULL, *bias = with_affine ? fz_floats(&b, &in, sp) : NULL;
    FZ_RUN(b, wt_layer_norm_f32(out, x, w, bias, batch, sp, eps));
  } else if (which == 3) {
    const int32_t groups = fz_int(&in, 1, 6);
    const float *w = with_affine ? fz_floats(&b, &in, ch) : NULL, *bias = with_affine ? fz_floats(&b, &in, ch) : NULL;
    FZ_RUN(b, wt_group_norm_f32(out, x, w, bias, batch, ch, sp, groups, eps));
  } else {
    const int32_t lsize = fz_int(&in, 1, 7);
    const double alpha = (double)fz_float(&in), beta = (double)fz_float(&in), k = (double)fz_float(&in);
    FZ_RUN(b, wt_local_response_norm_f32(out, x, batch, ch, sp, lsize, alpha, beta, k));
  }
  return 0;
}
