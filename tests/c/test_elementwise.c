/* Elementwise: every SIMD unary/binary kernel against its scalar sibling (random sizes
 * with odd tails, special values, whole-range sweeps in ulp), wt_binary_f32 broadcasting
 * against a naive reference, and the error statuses. */
#include <float.h>

#include "kernels/kernels.h"
#include "test_util.h"

typedef void (*ufn)(size_t, const float *, float *);
static const struct { const char *name; ufn simd, scalar; int op; } unary[] = {
    {"relu", wt_f32_vrelu_ukernel__wasmsimd, wt_f32_vrelu_ukernel__scalar, WT_RELU},
    {"sigmoid", wt_f32_vsigmoid_ukernel__wasmsimd, wt_f32_vsigmoid_ukernel__scalar, WT_SIGMOID},
    {"tanh", wt_f32_vtanh_ukernel__wasmsimd, wt_f32_vtanh_ukernel__scalar, WT_TANH},
    {"exp", wt_f32_vexp_ukernel__wasmsimd, wt_f32_vexp_ukernel__scalar, WT_EXP},
    {"log", wt_f32_vlog_ukernel__wasmsimd, wt_f32_vlog_ukernel__scalar, WT_LOG},
    {"neg", wt_f32_vneg_ukernel__wasmsimd, wt_f32_vneg_ukernel__scalar, WT_NEG},
    {"abs", wt_f32_vabs_ukernel__wasmsimd, wt_f32_vabs_ukernel__scalar, WT_ABS},
    {"sqrt", wt_f32_vsqrt_ukernel__wasmsimd, wt_f32_vsqrt_ukernel__scalar, WT_SQRT},
};
#define NUNARY (sizeof unary / sizeof unary[0])

/* distance in representable floats (both finite, same sign handling via ordered ints) */
static int64_t ulp_diff(float a, float b) {
  int32_t ia, ib;
  memcpy(&ia, &a, 4);
  memcpy(&ib, &b, 4);
  int64_t oa = ia < 0 ? (int64_t)INT32_MIN - ia : ia;
  int64_t ob = ib < 0 ? (int64_t)INT32_MIN - ib : ib;
  return oa > ob ? oa - ob : ob - oa;
}

/* max ulp error of simd vs scalar over xs; exact agreement required on NaN/inf/zero sign */
static int64_t max_ulp(size_t u, const float *xs, size_t n, int check_specials) {
  float *a = malloc(n * sizeof(float)), *b = malloc(n * sizeof(float));
  unary[u].simd(n, xs, a);
  unary[u].scalar(n, xs, b);
  int64_t worst = 0;
  for (size_t i = 0; i < n; i++) {
    if (isnan(b[i]) || isnan(a[i])) {
      if (isnan(a[i]) != isnan(b[i])) fprintf(stderr, "%s(%g): simd %g scalar %g\n", unary[u].name, (double)xs[i], (double)a[i], (double)b[i]), wt_test_failures++;
      continue;
    }
    if (check_specials && (isinf(b[i]) || b[i] == 0.0f) && memcmp(&a[i], &b[i], 4) != 0) {
      fprintf(stderr, "%s(%g): simd %g scalar %g\n", unary[u].name, (double)xs[i], (double)a[i], (double)b[i]);
      wt_test_failures++;
    }
    /* subnormal results: judge absolutely (a few subnormal steps) */
    int64_t d = ulp_diff(a[i], b[i]);
    if (d > worst) worst = d;
  }
  free(a);
  free(b);
  return worst;
}

