/* Fuzzes src/ops/elementwise.c: wt_binary_f32 (broadcast by strides) and wt_unary_f32.
 *   binary: out prod(shape), a/b span 1 + sum (shape[k]-1)*strides[k] elements
 *   unary:  out, x [n]; out == x allowed */
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_in in = {data, size};
  fz_bufs b = {0};
  if (fz_pick(&in, 2) == 0) {
    const int32_t op = fz_int(&in, 0, 6);
    const int32_t ndim = fz_int(&in, 0, 8);
    const int nd = ndim < 0 ? 0 : ndim > 8 ? 8 : ndim;
    int32_t shape[8], as[8], bs[8];
    int64_t sh[8], ast[8], bst[8];
    for (int i = 0; i < nd; i++) {
      sh[i] = shape[i] = fz_int(&in, 1, 5);
      ast[i] = as[i] = fz_int(&in, 0, 6);
      bst[i] = bs[i] = fz_int(&in, 0, 6);
    }
    if (ndim != nd) b.bad = 1;
    const int32_t *shp = fz_i32s(&b, nd, shape), *asp = fz_i32s(&b, nd, as), *bsp = fz_i32s(&b, nd, bs);
    float *out = fz_floats(&b, &in, fz_numel(nd, sh));
    const float *a = fz_floats(&b, &in, fz_extent(nd, sh, ast));
    const float *bb = fz_floats(&b, &in, fz_extent(nd, sh, bst));
    FZ_RUN(b, wt_binary_f32(op, out, a, bb, ndim, shp, asp, bsp));
  } else {
    const int32_t op = fz_int(&in, 0, 24);
    const int32_t n = fz_int(&in, 0, 80);
    const float p0 = fz_float(&in), p1 = fz_float(&in);
    const int inplace = fz_pick(&in, 2);
    float *x = fz_floats(&b, &in, n);
    float *out = inplace ? x : fz_floats(&b, &in, n);
    FZ_RUN(b, wt_unary_f32(op, out, x, n, p0, p1));
  }
  return 0;
}
