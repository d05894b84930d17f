/* linear and bilinear against naive references; error statuses. */
#include "test_util.h"

static void test_linear(void) {
  for (int it = 0; it < 100; it++) {
    int R = rng_int(1, 17), I = rng_int(1, 40), O = rng_int(1, 17);
    float *x = rand_buf((size_t)R * I, -1, 1), *w = rand_buf((size_t)O * I, -1, 1);
    float *b = it % 3 ? rand_buf(O, -1, 1) : NULL, *y = malloc((size_t)R * O * 4), *r = malloc((size_t)R * O * 4);
    CHECK_OK(wt_linear_forward_f32(y, x, w, b, R, I, O));
    for (int i = 0; i < R; i++)
      for (int o = 0; o < O; o++) {
        double s = b ? b[o] : 0;
        for (int k = 0; k < I; k++) s += (double)x[i * I + k] * w[o * I + k];
        r[i * O + o] = (float)s;
      }
    expect_close("wt_linear_forward_f32", y, r, (size_t)R * O, 1e-5f, 1e-6f);
    free(x), free(w), free(b), free(y), free(r);
  }
}

static void test_bilinear(void) {
  for (int it = 0; it < 60; it++) {
    int R = rng_int(1, 9), I1 = rng_int(1, 11), I2 = rng_int(1, 11), O = rng_int(1, 9);
    float *x1 = rand_buf((size_t)R * I1, -1, 1), *x2 = rand_buf((size_t)R * I2, -1, 1);
    float *w = rand_buf((size_t)O * I1 * I2, -1, 1), *b = it % 2 ? rand_buf(O, -1, 1) : NULL;
    float *y = malloc((size_t)R * O * 4), *r = malloc((size_t)R * O * 4);
    CHECK_OK(wt_bilinear_forward_f32(y, x1, x2, w, b, R, I1, I2, O));
    for (int n = 0; n < R; n++)
      for (int o = 0; o < O; o++) {
        double s = b ? b[o] : 0;
        for (int i = 0; i < I1; i++)
          for (int j = 0; j < I2; j++) s += (double)x1[n * I1 + i] * w[(o * I1 + i) * I2 + j] * x2[n * I2 + j];
        r[n * O + o] = (float)s;
      }
    expect_close("wt_bilinear_forward_f32", y, r, (size_t)R * O, 1e-5f, 1e-5f);
    free(x1), free(x2), free(w), free(b), free(y), free(r);
  }
}

static void test_errors(void) {
  float a[16] = {0}, y[16];
  CHECK_ERR(wt_linear_forward_f32(NULL, a, a, NULL, 2, 2, 2), WT_EINVAL);
  CHECK_ERR(wt_linear_forward_f32(y, NULL, a, NULL, 2, 2, 2), WT_EINVAL);
  CHECK_ERR(wt_linear_forward_f32(y, a, NULL, NULL, 2, 2, 2), WT_EINVAL);
  CHECK_ERR(wt_linear_forward_f32(y, a, a, NULL, 0, 2, 2), WT_EINVAL);
  CHECK_ERR(wt_linear_forward_f32(y, a, a, NULL, 2, 0, 2), WT_EINVAL);
  CHECK(strstr(wt_last_error(), "in_features") != NULL);
  CHECK_ERR(wt_linear_forward_f32(y, a, a, NULL, 2, 2, -3), WT_EINVAL);
  CHECK_ERR(wt_bilinear_forward_f32(y, NULL, a, a, NULL, 1, 2, 2, 2), WT_EINVAL);
  CHECK_ERR(wt_bilinear_forward_f32(y, a, NULL, a, NULL, 1, 2, 2, 2), WT_EINVAL);
  CHECK_ERR(wt_bilinear_forward_f32(y, a, a, NULL, NULL, 1, 2, 2, 2), WT_EINVAL);
  CHECK_ERR(wt_bilinear_forward_f32(y, a, a, a, NULL, 1, 0, 2, 2), WT_EINVAL);
  CHECK_ERR(wt_bilinear_forward_f32(y, a, a, a, NULL, 1, 1 << 30, 1 << 30, 1 << 30), WT_EINVAL);
}

int main(void) {
  test_linear();
  test_bilinear();
  test_errors();
  return test_exit("test_linear");
}
