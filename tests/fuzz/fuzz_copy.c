/* Fuzzes src/ops/copy.c: wt_copy_strided (strided gather, any element size) and wt_cast.
 *   copy: x spans 1 + sum (shape[k]-1)*strides[k] elements, out prod(shape) elements
 *   cast: out [n] of out_dtype, x [n] of x_dtype */
#include "fuzz_util.h"

static int64_t dtype_size(int32_t dt) {
  return dt == WT_F32 || dt == WT_I32 ? 4 : dt == WT_I64 ? 8 : 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_in in = {data, size};
  fz_bufs b = {0};
  if (fz_pick(&in, 2) == 0) {
    static const int32_t sizes[] = {1, 4, 8};
    int32_t elem = fz_pick(&in, 8) == 0 ? fz_int(&in, -2, 16) : sizes[fz_pick(&in, 3)];
    const int32_t ndim = fz_int(&in, 0, 8);
    const int nd = ndim < 0 ? 0 : ndim > 8 ? 8 : ndim;
    int32_t shape[8], strides[8];
    int64_t sh[8], st[8];
    for (int i = 0; i < nd; i++) sh[i] = shape[i] = fz_int(&in, 1, 4), st[i] = strides[i] = fz_int(&in, 0, 6);
    if (elem != 1 && elem != 4 && elem != 8) b.bad = 1;
    if (ndim != nd) b.bad = 1;
    const int64_t es = elem == 1 || elem == 4 || elem == 8 ? elem : 1;
    /* ndim == 0 copies one element; shape/strides may then be NULL */
    const int32_t *shp = nd == 0 && fz_pick(&in, 2) ? NULL : fz_i32s(&b, nd, shape);
    const int32_t *stp = nd == 0 && fz_pick(&in, 2) ? NULL : fz_i32s(&b, nd, strides);
    void *out = fz_alloc(&b, fz_numel(nd, sh), (size_t)es);
    const void *x = fz_alloc(&b, fz_extent(nd, sh, st), (size_t)es);
    FZ_RUN(b, wt_copy_strided(out, x, elem, ndim, shp, stp));
  } else {
    const int32_t out_dtype = fz_int(&in, 0, 3), x_dtype = fz_int(&in, 0, 3);
    const int32_t n = fz_int(&in, 0, 40);
    if (out_dtype < 0 || out_dtype > 3 || x_dtype < 0 || x_dtype > 3) b.bad = 1;
    const int null_ok = n == 0 && fz_pick(&in, 2);
    void *out = null_ok ? NULL : fz_alloc(&b, n, (size_t)dtype_size(out_dtype));
    void *x = null_ok ? NULL : fz_alloc(&b, n, (size_t)dtype_size(x_dtype));
    if (x && !b.skip && !b.bad && x_dtype == WT_F32)
      for (int32_t i = 0; i < n; i++) ((float *)x)[i] = fz_float(&in);
    FZ_RUN(b, wt_cast(out, out_dtype, x, x_dtype, n));
  }
  return 0;
}
