/* Fuzzes src/ops/softmax.c: wt_softmax_f32, x and out [outer, dim, inner] (out == x allowed). */
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_in in = {data, size};
  fz_bufs b = {0};
  const int32_t outer = fz_int(&in, 1, 4), dim = fz_int(&in, 1, 40), inner = fz_int(&in, 1, 5);
  const int32_t log = fz_int(&in, 0, 1);
  const int inplace = fz_pick(&in, 2);
  float *x = fz_floats(&b, &in, FZ_NUMEL(outer, dim, inner));
  float *out = inplace ? x : fz_floats(&b, &in, FZ_NUMEL(outer, dim, inner));
  FZ_RUN(b, wt_softmax_f32(out, x, outer, dim, inner, log));
  return 0;
}