static void test_unary_kernels(void) {
  const float specials[] = {0.0f, -0.0f, INFINITY, -INFINITY, NAN, -NAN, 1e-40f, -1e-40f, FLT_MIN, -FLT_MIN,
                            FLT_MAX, -FLT_MAX, 1.0f, -1.0f, 0.5f, 88.72f, 88.73f, 89.0f, 100.0f, -87.0f,
                            -103.0f, -103.9f, -104.0f, -110.0f, 1e30f, -1e30f, 9.0f, -9.0f, 10.0f, 1e-7f,
                            -1e-7f, 1.41421356f, 0.70710678f, 2.0f};
  const size_t ns = sizeof specials / sizeof specials[0];
  for (size_t u = 0; u < NUNARY; u++) {
    int64_t w = max_ulp(u, specials, ns, 1);
    if (w > 4) fprintf(stderr, "unary %s: specials max ulp %lld\n", unary[u].name, (long long)w), wt_test_failures++;
  }
  /* whole-range sweeps: finite floats from random bit patterns + dense useful ranges */
  const size_t N = 1 << 18;
  float *xs = malloc(N * sizeof(float));
  for (size_t u = 0; u < NUNARY; u++) {
    for (size_t i = 0; i < N; i++) {
      if (i % 2) {
        uint32_t bits = rng_u32() ^ (rng_u32() << 16);
        memcpy(&xs[i], &bits, 4);
      } else {
        xs[i] = rng_f(-110.0f, 110.0f);
      }
    }
    int64_t w = max_ulp(u, xs, N, 0);
    printf("unary %-8s max %lld ulp vs libm\n", unary[u].name, (long long)w);
    if (w > 4) fprintf(stderr, "unary %s: %lld ulp\n", unary[u].name, (long long)w), wt_test_failures++;
  }
  /* sizes 0..37, in place and out of place: tails handled exactly (ASan sees over-reads) */
  for (size_t u = 0; u < NUNARY; u++) {
    for (size_t n = 0; n <= 37; n++) {
      float *x = rand_buf(n, -5, 5), *a = malloc((n + 1) * sizeof(float)), *b = malloc((n + 1) * sizeof(float));
      a[n] = b[n] = 123.0f;
      unary[u].simd(n, x, a);
      unary[u].scalar(n, x, b);
      expect_close(unary[u].name, a, b, n, 1e-6f, 1e-7f);
      CHECK(a[n] == 123.0f);
      CHECK_OK(wt_unary_f32(unary[u].op, x, x, (int32_t)n, 0, 0)); /* in place */
      expect_close(unary[u].name, x, b, n, 1e-6f, 1e-7f);
      free(x), free(a), free(b);
    }
  }
  free(xs);
}

static void test_binary_kernels(void) {
  for (int op = WT_ADD; op <= WT_POW; op++) {
    for (size_t n = 0; n <= 37; n++) {
      float *a = rand_buf(n, -3, 3), *b = rand_buf(n, 0.5f, 3), *y1 = malloc(n * 4 + 4), *y2 = malloc(n * 4 + 4);
      if (n > 3) a[1] = NAN, b[2] = NAN, a[3] = -0.0f, b[3] = 0.0f;
      wt_f32_vbinary_ukernel__wasmsimd(op, n, a, b, y1);
      wt_f32_vbinary_ukernel__scalar(op, n, a, b, y2);
      expect_close("vbinary", y1, y2, n, 0, 0);
      for (size_t i = 0; i < n; i++) CHECK(signbit(y1[i]) == signbit(y2[i]) || isnan(y1[i]));
      wt_f32_vbinaryc_ukernel__wasmsimd(op, n, a, 1.5f, y1);
      wt_f32_vbinaryc_ukernel__scalar(op, n, a, 1.5f, y2);
      expect_close("vbinaryc", y1, y2, n, 0, 0);
      wt_f32_vrbinaryc_ukernel__wasmsimd(op, n, 1.5f, b, y1);
      wt_f32_vrbinaryc_ukernel__scalar(op, n, 1.5f, b, y2);
      expect_close("vrbinaryc", y1, y2, n, 0, 0);
      free(a), free(b), free(y1), free(y2);
    }
  }
}

/* naive reference over the same strided description */
static void ref_binary(int op, float *out, const float *a, const float *b, int nd, const int32_t *shape,
                       const int32_t *sa, const int32_t *sb) {
  int64_t total = 1;
  for (int k = 0; k < nd; k++) total *= shape[k];
  for (int64_t i = 0; i < total; i++) {
    int64_t rem = i, oa = 0, ob = 0;
    for (int k = nd - 1; k >= 0; k--) {
      int64_t c = rem % shape[k];
      rem /= shape[k];
      oa += c * sa[k], ob += c * sb[k];
    }
    out[i] = wt_f32_binary_scalar(op, a[oa], b[ob]);
  }
}

