/* f32-gemm 4x8 scalar kernel: the reference for the SIMD one (same packed layout). */
#include "kernels/kernels.h"

void wt_f32_gemm_ukernel_4x8__scalar(size_t mr, size_t nc, size_t kc, const float *a,
                                     size_t a_stride, const float *w, float *c,
                                     size_t c_stride, int accumulate) {
  for (size_t i = 0; i < mr; i++) {
    float acc[WT_GEMM_NR];
    for (size_t j = 0; j < WT_GEMM_NR; j++) acc[j] = w[j];
    const float *wk = w + WT_GEMM_NR;
    for (size_t k = 0; k < kc; k++, wk += WT_GEMM_NR) {
      const float av = a[i * a_stride + k];
      for (size_t j = 0; j < WT_GEMM_NR; j++) acc[j] += av * wk[j];
    }
    float *ci = c + i * c_stride;
    for (size_t j = 0; j < nc; j++) ci[j] = accumulate ? ci[j] + acc[j] : acc[j];
  }
}
