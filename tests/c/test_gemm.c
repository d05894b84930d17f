/* GEMM: the 4x8 SIMD kernel against its scalar sibling for every mr/nc edge and random K,
 * the indirect (igemm) kernels against each other and against the packed kernel on the
 * same panel (bit for bit, every mr edge), the A packing,
 * wt_gemm_f32 / wt_matmul_f32 / the pre-packed path against a naive triple loop (M, N, K
 * = 1..17 and sizes spanning several cache blocks, strided leading dims, trans_b, bias,
 * accumulate), and the error statuses. */
#include "kernels/kernels.h"
#include "test_util.h"

static void ref_gemm(int M, int N, int K, const float *A, int lda, const float *B, int ldb, int tb, float *C, int ldc,
                     const float *bias, int acc) {
  for (int i = 0; i < M; i++)
    for (int j = 0; j < N; j++) {
      double s = bias ? bias[j] : 0.0;
      for (int k = 0; k < K; k++) s += (double)A[i * lda + k] * (tb ? B[j * ldb + k] : B[k * ldb + j]);
      C[i * ldc + j] = (float)(acc ? C[i * ldc + j] + s : s);
    }
}

static void test_kernel(void) {
  for (size_t mr = 1; mr <= WT_GEMM_MR; mr++)
    for (size_t nc = 1; nc <= 8; nc++)
      for (int it = 0; it < 6; it++) {
        size_t kc = (size_t)rng_int(1, 19), as = kc + (size_t)rng_int(0, 3), cs = nc + (size_t)rng_int(0, 3);
        float *a = rand_buf(mr * as, -1, 1), *w = rand_buf(8 + kc * 8, -1, 1);
        float *c1 = rand_buf(mr * cs, -1, 1), *c2 = malloc(mr * cs * 4);
        memcpy(c2, c1, mr * cs * 4);
        int acc = it & 1;
        /* a is exactly mr*as floats and c exactly mr*cs: ASan catches any over-read/write */
        wt_f32_gemm_ukernel_4x8__wasmsimd(mr, nc, kc, a, as, w, c1, cs, acc);
        wt_f32_gemm_ukernel_4x8__scalar(mr, nc, kc, a, as, w, c2, cs, acc);
        expect_close("gemm 4x8 kernel", c1, c2, mr * cs, 1e-5f, 1e-6f);
        free(a), free(w), free(c1), free(c2);
      }
}

/* The igemm kernels read B rows in place at x + off[k] (random, overlapping, unaligned
 * offsets into x, as a conv's taps are): SIMD and scalar agree bit for bit, and both equal
 * the packed kernel on the panel those rows make (zero bias row, accumulate), which is what
 * lets conv mix the two kernels panel by panel. Only rows < mr and columns < 8 of c change. */
static void test_igemm_kernel(void) {
  for (size_t mr = 1; mr <= WT_GEMM_MR; mr++)
    for (int it = 0; it < 12; it++) {
      const size_t kc = (size_t)rng_int(1, 40), as = kc + (size_t)rng_int(0, 3), cs = 8 + (size_t)rng_int(0, 3);
      const size_t xn = (size_t)rng_int(8, 60);
      float *a = rand_buf(mr * as, -1, 1), *x = rand_buf(xn, -1, 1);
      float *ap = malloc(kc * WT_GEMM_MR * 4), *w = malloc((8 + kc * 8) * 4);
      size_t *off = malloc(kc * sizeof(size_t));
      for (size_t k = 0; k < kc; k++) off[k] = (size_t)rng_int(0, (int)xn - 8);
      /* exactly one strip, x exactly xn floats and c exactly mr*cs: ASan catches any overrun */
      wt_f32_igemm_pack_a_x4(mr, kc, a, as, ap);
      for (size_t j = 0; j < 8; j++) w[j] = 0.0f;
      for (size_t k = 0; k < kc; k++) memcpy(w + 8 + k * 8, x + off[k], 8 * 4);
      float *c0 = rand_buf(mr * cs, -1, 1), *c1 = malloc(mr * cs * 4), *c2 = malloc(mr * cs * 4);
      float *c3 = malloc(mr * cs * 4);
      memcpy(c1, c0, mr * cs * 4), memcpy(c2, c0, mr * cs * 4), memcpy(c3, c0, mr * cs * 4);
      wt_f32_igemm_ukernel_4x8__wasmsimd(mr, kc, ap, x, off, c1, cs);
      wt_f32_igemm_ukernel_4x8__scalar(mr, kc, ap, x, off, c2, cs);
      wt_f32_gemm_ukernel_4x8__wasmsimd(mr, 8, kc, a, as, w, c3, cs, 1);
      CHECK(memcmp(c1, c2, mr * cs * 4) == 0);
      CHECK(memcmp(c1, c3, mr * cs * 4) == 0);
      for (size_t i = 0; i < mr; i++)
        for (size_t j = 8; j < cs; j++) CHECK(c1[i * cs + j] == c0[i * cs + j]);
      free(a), free(x), free(ap), free(w), free(off), free(c0), free(c1), free(c2), free(c3);
    }
  /* packing: strips of 4 rows interleaved by k, rows beyond M repeating row M - 1 */
  for (int it = 0; it < 20; it++) {
    const size_t M = (size_t)rng_int(1, 13), K = (size_t)rng_int(1, 9), lda = K + (size_t)rng_int(0, 2);
    const size_t strips = (M + WT_GEMM_MR - 1) / WT_GEMM_MR;
    float *A = rand_buf(M * lda, -1, 1), *P = malloc(strips * K * WT_GEMM_MR * 4);
    wt_f32_igemm_pack_a_x4(M, K, A, lda, P);
    for (size_t s = 0; s < strips; s++)
      for (size_t k = 0; k < K; k++)
        for (size_t i = 0; i < WT_GEMM_MR; i++) {
          const size_t row = s * WT_GEMM_MR + i;
          CHECK(P[(s * K + k) * WT_GEMM_MR + i] == A[(row < M ? row : M - 1) * lda + k]);
        }
    free(A), free(P);
  }
}

