/* softmax / log_softmax: row kernels (SIMD vs scalar), the op for inner == 1 and > 1
 * (and in place) against a double-precision reference, NaN/inf rows, errors. */
#include "kernels/kernels.h"
#include "test_util.h"

static void ref_softmax(float *y, const float *x, int O, int D, int I, int lg) {
  for (int o = 0; o < O; o++)
    for (int i = 0; i < I; i++) {
      double m = -INFINITY, s = 0;
      for (int d = 0; d < D; d++) m = fmax(m, x[(o * D + d) * I + i]);
      for (int d = 0; d < D; d++) s += exp(x[(o * D + d) * I + i] - m);
      for (int d = 0; d < D; d++) {
        double v = x[(o * D + d) * I + i] - m;
        y[(o * D + d) * I + i] = (float)(lg ? v - log(s) : exp(v) / s);
      }
    }
}

int main(void) {
  for (size_t n = 1; n <= 37; n++)
    for (int lg = 0; lg <= 1; lg++) {
      float *x = rand_buf(n, -20, 20), *a = malloc(n * 4), *b = malloc(n * 4);
      wt_f32_softmax_ukernel__wasmsimd(n, x, a, lg);
      wt_f32_softmax_ukernel__scalar(n, x, b, lg);
      expect_close("softmax kernel", a, b, n, 2e-6f, 1e-6f);
      free(x), free(a), free(b);
    }
  for (int it = 0; it < 200; it++) {
    int O = rng_int(1, 4), D = rng_int(1, 19), I = it % 2 ? 1 : rng_int(1, 9), lg = rng_int(0, 1);
    size_t n = (size_t)O * D * I;
    float *x = rand_buf(n, -30, 30), *y = malloc(n * 4), *r = malloc(n * 4);
    CHECK_OK(wt_softmax_f32(y, x, O, D, I, lg));
    ref_softmax(r, x, O, D, I, lg);
    expect_close("wt_softmax_f32", y, r, n, 1e-5f, 1e-6f);
    CHECK_OK(wt_softmax_f32(x, x, O, D, I, lg)); /* in place */
    expect_close("wt_softmax_f32 in place", x, r, n, 1e-5f, 1e-6f);
    free(x), free(y), free(r);
  }
  /* -inf entries give 0 (log: -inf); a NaN poisons its slice */
  float x[4] = {-INFINITY, 0.0f, 1.0f, NAN}, y[4];
  CHECK_OK(wt_softmax_f32(y, x, 1, 3, 1, 0));
  CHECK(y[0] == 0.0f && fabsf(y[1] + y[2] - 1.0f) < 1e-6f);
  CHECK_OK(wt_softmax_f32(y, x, 1, 3, 1, 1));
  CHECK(y[0] == -INFINITY);
  CHECK_OK(wt_softmax_f32(y, x, 1, 4, 1, 0));
  CHECK(isnan(y[0]) && isnan(y[3]));

  CHECK_ERR(wt_softmax_f32(NULL, x, 1, 4, 1, 0), WT_EINVAL);
  CHECK_ERR(wt_softmax_f32(y, NULL, 1, 4, 1, 0), WT_EINVAL);
  CHECK_ERR(wt_softmax_f32(y, x, 0, 4, 1, 0), WT_EINVAL);
  CHECK_ERR(wt_softmax_f32(y, x, 1, 0, 1, 0), WT_EINVAL);
  CHECK_ERR(wt_softmax_f32(y, x, 1, 4, -1, 0), WT_EINVAL);
  CHECK_ERR(wt_softmax_f32(y, x, 1, 4, 1, 2), WT_EINVAL);
  CHECK_ERR(wt_softmax_f32(y, x, 1 << 30, 1 << 30, 1 << 30, 0), WT_EINVAL);
  return test_exit("test_softmax");
}
