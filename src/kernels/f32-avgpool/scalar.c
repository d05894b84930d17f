/* f32-avgpool scalar kernel: one output row along the innermost dim (see kernels.h). */
#include "kernels/kernels.h"

void wt_f32_avgpool_ukernel__scalar(size_t out_w, size_t nrows, const float *const *rows, size_t in_w,
                                    size_t kernel, size_t stride, ptrdiff_t pad, const float *divisor,
                                    float *y) {
  for (size_t o = 0; o < out_w; o++) {
    const ptrdiff_t start = (ptrdiff_t)(o * stride) - pad;
    float sum = 0.0f;
    for (size_t r = 0; r < nrows; r++)
      for (size_t t = 0; t < kernel; t++) {
        const ptrdiff_t w = start + (ptrdiff_t)t;
        if (w < 0) continue;
        if (w >= (ptrdiff_t)in_w) break;
        sum += rows[r][w];
      }
    y[o] = sum / divisor[o];
  }
}
