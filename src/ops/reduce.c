/* Reductions over the middle dim.
 *   x: [outer, dim, inner] -> out, indices: [outer, inner]
 * inner == 1 reduces contiguous rows with the row kernels. inner > 1 accumulates whole
 * rows of `inner` floats (unit stride) with the vector kernels; sums go through blocks
 * of WT_SUM_BLOCK rows so rounding error stays small for long dims (PyTorch sums with a
 * cascade too). Index search is scalar: first extreme wins, the first NaN wins. */
#include <string.h>

#include "internal.h"
#include "kernels/kernels.h"

#define WT_SUM_BLOCK 128

/* does v replace best? (first extreme wins; once best is NaN it stays) */
static inline int wt_better(int is_max, float v, float best) {
  if (best != best) return 0;
  if (v != v) return 1;
  return is_max ? v > best : v < best;
}

wt_status wt_reduce_f32(int32_t op, float *out, int64_t *indices, const float *x, int32_t outer,
                        int32_t dim, int32_t inner) {
  static const char *fn = "wt_reduce_f32";
  if (op < WT_SUM || op > WT_MIN) return wt_error(WT_EINVAL, "%s: unknown op %d (expected 0..3)", fn, op);
  WT_CHECK_PTR(out, fn, "out");
  WT_CHECK_PTR(x, fn, "x");
  WT_CHECK_POS(outer, fn, "outer");
  WT_CHECK_POS(dim, fn, "dim");
  WT_CHECK_POS(inner, fn, "inner");
  if (indices != NULL && (op == WT_SUM || op == WT_MEAN))
    return wt_error(WT_EINVAL, "%s: indices must be NULL for sum/mean", fn);
  int64_t total;
  if (!wt_mul_i64(outer, dim, &total) || !wt_mul_i64(total, inner, &total) ||
      total > (int64_t)(SIZE_MAX / sizeof(float)))
    return wt_error(WT_EINVAL, "%s: outer*dim*inner overflows", fn);

  const size_t O = (size_t)outer, D = (size_t)dim, I = (size_t)inner;
  const int is_max = op == WT_MAX;

  if (I == 1) {
    for (size_t o = 0; o < O; o++) {
      const float *X = x + o * D;
      if (op == WT_SUM || op == WT_MEAN) {
        float s = WT_UKERNEL(wt_f32_rsum_ukernel)(D, X);
        out[o] = op == WT_MEAN ? s / (float)D : s;
      } else if (indices == NULL) {
        out[o] = is_max ? WT_UKERNEL(wt_f32_rmax_ukernel)(D, X) : WT_UKERNEL(wt_f32_rmin_ukernel)(D, X);
      } else {
        float best = X[0];
        size_t bi = 0;
        for (size_t d = 1; d < D; d++)
          if (wt_better(is_max, X[d], best)) best = X[d], bi = d;
        out[o] = best;
        indices[o] = (int64_t)bi;
      }
    }
    return WT_OK;
  }

  if (op == WT_SUM || op == WT_MEAN) {
    float *blk = NULL;
    if (D > WT_SUM_BLOCK) {
      blk = wt_scratch_alloc((int64_t)I * (int64_t)sizeof(float));
      if (blk == NULL) return wt_error(WT_ENOMEM, "%s: cannot allocate scratch", fn);
    }
    for (size_t o = 0; o < O; o++) {
      const float *X = x + o * D * I;
      float *Y = out + o * I;
      for (size_t d0 = 0; d0 < D; d0 += WT_SUM_BLOCK) {
        const size_t d1 = D - d0 < WT_SUM_BLOCK ? D : d0 + WT_SUM_BLOCK;
        float *acc = d0 == 0 ? Y : blk;
        memcpy(acc, X + d0 * I, I * sizeof(float));
        for (size_t d = d0 + 1; d < d1; d++) WT_UKERNEL(wt_f32_vbinary_ukernel)(WT_ADD, I, acc, X + d * I, acc);
        if (d0 != 0) WT_UKERNEL(wt_f32_vbinary_ukernel)(WT_ADD, I, Y, blk, Y);
      }
      if (op == WT_MEAN) WT_UKERNEL(wt_f32_vbinaryc_ukernel)(WT_DIV, I, Y, (float)D, Y);
    }
    wt_scratch_free(blk);
    return WT_OK;
  }

  for (size_t o = 0; o < O; o++) {
    const float *X = x + o * D * I;
    float *Y = out + o * I;
    memcpy(Y, X, I * sizeof(float));
    if (indices == NULL) {
      for (size_t d = 1; d < D; d++)
        WT_UKERNEL(wt_f32_vbinary_ukernel)(is_max ? WT_MAXIMUM : WT_MINIMUM, I, Y, X + d * I, Y);
    } else {
      int64_t *ix = indices + o * I;
      for (size_t j = 0; j < I; j++) ix[j] = 0;
      for (size_t d = 1; d < D; d++) {
        const float *row = X + d * I;
        for (size_t j = 0; j < I; j++)
          if (wt_better(is_max, row[j], Y[j])) Y[j] = row[j], ix[j] = (int64_t)d;
      }
    }
  }
  return WT_OK;
}
