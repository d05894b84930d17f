/* Matrix products.
 *   wt_gemm_f32:   C[M,N] (+)= A[M,K] @ op(B) + bias[N]   (op(B) = B[K,N] or B[N,K]^T)
 *   wt_matmul_f32: out[batch,M,N] = a[batch,M,K] @ b[batch,K,N]
 *   wt_gemm_pack_b_f32 / wt_gemm_packed_f32: the same product with B (and bias) packed
 *   once by the caller, for weights that serve many calls.
 * B is packed into 8-column panels (layout in kernels.h); the one-shot entry points pack
 * into scratch (at most ~WT_SCRATCH_CHUNK_FLOATS floats: wide B goes in column chunks).
 * The sweep walks column blocks of WT_GEMM_NC_BLOCK columns outermost, so one block of
 * packed B (K*64 floats: 256 KiB at K = 1024) stays in L2 while every 4-row strip of A
 * passes over it; the strip itself (4*K floats) stays in L1 across the block's panels. */
#include "internal.h"
#include "kernels/kernels.h"

/* Columns per cache block of packed B: a multiple of WT_GEMM_NR. */
#define WT_GEMM_NC_BLOCK 64

int64_t wt_gemm_packed_floats_of(int64_t N, int64_t K) {
  return (N + WT_GEMM_NR - 1) / WT_GEMM_NR * (WT_GEMM_NR + K * WT_GEMM_NR);
}

/* Rows [m0, m1) x columns [n0, n1) of the product, one column block at a time. */
static void wt_sweep_range(size_t m0, size_t m1, size_t n0, size_t n1, size_t K, const float *A, size_t lda,
                           const float *packed, float *C, size_t ldc, int accumulate) {
  const size_t panel = WT_GEMM_NR + K * WT_GEMM_NR;
  for (size_t b0 = n0; b0 < n1; b0 += WT_GEMM_NC_BLOCK) {
    const size_t b1 = n1 - b0 < WT_GEMM_NC_BLOCK ? n1 : b0 + WT_GEMM_NC_BLOCK;
    for (size_t i = m0; i < m1; i += WT_GEMM_MR) {
      const size_t mr = m1 - i < WT_GEMM_MR ? m1 - i : WT_GEMM_MR;
      for (size_t j0 = b0; j0 < b1; j0 += WT_GEMM_NR) {
        const size_t nc = b1 - j0 < WT_GEMM_NR ? b1 - j0 : WT_GEMM_NR;
        WT_UKERNEL(wt_f32_gemm_ukernel_4x8)(mr, nc, K, A + i * lda, lda, packed + (j0 / WT_GEMM_NR) * panel,
                                             C + i * ldc + j0, ldc, accumulate);
      }
    }
  }
}

typedef struct {
  size_t M, N, K, lda, ldc, rows, row_tasks;
  const float *A, *packed;
  float *C;
  int accumulate;
} wt_sweep_job;

/* Task t: column block t / row_tasks, row range t % row_tasks. */
static void wt_sweep_task(void *ctx, size_t t, int thread) {
  (void)thread;
  const wt_sweep_job *j = ctx;
  const size_t n0 = t / j->row_tasks * WT_GEMM_NC_BLOCK, m0 = t % j->row_tasks * j->rows;
  const size_t n1 = j->N - n0 < WT_GEMM_NC_BLOCK ? j->N : n0 + WT_GEMM_NC_BLOCK;
  const size_t m1 = j->M - m0 < j->rows ? j->M : m0 + j->rows;
  wt_sweep_range(m0, m1, n0, n1, j->K, j->A, j->lda, j->packed, j->C, j->ldc, j->accumulate);
}

void wt_gemm_sweep_packed(size_t M, size_t N, size_t K, const float *A, size_t lda, const float *packed,
                          float *C, size_t ldc, int accumulate) {
  const int width = wt_parallel_width((double)M * (double)N * (double)K);
  if (width == 1) {
    wt_sweep_range(0, M, 0, N, K, A, lda, packed, C, ldc, accumulate);
    return;
  }
  /* Tasks are column blocks; when there are fewer than 4 per thread (short, wide B or
   * narrow B), the rows are split too, in whole microkernel strips. */
  const size_t blocks = (N + WT_GEMM_NC_BLOCK - 1) / WT_GEMM_NC_BLOCK;
  const size_t strips = (M + WT_GEMM_MR - 1) / WT_GEMM_MR, want = 4 * (size_t)width;
  size_t row_tasks = blocks >= want ? 1 : (want + blocks - 1) / blocks;
  if (row_tasks > strips) row_tasks = strips;
  const size_t rows = (strips + row_tasks - 1) / row_tasks * WT_GEMM_MR;
  wt_sweep_job job = {M, N, K, lda, ldc, rows, (M + rows - 1) / rows, A, packed, C, accumulate};
  wt_parallel_for(blocks * job.row_tasks, width, wt_sweep_task, &job);
}

typedef struct {
  size_t K, ldb;
  int trans_b;
  size_t N;
  const float *B, *bias;
  float *packed;
} wt_pack_job;

/* Task t packs columns [t * WT_GEMM_NC_BLOCK, ...) of B: whole panels, so tasks write apart. */
static void wt_pack_task(void *ctx, size_t t, int thread) {
  (void)thread;
  const wt_pack_job *j = ctx;
  const size_t n0 = t * WT_GEMM_NC_BLOCK, n = j->N - n0 < WT_GEMM_NC_BLOCK ? j->N - n0 : WT_GEMM_NC_BLOCK;
  wt_f32_gemm_pack_b_x8(n, j->K, j->trans_b ? j->B + n0 * j->ldb : j->B + n0, j->ldb, j->trans_b,
                        j->bias != NULL ? j->bias + n0 : NULL, j->packed + n0 / WT_GEMM_NR * (WT_GEMM_NR + j->K * WT_GEMM_NR));
}

