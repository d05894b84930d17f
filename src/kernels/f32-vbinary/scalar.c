/* f32-vbinary scalar kernels: the reference for the SIMD ones and the strided path. */
#include <math.h>

#include "kernels/kernels.h"
#include "webtorch.h"

float wt_f32_binary_scalar(int op, float a, float b) {
  switch (op) {
    case WT_ADD: return a + b;
    case WT_SUB: return a - b;
    case WT_MUL: return a * b;
    case WT_DIV: return a / b;
    case WT_MAXIMUM:
      if (a != a || b != b) return a + b; /* NaN in, NaN out (torch.maximum) */
      if (a != b) return a > b ? a : b;
      return signbit(a) ? b : a; /* max(-0, +0) = +0 */
    case WT_MINIMUM:
      if (a != a || b != b) return a + b;
      if (a != b) return a < b ? a : b;
      return signbit(a) ? a : b; /* min(-0, +0) = -0 */
    case WT_POW: return powf(a, b);
    default: return 0.0f;
  }
}

void wt_f32_vbinary_ukernel__scalar(int op, size_t n, const float *a, const float *b, float *y) {
  for (size_t i = 0; i < n; i++) y[i] = wt_f32_binary_scalar(op, a[i], b[i]);
}

void wt_f32_vbinaryc_ukernel__scalar(int op, size_t n, const float *a, float b, float *y) {
  for (size_t i = 0; i < n; i++) y[i] = wt_f32_binary_scalar(op, a[i], b);
}

void wt_f32_vrbinaryc_ukernel__scalar(int op, size_t n, float a, const float *b, float *y) {
  for (size_t i = 0; i < n; i++) y[i] = wt_f32_binary_scalar(op, a, b[i]);
}
