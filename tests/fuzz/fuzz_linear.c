/* Fuzzes src/ops/linear.c: wt_linear_forward_f32 (out [rows, out_f], x [rows, in],
 * weight [out_f, in], bias [out_f]) and wt_bilinear_forward_f32 (out [rows, out_f],
 * x1 [rows, in1], x2 [rows, in2], weight [out_f, in1, in2], bias [out_f]). */
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_in in = {data, size};
  fz_bufs b = {0};
  const int bilinear = fz_pick(&in, 2), with_bias = fz_pick(&in, 2);
  const int32_t rows = fz_int(&in, 1, 9), in1 = fz_int(&in, 1, 17), out_f = fz_int(&in, 1, 17);
  if (!bilinear) {
    float *out = fz_floats(&b, &in, FZ_NUMEL(rows, out_f));
    const float *x = fz_floats(&b, &in, FZ_NUMEL(rows, in1));
    const float *w = fz_floats(&b, &in, FZ_NUMEL(out_f, in1));
    const float *bias = with_bias ? fz_floats(&b, &in, out_f) : NULL;
    FZ_RUN(b, wt_linear_forward_f32(out, x, w, bias, rows, in1, out_f));
  } else {
    const int32_t in2 = fz_int(&in, 1, 9);
    float *out = fz_floats(&b, &in, FZ_NUMEL(rows, out_f));
    const float *x1 = fz_floats(&b, &in, FZ_NUMEL(rows, in1));
    const float *x2 = fz_floats(&b, &in, FZ_NUMEL(rows, in2));
    const float *w = fz_floats(&b, &in, FZ_NUMEL(out_f, in1, in2));
    const float *bias = with_bias ? fz_floats(&b, &in, out_f) : NULL;
    FZ_RUN(b, wt_bilinear_forward_f32(out, x1, x2, w, bias, rows, in1, in2, out_f));
  }
  return 0;
}