static void test_op(void) {
  for (int it = 0; it < 300; it++) {
    int M = rng_int(1, 17), N = rng_int(1, 17), K = rng_int(1, 17), tb = rng_int(0, 1), acc = rng_int(0, 1);
    if (it % 50 == 0) M = rng_int(30, 70), N = rng_int(30, 70), K = rng_int(100, 300);
    int lda = K + rng_int(0, 2), ldb = (tb ? K : N) + rng_int(0, 2), ldc = N + rng_int(0, 2);
    float *A = rand_buf((size_t)M * lda, -1, 1), *B = rand_buf((size_t)(tb ? N : K) * ldb, -1, 1);
    float *bias = rng_int(0, 1) ? rand_buf(N, -1, 1) : NULL;
    float *C1 = rand_buf((size_t)M * ldc, -1, 1), *C2 = malloc((size_t)M * ldc * 4);
    memcpy(C2, C1, (size_t)M * ldc * 4);
    CHECK_OK(wt_gemm_f32(M, N, K, A, lda, B, ldb, tb, C1, ldc, bias, acc));
    ref_gemm(M, N, K, A, lda, B, ldb, tb, C2, ldc, bias, acc);
    expect_close("wt_gemm_f32", C1, C2, (size_t)M * ldc, 1e-5f, 1e-5f);
    free(A), free(B), free(bias), free(C1), free(C2);
  }
  for (int it = 0; it < 30; it++) {
    int b = rng_int(1, 4), M = rng_int(1, 13), K = rng_int(1, 13), N = rng_int(1, 13);
    float *a = rand_buf((size_t)b * M * K, -1, 1), *bb = rand_buf((size_t)b * K * N, -1, 1);
    float *o1 = malloc((size_t)b * M * N * 4), *o2 = malloc((size_t)b * M * N * 4);
    CHECK_OK(wt_matmul_f32(o1, a, bb, b, M, K, N));
    for (int i = 0; i < b; i++)
      ref_gemm(M, N, K, a + i * M * K, K, bb + i * K * N, N, 0, o2 + i * M * N, N, NULL, 0);
    expect_close("wt_matmul_f32", o1, o2, (size_t)b * M * N, 1e-5f, 1e-6f);
    free(a), free(bb), free(o1), free(o2);
  }
}

/* Pack once, multiply several A against the same packed B: N up to 150 spans more than
 * two 64-column cache blocks plus a partial panel. */
static void test_packed(void) {
  for (int it = 0; it < 60; it++) {
    int N = rng_int(1, 150), K = rng_int(1, 40), tb = rng_int(0, 1), floats = -1;
    float *B = rand_buf((size_t)N * K, -1, 1), *bias = rng_int(0, 1) ? rand_buf(N, -1, 1) : NULL;
    CHECK_OK(wt_gemm_packed_size_f32(N, K, &floats));
    CHECK(floats >= N * (K + 1));
    /* exactly `floats` long: ASan catches a pack or sweep outside the documented size */
    float *packed = malloc((size_t)floats * 4);
    CHECK_OK(wt_gemm_pack_b_f32(packed, floats, B, bias, N, K, tb));
    for (int rep = 0; rep < 3; rep++) {
      int M = rng_int(1, 23), lda = K + rng_int(0, 2), ldc = N + rng_int(0, 2), acc = rng_int(0, 1);
      float *A = rand_buf((size_t)M * lda, -1, 1);
      float *C1 = rand_buf((size_t)M * ldc, -1, 1), *C2 = malloc((size_t)M * ldc * 4);
      memcpy(C2, C1, (size_t)M * ldc * 4);
      CHECK_OK(wt_gemm_packed_f32(M, N, K, A, lda, packed, C1, ldc, acc));
      ref_gemm(M, N, K, A, lda, B, tb ? K : N, tb, C2, ldc, bias, acc);
      expect_close("wt_gemm_packed_f32", C1, C2, (size_t)M * ldc, 1e-5f, 1e-5f);
      free(A), free(C1), free(C2);
    }
    free(B), free(bias), free(packed);
  }
}

