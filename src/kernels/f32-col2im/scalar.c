/* f32-col2im scalar kernel: one run of windows scattered into an image row (see kernels.h). */
#include "kernels/kernels.h"

void wt_f32_col2im_ukernel__scalar(size_t n, size_t stride, const float *x, float *y) {
  for (size_t q = 0; q < n; q++) y[q * stride] += x[q];
}