static void test_binary_op(void) {
  for (int iter = 0; iter < 400; iter++) {
    int nd = rng_int(0, 5), op = rng_int(0, 6);
    int32_t shape[8], sa[8], sb[8];
    int64_t ca = 1, cb = 1;
    for (int k = nd - 1; k >= 0; k--) {
      shape[k] = rng_int(1, 7);
      int bca = rng_int(0, 3) == 0, bcb = rng_int(0, 3) == 0;
      sa[k] = bca ? 0 : (int32_t)ca;
      sb[k] = bcb ? 0 : (int32_t)cb;
      if (!bca) ca *= shape[k];
      if (!bcb) cb *= shape[k];
    }
    /* sometimes a transposed view for a: swap the strides of two dims */
    if (nd >= 2 && rng_int(0, 3) == 0) {
      int32_t t = sa[0]; sa[0] = sa[nd - 1]; sa[nd - 1] = t;
      int32_t s = shape[0]; shape[0] = shape[nd - 1]; shape[nd - 1] = s;
      /* keep b consistent with the new shape: broadcast it entirely */
      for (int k = 0; k < nd; k++) sb[k] = 0;
    }
    int64_t total = 1;
    for (int k = 0; k < nd; k++) total *= shape[k];
    float *a = rand_buf((size_t)(ca > total ? ca : total), -2, 2), *b = rand_buf((size_t)cb, 0.5f, 2);
    float *o1 = malloc(total * 4), *o2 = malloc(total * 4);
    CHECK_OK(wt_binary_f32(op, o1, a, b, nd, shape, sa, sb));
    ref_binary(op, o2, a, b, nd, shape, sa, sb);
    expect_close("wt_binary_f32", o1, o2, (size_t)total, 1e-6f, 0);
    free(a), free(b), free(o1), free(o2);
  }
}

static void test_errors(void) {
  float x[4] = {0}, y[4];
  int32_t shape[2] = {2, 2}, st[2] = {2, 1}, bad[2] = {0, 1}, neg[2] = {-1, 1};
  CHECK_ERR(wt_binary_f32(7, y, x, x, 2, shape, st, st), WT_EINVAL);
  CHECK_ERR(wt_binary_f32(-1, y, x, x, 2, shape, st, st), WT_EINVAL);
  CHECK_ERR(wt_binary_f32(WT_ADD, NULL, x, x, 2, shape, st, st), WT_EINVAL);
  CHECK_ERR(wt_binary_f32(WT_ADD, y, NULL, x, 2, shape, st, st), WT_EINVAL);
  CHECK_ERR(wt_binary_f32(WT_ADD, y, x, NULL, 2, shape, st, st), WT_EINVAL);
  CHECK_ERR(wt_binary_f32(WT_ADD, y, x, x, 9, shape, st, st), WT_EINVAL);
  CHECK_ERR(wt_binary_f32(WT_ADD, y, x, x, -1, shape, st, st), WT_EINVAL);
  CHECK_ERR(wt_binary_f32(WT_ADD, y, x, x, 2, NULL, st, st), WT_EINVAL);
  CHECK_ERR(wt_binary_f32(WT_ADD, y, x, x, 2, bad, st, st), WT_EINVAL);
  CHECK_ERR(wt_binary_f32(WT_ADD, y, x, x, 2, shape, neg, st), WT_EINVAL);
  CHECK_ERR(wt_binary_f32(WT_ADD, y, x, x, 2, shape, st, neg), WT_EINVAL);
  int32_t huge[8] = {1 << 30, 1 << 30, 1 << 30, 1 << 30, 1, 1, 1, 1}, z8[8] = {0};
  CHECK_ERR(wt_binary_f32(WT_ADD, y, x, x, 8, huge, z8, z8), WT_EINVAL);
  CHECK_OK(wt_binary_f32(WT_MUL, y, x, x, 0, NULL, NULL, NULL));
  CHECK_ERR(wt_unary_f32(WT_TANHSHRINK + 1, y, x, 4, 0, 0), WT_EINVAL);
  CHECK_ERR(wt_unary_f32(WT_EXP, y, x, -1, 0, 0), WT_EINVAL);
  CHECK_ERR(wt_unary_f32(WT_EXP, NULL, x, 4, 0, 0), WT_EINVAL);
  CHECK_ERR(wt_unary_f32(WT_EXP, y, NULL, 4, 0, 0), WT_EINVAL);
  CHECK_OK(wt_unary_f32(WT_EXP, NULL, NULL, 0, 0, 0));
}

int main(void) {
  test_unary_kernels();
  test_binary_kernels();
  test_binary_op();
  test_errors();
  return test_exit("test_elementwise");
}