int64_t wt_gemm_chunk_cols(int64_t N, int64_t K) {
  const int64_t panel = wt_gemm_packed_floats_of(WT_GEMM_NR, K);
  int64_t cols = (WT_SCRATCH_CHUNK_FLOATS / panel) * WT_GEMM_NR;
  if (cols < WT_GEMM_NR) cols = WT_GEMM_NR;
  if (cols > N) cols = (N + WT_GEMM_NR - 1) / WT_GEMM_NR * WT_GEMM_NR;
  return cols;
}

void wt_gemm_compute(size_t M, size_t N, size_t K, const float *A, size_t lda, const float *B, size_t ldb,
                     int trans_b, float *C, size_t ldc, const float *bias, int accumulate, float *packed) {
  const size_t chunk_cols = (size_t)wt_gemm_chunk_cols((int64_t)N, (int64_t)K);
  for (size_t n0 = 0; n0 < N; n0 += chunk_cols) {
    const size_t nn = N - n0 < chunk_cols ? N - n0 : chunk_cols;
    wt_pack_job job = {K, ldb, trans_b, nn, trans_b ? B + n0 * ldb : B + n0, bias != NULL ? bias + n0 : NULL, packed};
    /* packing is a copy: its own work decides whether it is worth splitting */
    wt_parallel_for((nn + WT_GEMM_NC_BLOCK - 1) / WT_GEMM_NC_BLOCK, wt_parallel_width((double)nn * K), wt_pack_task,
                    &job);
    wt_gemm_sweep_packed(M, nn, K, A, lda, packed, C + n0, ldc, accumulate);
  }
}

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

  const int64_t bytes = wt_gemm_packed_floats_of(wt_gemm_chunk_cols(N, K), K) * (int64_t)sizeof(float);
  float *packed = wt_scratch_alloc(bytes);
  if (packed == NULL) return wt_error(WT_ENOMEM, "%s: cannot allocate %lld bytes for packed B", fn, (long long)bytes);
  wt_gemm_compute((size_t)M, (size_t)N, (size_t)K, A, (size_t)lda, B, (size_t)ldb, trans_b, C, (size_t)ldc, bias,
                  accumulate, packed);
  wt_scratch_free(packed);
  return WT_OK;
}

wt_status wt_gemm_f32(int32_t M, int32_t N, int32_t K, const float *A, int32_t lda,
                      const float *B, int32_t ldb, int32_t trans_b, float *C, int32_t ldc,
                      const float *bias, int32_t accumulate) {
  return wt_gemm_run("wt_gemm_f32", M, N, K, A, lda, B, ldb, trans_b, C, ldc, bias, accumulate);
}

wt_status wt_gemm_packed_size_f32(int32_t N, int32_t K, int32_t *floats) {
  static const char *fn = "wt_gemm_packed_size_f32";
  WT_CHECK_PTR(floats, fn, "floats");
  WT_CHECK_POS(N, fn, "N");
  WT_CHECK_POS(K, fn, "K");
  const int64_t n = wt_gemm_packed_floats_of(N, K);
  if (n > INT32_MAX) return wt_error(WT_EINVAL, "%s: N = %d, K = %d need %lld floats (over 2^31)", fn, N, K, (long long)n);
  *floats = (int32_t)n;
  return WT_OK;
}

wt_status wt_gemm_pack_b_f32(float *packed, int32_t packed_floats, const float *B, const float *bias,
                             int32_t N, int32_t K, int32_t trans_b) {
  static const char *fn = "wt_gemm_pack_b_f32";
  WT_CHECK_PTR(packed, fn, "packed");
  WT_CHECK_PTR(B, fn, "B");
  WT_CHECK_POS(N, fn, "N");
  WT_CHECK_POS(K, fn, "K");
  if (trans_b != 0 && trans_b != 1) return wt_error(WT_EINVAL, "%s: trans_b must be 0 or 1, got %d", fn, trans_b);
  const int64_t need = wt_gemm_packed_floats_of(N, K);
  if (packed_floats != need)
    return wt_error(WT_EINVAL, "%s: packed_floats must be %lld for N = %d, K = %d, got %d", fn, (long long)need, N, K,
                    packed_floats);
  wt_f32_gemm_pack_b_x8((size_t)N, (size_t)K, B, trans_b ? (size_t)K : (size_t)N, trans_b, bias, packed);
  return WT_OK;
}

wt_status wt_gemm_packed_f32(int32_t M, int32_t N, int32_t K, const float *A, int32_t lda,
                             const float *packed, float *C, int32_t ldc, int32_t accumulate) {
  static const char *fn = "wt_gemm_packed_f32";
  WT_CHECK_POS(M, fn, "M");
  WT_CHECK_POS(N, fn, "N");
  WT_CHECK_POS(K, fn, "K");
  WT_CHECK_PTR(A, fn, "A");
  WT_CHECK_PTR(packed, fn, "packed");
  WT_CHECK_PTR(C, fn, "C");
  if (accumulate != 0 && accumulate != 1)
    return wt_error(WT_EINVAL, "%s: accumulate must be 0 or 1, got %d", fn, accumulate);
  if (lda < K) return wt_error(WT_EINVAL, "%s: lda (%d) must be >= K (%d)", fn, lda, K);
  if (ldc < N) return wt_error(WT_EINVAL, "%s: ldc (%d) must be >= N (%d)", fn, ldc, N);
  wt_gemm_sweep_packed((size_t)M, (size_t)N, (size_t)K, A, (size_t)lda, packed, C, (size_t)ldc, accumulate);
  return WT_OK;
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
