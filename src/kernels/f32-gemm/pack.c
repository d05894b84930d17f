/* Packs B into 8-column panels for the 4x8 GEMM kernel (layout in kernels.h).
 * Packing once per call turns any B layout (row-major, transposed, strided) into the
 * unit-stride stream the kernel wants, and zero-fills the last panel so the kernel's
 * inner loop has no column edge; only the final store is clipped to nc. */
#include "kernels/kernels.h"

void wt_f32_gemm_pack_b_x8(size_t N, size_t K, const float *B, size_t ldb, int trans_b,
                           const float *bias, float *packed) {
  for (size_t n0 = 0; n0 < N; n0 += WT_GEMM_NR) {
    const size_t nc = N - n0 < WT_GEMM_NR ? N - n0 : WT_GEMM_NR;
    float *w = packed + (n0 / WT_GEMM_NR) * (WT_GEMM_NR + K * WT_GEMM_NR);
    for (size_t j = 0; j < WT_GEMM_NR; j++) w[j] = (bias != NULL && j < nc) ? bias[n0 + j] : 0.0f;
    w += WT_GEMM_NR;
    if (trans_b) {
      for (size_t j = 0; j < WT_GEMM_NR; j++) {
        const float *src = B + (n0 + j) * ldb;
        for (size_t k = 0; k < K; k++) w[k * WT_GEMM_NR + j] = j < nc ? src[k] : 0.0f;
      }
    } else {
      for (size_t k = 0; k < K; k++) {
        const float *src = B + k * ldb + n0;
        for (size_t j = 0; j < WT_GEMM_NR; j++) w[k * WT_GEMM_NR + j] = j < nc ? src[j] : 0.0f;
      }
    }
  }
}
