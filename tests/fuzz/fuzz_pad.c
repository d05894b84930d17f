/* Fuzzes src/ops/pad.c: wt_pad_f32, x [in_shape...] (ndim 1..8), pads per side (negative
 * crops), out [in_shape[k] + before[k] + after[k] ...]. */
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_in in = {data, size};
  fz_bufs b = {0};
  const int32_t mode = fz_int(&in, 0, 3), ndim = fz_int(&in, 1, 8);
  const int nd = ndim < 1 ? 1 : ndim > 8 ? 8 : ndim;
  if (nd != ndim) b.bad = 1;
  int32_t shape[8], before[8], after[8];
  int64_t ish[8], osh[8];
  for (int i = 0; i < nd; i++) {
    ish[i] = shape[i] = fz_int(&in, 1, 5);
    before[i] = fz_pick(&in, 3) ? 0 : fz_int(&in, -3, 4);
    after[i] = fz_pick(&in, 3) ? 0 : fz_int(&in, -3, 4);
    osh[i] = (int64_t)shape[i] + before[i] + after[i];
  }
  const float value = fz_float(&in);
  const float *x = fz_floats(&b, &in, fz_numel(nd, ish));
  /* a result size <= 0 must be rejected: a zero-size out is guarded entirely by ASan */
  int64_t out_n = fz_numel(nd, osh);
  if (out_n < 0) out_n = 0;
  float *out = fz_floats(&b, &in, out_n);
  const int32_t *shp = fz_i32s(&b, nd, shape), *bp = fz_i32s(&b, nd, before), *ap = fz_i32s(&b, nd, after);
  FZ_RUN(b, wt_pad_f32(mode, out, x, ndim, shp, bp, ap, value));
  return 0;
}