static void test_errors(void) {
  float A[16] = {0}, B[16] = {0}, C[16];
  CHECK_ERR(wt_gemm_f32(0, 2, 2, A, 2, B, 2, 0, C, 2, NULL, 0), WT_EINVAL);
  CHECK_ERR(wt_gemm_f32(2, -1, 2, A, 2, B, 2, 0, C, 2, NULL, 0), WT_EINVAL);
  CHECK_ERR(wt_gemm_f32(2, 2, 0, A, 2, B, 2, 0, C, 2, NULL, 0), WT_EINVAL);
  CHECK_ERR(wt_gemm_f32(2, 2, 2, NULL, 2, B, 2, 0, C, 2, NULL, 0), WT_EINVAL);
  CHECK_ERR(wt_gemm_f32(2, 2, 2, A, 2, NULL, 2, 0, C, 2, NULL, 0), WT_EINVAL);
  CHECK_ERR(wt_gemm_f32(2, 2, 2, A, 2, B, 2, 0, NULL, 2, NULL, 0), WT_EINVAL);
  CHECK_ERR(wt_gemm_f32(2, 2, 3, A, 2, B, 2, 0, C, 2, NULL, 0), WT_EINVAL); /* lda < K */
  CHECK_ERR(wt_gemm_f32(2, 3, 2, A, 2, B, 2, 0, C, 3, NULL, 0), WT_EINVAL); /* ldb < N */
  CHECK_ERR(wt_gemm_f32(2, 2, 3, A, 3, B, 2, 1, C, 2, NULL, 0), WT_EINVAL); /* ldb < K */
  CHECK_ERR(wt_gemm_f32(2, 3, 2, A, 2, B, 3, 0, C, 2, NULL, 0), WT_EINVAL); /* ldc < N */
  CHECK_ERR(wt_gemm_f32(2, 2, 2, A, 2, B, 2, 2, C, 2, NULL, 0), WT_EINVAL);
  CHECK_ERR(wt_gemm_f32(2, 2, 2, A, 2, B, 2, 0, C, 2, NULL, 5), WT_EINVAL);
  CHECK_ERR(wt_matmul_f32(C, A, B, 0, 2, 2, 2), WT_EINVAL);
  CHECK_ERR(wt_matmul_f32(NULL, A, B, 1, 2, 2, 2), WT_EINVAL);
  CHECK_ERR(wt_matmul_f32(C, A, B, 1 << 30, 1 << 30, 4, 4), WT_EINVAL);
  int32_t n = 0;
  CHECK_ERR(wt_gemm_packed_size_f32(2, 2, NULL), WT_EINVAL);
  CHECK_ERR(wt_gemm_packed_size_f32(0, 2, &n), WT_EINVAL);
  CHECK_ERR(wt_gemm_packed_size_f32(2, -1, &n), WT_EINVAL);
  CHECK_ERR(wt_gemm_packed_size_f32(1 << 20, 1 << 20, &n), WT_EINVAL); /* over 2^31 floats */
  CHECK_OK(wt_gemm_packed_size_f32(2, 1, &n));
  CHECK(n == 16); /* one panel: 8 bias + 8 weights */
  float P[16];
  CHECK_ERR(wt_gemm_pack_b_f32(NULL, 16, B, NULL, 2, 1, 0), WT_EINVAL);
  CHECK_ERR(wt_gemm_pack_b_f32(P, 16, NULL, NULL, 2, 1, 0), WT_EINVAL);
  CHECK_ERR(wt_gemm_pack_b_f32(P, 16, B, NULL, 0, 1, 0), WT_EINVAL);
  CHECK_ERR(wt_gemm_pack_b_f32(P, 16, B, NULL, 2, 1, 3), WT_EINVAL);
  CHECK_ERR(wt_gemm_pack_b_f32(P, 15, B, NULL, 2, 1, 0), WT_EINVAL); /* wrong size */
  CHECK_OK(wt_gemm_pack_b_f32(P, 16, B, NULL, 2, 1, 0));
  CHECK_ERR(wt_gemm_packed_f32(0, 2, 1, A, 1, P, C, 2, 0), WT_EINVAL);
  CHECK_ERR(wt_gemm_packed_f32(2, 2, 1, NULL, 1, P, C, 2, 0), WT_EINVAL);
  CHECK_ERR(wt_gemm_packed_f32(2, 2, 1, A, 1, NULL, C, 2, 0), WT_EINVAL);
  CHECK_ERR(wt_gemm_packed_f32(2, 2, 1, A, 1, P, NULL, 2, 0), WT_EINVAL);
  CHECK_ERR(wt_gemm_packed_f32(2, 2, 2, A, 1, P, C, 2, 0), WT_EINVAL); /* lda < K */
  CHECK_ERR(wt_gemm_packed_f32(2, 2, 1, A, 1, P, C, 1, 0), WT_EINVAL); /* ldc < N */
  CHECK_ERR(wt_gemm_packed_f32(2, 2, 1, A, 1, P, C, 2, 2), WT_EINVAL);
}

int main(void) {
  test_kernel();
  test_igemm_kernel();
  test_op();
  test_packed();
  test_errors();
  return test_exit("test_gemm");
}
