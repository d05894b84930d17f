/* f32-softmax scalar kernel over one contiguous row: the reference for the SIMD one. */
#include <math.h>

#include "kernels/kernels.h"

void wt_f32_softmax_ukernel__scalar(size_t n, const float *x, float *y, int log) {
  const float m = wt_f32_rmax_ukernel__scalar(n, x);
  float s = 0.0f;
  if (log) {
    for (size_t i = 0; i < n; i++) s += expf(x[i] - m);
    const float ls = logf(s);
    for (size_t i = 0; i < n; i++) y[i] = (x[i] - m) - ls;
  } else {
    for (size_t i = 0; i < n; i++) s += (y[i] = expf(x[i] - m));
    for (size_t i = 0; i < n; i++) y[i] /= s;
  }
}
