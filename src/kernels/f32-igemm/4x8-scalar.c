/* f32-igemm 4x8 scalar kernel: the reference for the SIMD one (same layouts, same
 * accumulation order). */
#include "kernels/kernels.h"

void wt_f32_igemm_ukernel_4x8__scalar(size_t mr, size_t kc, const float *a, const float *x, const size_t *off,
                                      float *c, size_t c_stride) {
  for (size_t i = 0; i < mr; i++) {
    float acc[WT_GEMM_NR] = {0};
    for (size_t k = 0; k < kc; k++) {
      const float av = a[k * WT_GEMM_MR + i], *b = x + off[k];
      for (size_t j = 0; j < WT_GEMM_NR; j++) acc[j] += av * b[j];
    }
    float *ci = c + i * c_stride;
    for (size_t j = 0; j < WT_GEMM_NR; j++) ci[j] += acc[j];
  }
}
