/* Packs A into 4-row strips for the igemm kernel (layout in kernels.h). */
#include "kernels/kernels.h"

void wt_f32_igemm_pack_a_x4(size_t M, size_t K, const float *A, size_t lda, float *packed) {
  for (size_t i0 = 0; i0 < M; i0 += WT_GEMM_MR, packed += K * WT_GEMM_MR) {
    /* rows beyond M repeat row M - 1: the kernels store them to C rows aliasing row M - 1 */
    const float *r0 = A + i0 * lda;
    const float *r1 = i0 + 1 < M ? r0 + lda : r0;
    const float *r2 = i0 + 2 < M ? r1 + lda : r1;
    const float *r3 = i0 + 3 < M ? r2 + lda : r2;
    for (size_t k = 0; k < K; k++) {
      packed[k * WT_GEMM_MR] = r0[k];
      packed[k * WT_GEMM_MR + 1] = r1[k];
      packed[k * WT_GEMM_MR + 2] = r2[k];
      packed[k * WT_GEMM_MR + 3] = r3[k];
    }
  }
}
