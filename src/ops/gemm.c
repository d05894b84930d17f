/* Matrix products.
 *   wt_gemm_f32:   C[M,N] (+)= A[M,K] @ op(B) + bias[N]   (op(B) = B[K,N] or B[N,K]^T)
 *   wt_matmul_f32: out[batch,M,N] = a[batch,M,K] @ b[batch,K,N]
 * B is packed into 8-column panels (scratch, at most ~WT_SCRATCH_CHUNK_FLOATS floats:
 * wide B is processed in column chunks), then the 4x8 kernel sweeps 4-row blocks of A
 * across the panels of a chunk. */
#include "internal.h"
#include "kernels/kernels.h"

wt_status wt_gemm_run(const char *fn, int32_t M, int32_t N, int32_t K, const float *A,
                      int32_t lda, const float *B, int32_t ldb, int32_t trans_b, float *C,
                      int32_t ldc, const float *bias, int32_t accumulate) {
  WT_CHECK_POS(M, fn, "M");
  WT_CHECK_POS(N, fn, "N");
  WT_CHECK_POS(K, fn, "K");
  WT_CHECK_PTR(A, fn, "A");
  WT_CHECK_PTR(B, fn, "B");
  WT_CHECK_PTR(C, fn, "C");
  if (trans_b != 0 && trans_b != 1) return wt_error(WT_EINVAL, "%s: trans_b must be 0 or 1, got %d", fn, trans_b);
  if (accumulate != 0 && accumulate != 1)
    return wt_error(WT_EINVAL, "%s: accumulate must be 0 or 1, got %d", fn, accumulate);
  if (lda < K) return wt_error(WT_EINVAL, "%s: lda (%d) must be >= K (%d)", fn, lda, K);
  if (trans_b ? ldb < K : ldb < N)
    return wt_error(WT_EINVAL, "%s: ldb (%d) must be >= %s (%d)", fn, ldb, trans_b ? "K" : "N", trans_b ? K : N);
  if (ldc < N) return wt_error(WT_EINVAL, "%s: ldc (%d) must be >= N (%d)", fn, ldc, N);

  const int64_t panel = WT_GEMM_NR + (int64_t)K * WT_GEMM_NR; /* floats per packed panel */
  int64_t chunk_cols = (WT_SCRATCH_CHUNK_FLOATS / panel) * WT_GEMM_NR;
  if (chunk_cols < WT_GEMM_NR) chunk_cols = WT_GEMM_NR;
  if (chunk_cols > N) chunk_cols = ((int64_t)N + WT_GEMM_NR - 1) / WT_GEMM_NR * WT_GEMM_NR;
  const int64_t bytes = chunk_cols / WT_GEMM_NR * panel * (int64_t)sizeof(float);
  float *packed = wt_scratch_alloc(bytes);
  if (packed == NULL) return wt_error(WT_ENOMEM, "%s: cannot allocate %lld bytes for packed B", fn, (long long)bytes);

  for (size_t n0 = 0; n0 < (size_t)N; n0 += (size_t)chunk_cols) {
    const size_t nn = (size_t)N - n0 < (size_t)chunk_cols ? (size_t)N - n0 : (size_t)chunk_cols;
    const float *Bc = trans_b ? B + n0 * (size_t)ldb : B + n0;
    wt_f32_gemm_pack_b_x8(nn, (size_t)K, Bc, (size_t)ldb, trans_b, bias != NULL ? bias + n0 : NULL, packed);
    for (size_t m0 = 0; m0 < (size_t)M; m0 += WT_GEMM_MR) {
      const size_t mr = (size_t)M - m0 < WT_GEMM_MR ? (size_t)M - m0 : WT_GEMM_MR;
      for (size_t j0 = 0; j0 < nn; j0 += WT_GEMM_NR) {
        const size_t nc = nn - j0 < WT_GEMM_NR ? nn - j0 : WT_GEMM_NR;
        WT_UKERNEL(wt_f32_gemm_ukernel_4x8)(mr, nc, (size_t)K, A + m0 * (size_t)lda, (size_t)lda,
                                             packed + (j0 / WT_GEMM_NR) * (size_t)panel,
                                             C + m0 * (size_t)ldc + n0 + j0, (size_t)ldc, accumulate);
      }
    }
  }
  wt_scratch_free(packed);
  return WT_OK;
}

wt_status wt_gemm_f32(int32_t M, int32_t N, int32_t K, const float *A, int32_t lda,
                      const float *B, int32_t ldb, int32_t trans_b, float *C, int32_t ldc,
                      const float *bias, int32_t accumulate) {
  return wt_gemm_run("wt_gemm_f32", M, N, K, A, lda, B, ldb, trans_b, C, ldc, bias, accumulate);
}

wt_status wt_matmul_f32(float *out, const float *a, const float *b, int32_t batch, int32_t M,
                        int32_t K, int32_t N) {
  static const char *fn = "wt_matmul_f32";
  WT_CHECK_PTR(out, fn, "out");
  WT_CHECK_PTR(a, fn, "a");
  WT_CHECK_PTR(b, fn, "b");
  WT_CHECK_POS(batch, fn, "batch");
  WT_CHECK_POS(M, fn, "M");
  WT_CHECK_POS(K, fn, "K");
  WT_CHECK_POS(N, fn, "N");
  int64_t t;
  if (!wt_mul_i64((int64_t)batch * M, K, &t) || !wt_mul_i64((int64_t)batch * K, N, &t) ||
      !wt_mul_i64((int64_t)batch * M, N, &t) || t > (int64_t)(SIZE_MAX / sizeof(float)))
    return wt_error(WT_EINVAL, "%s: sizes overflow", fn);
  for (size_t i = 0; i < (size_t)batch; i++) {
    wt_status st = wt_gemm_run(fn, M, N, K, a + i * (size_t)M * (size_t)K, K, b + i * (size_t)K * (size_t)N, N, 0,
                               out + i * (size_t)M * (size_t)N, N, NULL, 0);
    if (st != WT_OK) return st;
  }
  return WT_OK;
}
