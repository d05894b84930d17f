/* Fuzzes src/ops/resample.c: wt_interpolate_f32, x [planes, *in], out [planes, *out],
 * in/out size arrays [ndim], every mode, align_corners and user scales (0 = none,
 * negative/non-finite must be rejected). */
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_in in = {data, size};
  fz_bufs b = {0};
  const int32_t mode = fz_int(&in, 0, 3), ndim = fz_int(&in, 1, 3), planes = fz_int(&in, 1, 3);
  const int32_t align = fz_int(&in, 0, 1);
  const int nd = ndim < 1 ? 1 : ndim > 3 ? 3 : ndim;
  if (nd != ndim) b.bad = 1;
  int32_t ins[3], outs[3];
  double scale[3];
  int64_t in_sp = 1, out_sp = 1;
  for (int i = 0; i < 3; i++) {
    ins[i] = i < nd ? fz_int(&in, 1, 9) : 1;
    outs[i] = i < nd ? fz_int(&in, 1, 12) : 1;
    const int k = fz_pick(&in, 4);
    scale[i] = k == 0 ? 0.0 : k == 1 ? (double)fz_float(&in) : (double)outs[i] / (ins[i] ? ins[i] : 1);
    if (i < nd) in_sp = FZ_NUMEL(in_sp, ins[i]), out_sp = FZ_NUMEL(out_sp, outs[i]);
  }
  /* the op blends a whole input row (last dim) for every output row, up to 16 taps each */
  int64_t out_rows = planes;
  for (int i = 0; i + 1 < nd; i++) out_rows = FZ_NUMEL(out_rows, outs[i]);
  if (FZ_NUMEL(out_rows, ins[nd - 1], 16) > FZ_MAX_WORK) b.skip = 1;
  const float *x = fz_floats(&b, &in, FZ_NUMEL(planes, in_sp));
  float *out = fz_floats(&b, &in, FZ_NUMEL(planes, out_sp));
  const int32_t *insp = fz_i32s(&b, nd, ins), *outsp = fz_i32s(&b, nd, outs);
  FZ_RUN(b, wt_interpolate_f32(mode, out, x, ndim, planes, insp, outsp, align, scale[0], scale[1], scale[2]));
  return 0;
}
