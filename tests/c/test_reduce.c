/* Reductions: row kernels (SIMD vs scalar), the op against a naive reference for every
 * op with inner == 1 and > 1, first-index and NaN rules, long sums, errors. */
#include "kernels/kernels.h"
#include "test_util.h"

static void ref_reduce(int op, float *y, int64_t *ix, const float *x, int O, int D, int I) {
  for (int o = 0; o < O; o++)
    for (int i = 0; i < I; i++) {
      double s = 0;
      float best = x[o * D * I + i];
      int64_t bi = 0;
      for (int d = 0; d < D; d++) {
        float v = x[(o * D + d) * I + i];
        s += v;
        if (d > 0 && !isnan(best) && (isnan(v) || (op == WT_MAX ? v > best : v < best))) best = v, bi = d;
      }
      y[o * I + i] = op == WT_SUM ? (float)s : op == WT_MEAN ? (float)(s / D) : best;
      if (ix) ix[o * I + i] = bi;
    }
}

int main(void) {
  for (size_t n = 1; n <= 40; n++) {
    float *x = rand_buf(n, -1, 1);
    float a = wt_f32_rsum_ukernel__wasmsimd(n, x), b = wt_f32_rsum_ukernel__scalar(n, x);
    expect_close("rsum", &a, &b, 1, 1e-5f, 1e-6f);
    a = wt_f32_rmax_ukernel__wasmsimd(n, x), b = wt_f32_rmax_ukernel__scalar(n, x);
    expect_close("rmax", &a, &b, 1, 0, 0);
    a = wt_f32_rmin_ukernel__wasmsimd(n, x), b = wt_f32_rmin_ukernel__scalar(n, x);
    expect_close("rmin", &a, &b, 1, 0, 0);
    if (n > 2) {
      x[n / 2] = NAN;
      a = wt_f32_rmax_ukernel__wasmsimd(n, x);
      CHECK(isnan(a));
      a = wt_f32_rmin_ukernel__wasmsimd(n, x);
      CHECK(isnan(a));
    }
    free(x);
  }
  for (int it = 0; it < 400; it++) {
    int op = it % 4, O = rng_int(1, 4), D = rng_int(1, 300), I = it % 8 < 4 ? 1 : rng_int(2, 9);
    size_t n = (size_t)O * D * I;
    float *x = rand_buf(n, -1, 1), *y = malloc((size_t)O * I * 4), *r = malloc((size_t)O * I * 4);
    if (it % 5 == 0) x[rng_int(0, (int)n - 1)] = NAN;
    if (it % 7 == 0) for (size_t i = 0; i < n; i++) x[i] = (float)rng_int(-2, 2); /* ties */
    int64_t *ix = op >= WT_MAX && it % 3 ? malloc((size_t)O * I * 8) : NULL, *rx = malloc((size_t)O * I * 8);
    CHECK_OK(wt_reduce_f32(op, y, ix, x, O, D, I));
    ref_reduce(op, r, rx, x, O, D, I);
    expect_close("wt_reduce_f32", y, r, (size_t)O * I, 1e-5f, 1e-5f);
    if (ix)
      for (int i = 0; i < O * I; i++) CHECK(ix[i] == rx[i]);
    free(x), free(y), free(r), free(ix), free(rx);
  }
  /* a long sum stays accurate (1e6 values of 0.1: naive float accumulation drifts ~1%) */
  {
    size_t n = 1000000;
    float *x = malloc(n * 4), y;
    for (size_t i = 0; i < n; i++) x[i] = 0.1f;
    CHECK_OK(wt_reduce_f32(WT_SUM, &y, NULL, x, 1, (int32_t)n, 1));
    CHECK(fabs(y - 100000.0014901161) < 1.0);
    float y2[2];
    CHECK_OK(wt_reduce_f32(WT_MEAN, y2, NULL, x, 1, (int32_t)n / 2, 2));
    CHECK(fabsf(y2[0] - 0.1f) < 1e-5f && fabsf(y2[1] - 0.1f) < 1e-5f);
    free(x);
  }
  float x[4] = {0}, y[4];
  int64_t ix[4];
  CHECK_ERR(wt_reduce_f32(4, y, NULL, x, 1, 4, 1), WT_EINVAL);
  CHECK_ERR(wt_reduce_f32(WT_SUM, NULL, NULL, x, 1, 4, 1), WT_EINVAL);
  CHECK_ERR(wt_reduce_f32(WT_SUM, y, NULL, NULL, 1, 4, 1), WT_EINVAL);
  CHECK_ERR(wt_reduce_f32(WT_SUM, y, ix, x, 1, 4, 1), WT_EINVAL);
  CHECK_ERR(wt_reduce_f32(WT_MAX, y, ix, x, 0, 4, 1), WT_EINVAL);
  CHECK_ERR(wt_reduce_f32(WT_MAX, y, ix, x, 1, 4, 0), WT_EINVAL);
  CHECK_ERR(wt_reduce_f32(WT_MAX, y, ix, x, 1 << 30, 1 << 30, 4), WT_EINVAL);
  return test_exit("test_reduce");
}
