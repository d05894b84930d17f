/* Fuzzes src/ops/gemm.c: wt_gemm_f32 (leading dimensions, trans_b, bias, accumulate), the
 * packed path (wt_gemm_packed_size_f32 -> wt_gemm_pack_b_f32 -> wt_gemm_packed_f32) and
 * wt_matmul_f32.
 *   A spans (M-1)*lda + K floats; B (K-1)*ldb + N (trans_b 0) or (N-1)*ldb + K (trans_b 1);
 *   C (M-1)*ldc + N; bias [N]. */
#include "fuzz_util.h"

/* floats spanned by `rows` rows of `cols` with row stride ld */
static int64_t span(int32_t rows, int32_t cols, int32_t ld) {
  return fz_extent(2, (int64_t[]){rows, cols}, (int64_t[]){ld, 1});
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_in in = {data, size};
  fz_bufs b = {0};
  const int which = fz_pick(&in, 3);
  const int32_t M = fz_int(&in, 1, 12), N = fz_int(&in, 1, 20), K = fz_int(&in, 1, 12);
  if (which == 0) {
    const int32_t trans_b = fz_int(&in, 0, 1), accumulate = fz_int(&in, 0, 1);
    const int32_t lda = fz_sat((int64_t)K + (int64_t)fz_int(&in, 0, 3) * (fz_pick(&in, 8) ? 1 : -1));
    const int32_t ldb = fz_sat((int64_t)(trans_b == 1 ? K : N) + fz_int(&in, 0, 3));
    const int32_t ldc = fz_sat((int64_t)N + fz_int(&in, 0, 3));
    const int with_bias = fz_pick(&in, 2);
    const float *A = fz_floats(&b, &in, span(M, K, lda));
    const float *B = fz_floats(&b, &in, trans_b == 1 ? span(N, K, ldb) : span(K, N, ldb));
    float *C = fz_floats(&b, &in, span(M, N, ldc));
    const float *bias = with_bias ? fz_floats(&b, &in, N) : NULL;
    FZ_RUN(b, wt_gemm_f32(M, N, K, A, lda, B, ldb, trans_b, C, ldc, bias, accumulate));
  } else if (which == 1) {
    int32_t floats = -1;
    const wt_status st = wt_gemm_packed_size_f32(N, K, &floats);
    fz_check_status(st, "wt_gemm_packed_size_f32");
    if (st != WT_OK) return 0;
    if (floats < 0) abort();
    /* sometimes a wrong packed size, which pack_b must refuse */
    const int32_t given = fz_pick(&in, 8) ? floats : fz_sat((int64_t)floats + fz_int(&in, -3, 3));
    const int32_t trans_b = fz_int(&in, 0, 1);
    const int32_t lda = fz_sat((int64_t)K + fz_int(&in, 0, 2)), ldc = fz_sat((int64_t)N + fz_int(&in, 0, 2));
    const int with_bias = fz_pick(&in, 2), accumulate = fz_int(&in, 0, 1);
    float *packed = fz_floats(&b, &in, given);
    const float *B = fz_floats(&b, &in, FZ_NUMEL(N, K));
    const float *bias = with_bias ? fz_floats(&b, &in, N) : NULL;
    const float *A = fz_floats(&b, &in, span(M, K, lda));
    float *C = fz_floats(&b, &in, span(M, N, ldc));
    if (b.skip || b.bad) {
      fz_free_all(&b);
      return 0;
    }
    const wt_status ps = wt_gemm_pack_b_f32(packed, given, B, bias, N, K, trans_b);
    fz_check_status(ps, "wt_gemm_pack_b_f32");
    if (ps == WT_OK && given != floats) {
      fprintf(stderr, "wt_gemm_pack_b_f32 accepted %d packed floats, needs %d\n", given, floats);
      abort();
    }
    if (ps == WT_OK) fz_check_status(wt_gemm_packed_f32(M, N, K, A, lda, packed, C, ldc, accumulate), "wt_gemm_packed_f32");
    fz_free_all(&b);
  } else {
    const int32_t batch = fz_int(&in, 1, 3);
    float *out = fz_floats(&b, &in, FZ_NUMEL(batch, M, N));
    const float *a = fz_floats(&b, &in, FZ_NUMEL(batch, M, K));
    const float *bb = fz_floats(&b, &in, FZ_NUMEL(batch, K, N));
    FZ_RUN(b, wt_matmul_f32(out, a, bb, batch, M, K, N));
  }
  return 0;
}
