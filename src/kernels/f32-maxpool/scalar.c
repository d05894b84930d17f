/* f32-maxpool scalar kernel: one output row along the innermost dim (see kernels.h). */
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
