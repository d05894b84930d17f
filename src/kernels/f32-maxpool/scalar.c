/* f32-maxpool scalar kernels: one output row along the innermost dim, and one plane of
 * the 2x2 stride-2 window (see kernels.h). */
#include <math.h>

#include "kernels/kernels.h"

void wt_f32_maxpool_ukernel__scalar(size_t out_w, size_t nrows, const float *const *rows,
                                    const int64_t *row_base, size_t in_w, size_t kernel,
                                    size_t stride, size_t pad, size_t dilation, float *y,
                                    int64_t *idx) {
  for (size_t o = 0; o < out_w; o++) {
    const int64_t start = (int64_t)(o * stride) - (int64_t)pad;
    /* PyTorch's initial index: the first lattice position inside the input */
    int64_t w0 = start;
    while (w0 < 0) w0 += (int64_t)dilation;
    float m = -INFINITY;
    int64_t mi = row_base[0] + w0;
    for (size_t r = 0; r < nrows; r++) {
      const float *row = rows[r];
      for (size_t t = 0; t < kernel; t++) {
        const int64_t w = start + (int64_t)(t * dilation);
        if (w < 0) continue;
        if (w >= (int64_t)in_w) break;
        const float v = row[w];
        if (v > m || isnan(v)) m = v, mi = row_base[r] + w; /* PyTorch CPU order: last NaN wins */
      }
    }
    y[o] = m;
    if (idx != NULL) idx[o] = mi;
  }
}

void wt_f32_maxpool2x2_ukernel__scalar(size_t out_h, size_t out_w, const float *x, size_t in_w, float *y) {
  for (size_t oh = 0; oh < out_h; oh++, y += out_w) {
    const float *r0 = x + 2 * oh * in_w, *r1 = r0 + in_w;
    for (size_t o = 0; o < out_w; o++) {
      /* the row kernel's rule in its tap order: first row, then second */
      const float taps[4] = {r0[2 * o], r0[2 * o + 1], r1[2 * o], r1[2 * o + 1]};
      float m = -INFINITY;
      for (int t = 0; t < 4; t++)
        if (taps[t] > m || isnan(taps[t])) m = taps[t];
      y[o] = m;
    }
  }
}
