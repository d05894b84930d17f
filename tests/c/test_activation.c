/* Activations of wt_unary_f32 (ops 8..24): every SIMD kernel against its scalar (libm)
 * sibling over wide ranges, random bit patterns and special values, with the golden
 * tolerance of PyTorch comparisons (these are compositions of exp/log1p/tanh/erf, whose
 * cancellations make ulp counts meaningless near zero crossings); exact agreement on
 * NaN, infinities and zero results; exact tails and in-place calls through wt_unary_f32. */
#include <float.h>

#include "kernels/kernels.h"
#include "kernels/f32-vunary/wasmsimd-math.h"
#include "test_util.h"

typedef struct {
  const char *name;
  int op;
  wt_f32_vunary_ukernel_fn simd, scalar;
  wt_f32_vunaryp_ukernel_fn psimd, pscalar;
  float p0, p1;
} act_case;

#define PLAIN(name, op) {#name, op, wt_f32_v##name##_ukernel__wasmsimd, wt_f32_v##name##_ukernel__scalar, NULL, NULL, 0, 0}
#define PARAM(label, name, op, a, b) \
  {label, op, NULL, NULL, wt_f32_v##name##_ukernel__wasmsimd, wt_f32_v##name##_ukernel__scalar, a, b}

static const act_case cases[] = {
    PLAIN(selu, WT_SELU),
    PLAIN(silu, WT_SILU),
    PLAIN(mish, WT_MISH),
    PLAIN(softsign, WT_SOFTSIGN),
    PLAIN(hardsigmoid, WT_HARDSIGMOID),
    PLAIN(hardswish, WT_HARDSWISH),
    PLAIN(gelu, WT_GELU),
    PLAIN(gelu_tanh, WT_GELU_TANH),
    PLAIN(logsigmoid, WT_LOGSIGMOID),
    PLAIN(tanhshrink, WT_TANHSHRINK),
    PARAM("leaky_relu(0.01)", leaky_relu, WT_LEAKY_RELU, 0.01f, 0),
    PARAM("leaky_relu(-2)", leaky_relu, WT_LEAKY_RELU, -2.0f, 0),
    PARAM("elu(1)", elu, WT_ELU, 1.0f, 1.0f),
    PARAM("celu(0.5)", elu, WT_ELU, 0.5f, 2.0f),
    PARAM("celu(-3)", elu, WT_ELU, -3.0f, -1.0f / 3.0f),
    PARAM("softplus(1,20)", softplus, WT_SOFTPLUS, 1.0f, 20.0f),
    PARAM("softplus(2.5,3)", softplus, WT_SOFTPLUS, 2.5f, 3.0f),
    PARAM("softplus(1,1000)", softplus, WT_SOFTPLUS, 1.0f, 1000.0f), /* exp overflow: +inf like PyTorch */
    PARAM("hardtanh(-1,1)", hardtanh, WT_HARDTANH, -1.0f, 1.0f),
    PARAM("hardtanh(-2,7)", hardtanh, WT_HARDTANH, -2.0f, 7.0f),
    PARAM("threshold(0.5,-4)", threshold, WT_THRESHOLD, 0.5f, -4.0f),
    PARAM("hardshrink(0.5)", hardshrink, WT_HARDSHRINK, 0.5f, 0),
    PARAM("softshrink(0.75)", softshrink, WT_SOFTSHRINK, 0.75f, 0),
};
#define NCASES (sizeof cases / sizeof cases[0])

static void run(const act_case *c, int simd, size_t n, const float *x, float *y) {
  if (c->simd) (simd ? c->simd : c->scalar)(n, x, y);
  else (simd ? c->psimd : c->pscalar)(n, x, y, c->p0, c->p1);
}

/* SIMD vs scalar over xs with the golden tolerance; specials must agree exactly */
static void compare(const act_case *c, const float *xs, size_t n, const char *what) {
  float *a = malloc(n * sizeof(float)), *b = malloc(n * sizeof(float));
  run(c, 1, n, xs, a);
  run(c, 0, n, xs, b);
  for (size_t i = 0; i < n; i++) {
    int special = isnan(b[i]) || isinf(b[i]) || isnan(a[i]) || isinf(a[i]);
    if (special && !(isnan(a[i]) && isnan(b[i])) && a[i] != b[i]) {
      fprintf(stderr, "%s %s(%.9g): simd %.9g scalar %.9g\n", c->name, what, (double)xs[i], (double)a[i], (double)b[i]);
      wt_test_failures++;
    }
  }
  char label[96];
  snprintf(label, sizeof label, "%s %s", c->name, what);
  expect_close(label, a, b, n, 1e-5f, 1e-6f);
  free(a);
  free(b);
}

static void test_ranges(void) {
  const float specials[] = {0.0f, -0.0f, INFINITY, -INFINITY, NAN, 1e-40f, -1e-40f, FLT_MIN, -FLT_MIN, FLT_MAX,
                            -FLT_MAX, 1.0f, -1.0f, 0.5f, -0.5f, 0.75f, -0.75f, 3.0f, -3.0f, 6.0f, -6.0f, 20.0f,
                            -20.0f, 20.5f, -20.5f, 88.72f, 89.0f, -88.0f, -104.0f, -110.0f, 1e30f, -1e30f, 1e-7f,
                            -1e-7f, 3.92f, -3.92f, 4.0f, -4.0f, 5.657f, -5.657f, 8.0f, -8.0f};
  const size_t ns = sizeof specials / sizeof specials[0];
  const size_t N = 1 << 17;
  float *xs = malloc(N * sizeof(float));
  for (size_t k = 0; k < NCASES; k++) {
    compare(&cases[k], specials, ns, "specials");
    /* dense sweep of the interesting range, then random finite bit patterns (huge and tiny |x|) */
    for (size_t i = 0; i < N; i++) xs[i] = -30.0f + 60.0f * (float)i / (float)N;
    compare(&cases[k], xs, N, "[-30, 30]");
    for (size_t i = 0; i < N; i++) {
      uint32_t bits = rng_u32() ^ (rng_u32() << 16);
      memcpy(&xs[i], &bits, 4);
      if (isnan(xs[i])) xs[i] = 1.0f;
    }
    compare(&cases[k], xs, N, "random bits");
  }
  free(xs);
}

/* sizes 0..37 out of place (nothing written past n) and in place through wt_unary_f32 */
static void test_tails(void) {
  for (size_t k = 0; k < NCASES; k++) {
    const act_case *c = &cases[k];
    for (size_t n = 0; n <= 37; n++) {
      float *x = rand_buf(n, -8, 8), *a = malloc((n + 1) * sizeof(float)), *b = malloc((n + 1) * sizeof(float));
      a[n] = b[n] = 123.0f;
      run(c, 1, n, x, a);
      run(c, 0, n, x, b);
      expect_close(c->name, a, b, n, 1e-5f, 1e-6f);
      CHECK(a[n] == 123.0f);
      CHECK_OK(wt_unary_f32(c->op, x, x, (int32_t)n, c->p0, c->p1));
      expect_close(c->name, x, a, n, 0, 0);
      free(x), free(a), free(b);
    }
  }
}

/* the new vector helpers against libm in ulp (they are what keeps the compositions accurate) */
static int64_t ulp_between(float a, float b) {
  int32_t ia, ib;
  memcpy(&ia, &a, 4);
  memcpy(&ib, &b, 4);
  int64_t oa = ia < 0 ? (int64_t)INT32_MIN - ia : ia, ob = ib < 0 ? (int64_t)INT32_MIN - ib : ib;
  return oa > ob ? oa - ob : ob - oa;
}

static void test_math_helpers(void) {
  const struct { const char *name; v128_t (*v)(v128_t); float (*s)(float); float lo, hi; } h[] = {
      {"erf", wt_f32x4_erf, erff, -6.0f, 6.0f},
      {"expm1", wt_f32x4_expm1, expm1f, -30.0f, 90.0f},
      {"log1p", wt_f32x4_log1p, log1pf, -1.0f, 1e6f},
  };
  const float specials[8] = {0.0f, -0.0f, INFINITY, NAN, 1e-30f, -1e-30f, 1e-8f, FLT_MAX};
  for (size_t k = 0; k < sizeof h / sizeof h[0]; k++) {
    int64_t worst = 0;
    for (int i = 0; i < (1 << 18) + 8; i += 4) {
      float in[4], out[4];
      for (int j = 0; j < 4; j++) {
        const int idx = i + j;
        in[j] = idx < 8 ? specials[idx] : rng_u32() % 2 ? rng_f(h[k].lo, h[k].hi) : rng_f(-1e-3f, 1e-3f);
        if (h[k].s == log1pf && in[j] < -1.0f) in[j] = -in[j];
      }
      wasm_v128_store(out, h[k].v(wasm_v128_load(in)));
      for (int j = 0; j < 4; j++) {
        const float want = h[k].s(in[j]);
        if (isnan(want) || isinf(want) || want == 0.0f) {
          if (!(isnan(want) && isnan(out[j])) && memcmp(&want, &out[j], 4) != 0)
            fprintf(stderr, "%s(%g) = %g, libm %g\n", h[k].name, (double)in[j], (double)out[j], (double)want), wt_test_failures++;
          continue;
        }
        const int64_t d = ulp_between(out[j], want);
        if (d > worst) worst = d;
      }
    }
    printf("%-6s max %lld ulp vs libm\n", h[k].name, (long long)worst);
    if (worst > 4) fprintf(stderr, "%s: %lld ulp\n", h[k].name, (long long)worst), wt_test_failures++;
  }
}

/* a few values against closed forms, so a shared mistake in both siblings shows */
static void test_known_values(void) {
  float x[6] = {-2.0f, -0.5f, 0.0f, 0.5f, 1.0f, 4.0f}, y[6];
  CHECK_OK(wt_unary_f32(WT_GELU, y, x, 6, 0, 0));
  for (int i = 0; i < 6; i++) CHECK(fabs(y[i] - 0.5 * x[i] * (1 + erf(x[i] / sqrt(2.0)))) < 1e-6);
  CHECK_OK(wt_unary_f32(WT_SELU, y, x, 6, 0, 0));
  for (int i = 0; i < 6; i++) {
    double want = 1.0507009873554805 * (x[i] > 0 ? x[i] : 1.6732632423543772 * expm1(x[i]));
    CHECK(fabs(y[i] - want) < 1e-6);
  }
  CHECK_OK(wt_unary_f32(WT_HARDTANH, y, x, 6, -1.0f, 0.75f));
  CHECK(y[0] == -1.0f && y[1] == -0.5f && y[4] == 0.75f && y[5] == 0.75f);
  CHECK_OK(wt_unary_f32(WT_THRESHOLD, y, x, 6, 0.5f, 9.0f));
  CHECK(y[0] == 9.0f && y[3] == 9.0f && y[4] == 1.0f);
}

int main(void) {
  test_math_helpers();
  test_ranges();
  test_tails();
  test_known_values();
  return test_exit("test_activation");
}
