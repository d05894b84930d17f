/* softmax / log_softmax.
 *   x, out: [outer, dim, inner], normalised over dim.
 * inner == 1 (softmax over the last dim) runs the row kernel per outer index. Otherwise
 * the dim elements of one (outer, inner) column are inner floats apart, so the op works
 * on whole rows of `inner` floats with the vector kernels (max, sub, exp, add), keeping
 * all loads unit-stride. Scratch: 3 rows of inner floats. */
#include "internal.h"
#include "kernels/kernels.h"

wt_status wt_softmax_f32(float *out, const float *x, int32_t outer, int32_t dim, int32_t inner,
                         int32_t log) {
  static const char *fn = "wt_softmax_f32";
  WT_CHECK_PTR(out, fn, "out");
  WT_CHECK_PTR(x, fn, "x");
  WT_CHECK_POS(outer, fn, "outer");
  WT_CHECK_POS(dim, fn, "dim");
  WT_CHECK_POS(inner, fn, "inner");
  if (log != 0 && log != 1) return wt_error(WT_EINVAL, "%s: log must be 0 or 1, got %d", fn, log);
  int64_t total;
  if (!wt_mul_i64(outer, dim, &total) || !wt_mul_i64(total, inner, &total) ||
      total > (int64_t)(SIZE_MAX / sizeof(float)))
    return wt_error(WT_EINVAL, "%s: outer*dim*inner overflows", fn);

  const size_t D = (size_t)dim, I = (size_t)inner;
  if (inner == 1) {
    for (size_t o = 0; o < (size_t)outer; o++)
      WT_UKERNEL(wt_f32_softmax_ukernel)(D, x + o * D, out + o * D, log);
    return WT_OK;
  }

  float *m = wt_scratch_alloc((int64_t)I * 3 * (int64_t)sizeof(float));
  if (m == NULL) return wt_error(WT_ENOMEM, "%s: cannot allocate %ld bytes of scratch", fn, (long)(I * 3 * sizeof(float)));
  float *s = m + I, *t = s + I;
  for (size_t o = 0; o < (size_t)outer; o++) {
    const float *X = x + o * D * I;
    float *Y = out + o * D * I;
    for (size_t j = 0; j < I; j++) m[j] = X[j];
    for (size_t d = 1; d < D; d++) WT_UKERNEL(wt_f32_vbinary_ukernel)(WT_MAXIMUM, I, m, X + d * I, m);
    for (size_t d = 0; d < D; d++) {
      /* log_softmax still needs X afterwards (out may equal x), so exp goes to t */
      float *e = log ? t : Y + d * I;
      WT_UKERNEL(wt_f32_vbinary_ukernel)(WT_SUB, I, X + d * I, m, e);
      WT_UKERNEL(wt_f32_vexp_ukernel)(I, e, e);
      if (d == 0) {
        for (size_t j = 0; j < I; j++) s[j] = e[j];
      } else {
        WT_UKERNEL(wt_f32_vbinary_ukernel)(WT_ADD, I, s, e, s);
      }
    }
    if (log) {
      WT_UKERNEL(wt_f32_vlog_ukernel)(I, s, s);
      for (size_t d = 0; d < D; d++) {
        WT_UKERNEL(wt_f32_vbinary_ukernel)(WT_SUB, I, X + d * I, m, Y + d * I);
        WT_UKERNEL(wt_f32_vbinary_ukernel)(WT_SUB, I, Y + d * I, s, Y + d * I);
      }
    } else {
      for (size_t d = 0; d < D; d++) WT_UKERNEL(wt_f32_vbinary_ukernel)(WT_DIV, I, Y + d * I, s, Y + d * I);
    }
  }
  wt_scratch_free(m);
  return WT_OK;
}
