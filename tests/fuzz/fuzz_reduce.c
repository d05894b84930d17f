/* Fuzzes src/ops/reduce.c: wt_reduce_f32, x [outer, dim, inner] -> out/indices [outer, inner]. */
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_in in = {data, size};
  fz_bufs b = {0};
  const int32_t op = fz_int(&in, 0, 3);
  const int32_t outer = fz_int(&in, 1, 4), dim = fz_int(&in, 1, 40), inner = fz_int(&in, 1, 5);
  const int with_indices = fz_pick(&in, 2);
  if (with_indices && (op == WT_SUM || op == WT_MEAN)) b.bad = 1;
  float *out = fz_floats(&b, &in, FZ_NUMEL(outer, inner));
  int64_t *indices = with_indices ? fz_alloc(&b, FZ_NUMEL(outer, inner), sizeof(int64_t)) : NULL;
  const float *x = fz_floats(&b, &in, FZ_NUMEL(outer, dim, inner));
  FZ_RUN(b, wt_reduce_f32(op, out, indices, x, outer, dim, inner));
  return 0;
}
