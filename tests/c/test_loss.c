/* Losses: the f32-vloss SIMD kernel against its scalar sibling for every op (ordinary,
 * extreme and special inputs, every tail length), the pointwise op and the NLL gather
 * against naive double references, errors. */
#include "kernels/kernels.h"
#include "test_util.h"

/* naive double reference of one pointwise loss */
static float ref_loss(int op, float xf, float yf, float pwf, float p) {
  double x = xf, y = yf, pw = pwf, z = fabs(x - y);
  switch (op) {
    case WT_LOSS_MSE: return (float)((x - y) * (x - y));
    case WT_LOSS_L1: return (float)z;
    case WT_LOSS_SMOOTH_L1: return (float)(z < p ? 0.5 * z * z / p : z - 0.5 * p);
    case WT_LOSS_HUBER: return (float)(z < p ? 0.5 * z * z : p * (z - 0.5 * p));
    case WT_LOSS_BCE: return (float)((y - 1) * fmax(log1p(-x), -100) - y * fmax(log(x), -100));
    case WT_LOSS_BCE_LOGITS: return (float)((1 - y) * x + (1 + (pw - 1) * y) * (log1p(exp(-fabs(x))) + fmax(-x, 0)));
    case WT_LOSS_KL_DIV: return (float)((y == 0 ? 0 : y * log(y)) - y * x);
    default: return (float)(exp(y) * (y - x));
  }
}

static void fill_inputs(int op, float *x, float *y, float *pw, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (op == WT_LOSS_BCE) x[i] = rng_f(0, 1), y[i] = rng_f(0, 1);
    else if (op == WT_LOSS_KL_DIV) x[i] = rng_f(-5, 0), y[i] = i % 5 == 0 ? 0.0f : rng_f(0, 1);
    else if (op == WT_LOSS_KL_DIV_LOG) x[i] = rng_f(-5, 0), y[i] = rng_f(-5, 0);
    else x[i] = rng_f(-30, 30), y[i] = rng_f(-3, 3);
    pw[i] = rng_f(0.1f, 4);
  }
}

int main(void) {
  /* SIMD vs scalar, and the op vs the double reference */
  for (int op = WT_LOSS_MSE; op <= WT_LOSS_KL_DIV_LOG; op++) {
    for (size_t n = 1; n <= 67; n += (n < 9 ? 1 : 11)) {
      float *x = malloc(n * 4), *y = malloc(n * 4), *pw = malloc(n * 4);
      float *a = malloc(n * 4), *b = malloc(n * 4), *r = malloc(n * 4);
      fill_inputs(op, x, y, pw, n);
      const float p = rng_f(0.25f, 3);
      const float *w = op == WT_LOSS_BCE_LOGITS && n % 2 ? pw : NULL;
      wt_f32_vloss_ukernel__wasmsimd(op, n, x, y, w, a, p);
      wt_f32_vloss_ukernel__scalar(op, n, x, y, w, b, p);
      expect_close("vloss simd vs scalar", a, b, n, 1e-5f, 1e-6f);
      CHECK_OK(wt_loss_pointwise_f32(op, a, x, y, w, (int32_t)n, p));
      for (size_t i = 0; i < n; i++) r[i] = ref_loss(op, x[i], y[i], w ? w[i] : 1.0f, p);
      expect_close("wt_loss_pointwise_f32 vs reference", a, r, n, 1e-5f, 1e-5f);
      free(x), free(y), free(pw), free(a), free(b), free(r);
    }
  }
  /* extremes and specials: BCE at 0 and 1 (clamped logs), tiny x (log1p accuracy), huge
   * logits both ways, NaN propagation */
  {
    float x[8] = {0.0f, 1.0f, 1e-7f, 1.0f - 6e-8f, 0.5f, 3e-39f, 0.25f, 0.75f};
    float y[8] = {1.0f, 0.0f, 0.0f, 1.0f, 0.5f, 1.0f, NAN, 0.0f};
    float a[8], b[8], r[8];
    wt_f32_vloss_ukernel__wasmsimd(WT_LOSS_BCE, 8, x, y, NULL, a, 0);
    wt_f32_vloss_ukernel__scalar(WT_LOSS_BCE, 8, x, y, NULL, b, 0);
    for (int i = 0; i < 8; i++) r[i] = ref_loss(WT_LOSS_BCE, x[i], y[i], 1, 0);
    expect_close("bce specials simd", a, r, 8, 1e-5f, 1e-6f);
    expect_close("bce specials scalar", b, r, 8, 1e-5f, 1e-6f);
    CHECK(a[0] == 100.0f && a[1] == 100.0f && isnan(a[6]));
    float lx[8] = {-200.0f, 200.0f, -90.0f, 90.0f, 0.0f, -0.0f, NAN, 1e-30f};
    float ly[8] = {1.0f, 0.0f, 0.3f, 0.7f, 0.5f, 1.0f, 1.0f, 0.0f};
    wt_f32_vloss_ukernel__wasmsimd(WT_LOSS_BCE_LOGITS, 8, lx, ly, NULL, a, 0);
    wt_f32_vloss_ukernel__scalar(WT_LOSS_BCE_LOGITS, 8, lx, ly, NULL, b, 0);
    for (int i = 0; i < 8; i++) r[i] = ref_loss(WT_LOSS_BCE_LOGITS, lx[i], ly[i], 1, 0);
    expect_close("bce logits extremes simd", a, r, 8, 1e-5f, 1e-6f);
    expect_close("bce logits extremes scalar", b, r, 8, 1e-5f, 1e-6f);
    CHECK(isfinite(a[0]) && isfinite(a[1]) && isnan(a[6]));
    float ky[4] = {0.0f, NAN, -1.0f, 2.0f}, kx[4] = {-1.0f, -1.0f, -1.0f, INFINITY};
    wt_f32_vloss_ukernel__wasmsimd(WT_LOSS_KL_DIV, 4, kx, ky, NULL, a, 0);
    wt_f32_vloss_ukernel__scalar(WT_LOSS_KL_DIV, 4, kx, ky, NULL, b, 0);
    CHECK(a[0] == 0.0f && b[0] == 0.0f); /* xlogy(0, 0) = 0 and 0 * x = 0 */
    CHECK(isnan(a[1]) && isnan(b[1]) && isnan(a[2]) && isnan(b[2]));
    CHECK(a[3] == -INFINITY && b[3] == -INFINITY);
  }
  /* NLL gather vs reference, with weights, ignore_index and the smoothing term */
  for (int it = 0; it < 60; it++) {
    int O = rng_int(1, 5), Cn = rng_int(1, 9), I = it % 2 ? 1 : rng_int(2, 6), ign = it % 3 ? -100 : rng_int(0, Cn - 1);
    size_t m = (size_t)O * I;
    float *x = rand_buf((size_t)O * Cn * I, -4, 0), *w = it % 4 ? rand_buf((size_t)Cn, 0, 2) : NULL;
    int64_t *t = malloc(m * 8);
    for (size_t k = 0; k < m; k++) t[k] = k % 4 == 3 ? ign : rng_int(0, Cn - 1);
    float *o = malloc(m * 4), *ow = malloc(m * 4), *os = malloc(m * 4);
    float *ro = malloc(m * 4), *rw = malloc(m * 4), *rs = malloc(m * 4);
    CHECK_OK(wt_nll_loss_f32(o, ow, it % 5 ? os : NULL, x, t, w, O, Cn, I, ign));
    for (int a = 0; a < O; a++)
      for (int i = 0; i < I; i++) {
        size_t k = (size_t)a * I + i;
        int64_t c = t[k];
        double s = 0;
        for (int j = 0; j < Cn; j++) s += (double)x[((size_t)a * Cn + j) * I + i] * (w ? w[j] : 1);
        double wc = c == ign ? 0 : (w ? w[c] : 1);
        ro[k] = c == ign ? 0.0f : (float)(-wc * x[((size_t)a * Cn + c) * I + i]);
        rw[k] = (float)wc;
        rs[k] = c == ign ? 0.0f : (float)-s;
      }
    expect_close("wt_nll_loss_f32 out", o, ro, m, 1e-6f, 1e-6f);
    expect_close("wt_nll_loss_f32 out_weight", ow, rw, m, 0, 0);
    if (it % 5) expect_close("wt_nll_loss_f32 out_smooth", os, rs, m, 1e-5f, 1e-5f);
    free(x), free(w), free(t), free(o), free(ow), free(os), free(ro), free(rw), free(rs);
  }
  /* errors: nothing written on a bad value */
  float x[4] = {0.5f, 1.5f, 0.2f, 0.1f}, y[4] = {1, 0, 1, 0}, out[4] = {7, 7, 7, 7};
  CHECK_ERR(wt_loss_pointwise_f32(WT_LOSS_BCE, out, x, y, NULL, 4, 0), WT_EINVAL);
  CHECK(strstr(wt_last_error(), "input[1]") != NULL && out[0] == 7.0f);
  x[1] = NAN;
  CHECK_ERR(wt_loss_pointwise_f32(WT_LOSS_BCE, out, x, y, NULL, 4, 0), WT_EINVAL);
  CHECK_ERR(wt_loss_pointwise_f32(8, out, x, y, NULL, 4, 0), WT_EINVAL);
  CHECK_ERR(wt_loss_pointwise_f32(-1, out, x, y, NULL, 4, 0), WT_EINVAL);
  CHECK_ERR(wt_loss_pointwise_f32(WT_LOSS_MSE, out, x, y, NULL, -1, 0), WT_EINVAL);
  CHECK_ERR(wt_loss_pointwise_f32(WT_LOSS_MSE, NULL, x, y, NULL, 4, 0), WT_EINVAL);
  CHECK_ERR(wt_loss_pointwise_f32(WT_LOSS_MSE, out, NULL, y, NULL, 4, 0), WT_EINVAL);
  CHECK_ERR(wt_loss_pointwise_f32(WT_LOSS_MSE, out, x, NULL, NULL, 4, 0), WT_EINVAL);
  CHECK_ERR(wt_loss_pointwise_f32(WT_LOSS_MSE, out, x, y, y, 4, 0), WT_EINVAL);
  CHECK_ERR(wt_loss_pointwise_f32(WT_LOSS_SMOOTH_L1, out, x, y, NULL, 4, 0), WT_EINVAL);
  CHECK_ERR(wt_loss_pointwise_f32(WT_LOSS_HUBER, out, x, y, NULL, 4, NAN), WT_EINVAL);
  CHECK_OK(wt_loss_pointwise_f32(WT_LOSS_MSE, NULL, NULL, NULL, NULL, 0, 0));
  float lp[6] = {-1, -2, -3, -1, -2, -3}, o[2] = {7, 7}, ow[2];
  int64_t bad[2] = {0, 3}, neg[2] = {-1, 0}, ign[2] = {-100, 2};
  CHECK_ERR(wt_nll_loss_f32(o, ow, NULL, lp, bad, NULL, 2, 3, 1, -100), WT_EINVAL);
  CHECK(strstr(wt_last_error(), "Target 3 is out of bounds") != NULL && o[0] == 7.0f);
  CHECK_ERR(wt_nll_loss_f32(o, ow, NULL, lp, neg, NULL, 2, 3, 1, -100), WT_EINVAL);
  CHECK_OK(wt_nll_loss_f32(o, ow, NULL, lp, ign, NULL, 2, 3, 1, -100));
  CHECK(o[0] == 0.0f && ow[0] == 0.0f && o[1] == 3.0f && ow[1] == 1.0f);
  CHECK_ERR(wt_nll_loss_f32(NULL, ow, NULL, lp, ign, NULL, 2, 3, 1, -100), WT_EINVAL);
  CHECK_ERR(wt_nll_loss_f32(o, NULL, NULL, lp, ign, NULL, 2, 3, 1, -100), WT_EINVAL);
  CHECK_ERR(wt_nll_loss_f32(o, ow, NULL, NULL, ign, NULL, 2, 3, 1, -100), WT_EINVAL);
  CHECK_ERR(wt_nll_loss_f32(o, ow, NULL, lp, NULL, NULL, 2, 3, 1, -100), WT_EINVAL);
  CHECK_ERR(wt_nll_loss_f32(o, ow, NULL, lp, ign, NULL, 0, 3, 1, -100), WT_EINVAL);
  CHECK_ERR(wt_nll_loss_f32(o, ow, NULL, lp, ign, NULL, 2, 0, 1, -100), WT_EINVAL);
  CHECK_ERR(wt_nll_loss_f32(o, ow, NULL, lp, ign, NULL, 2, 3, 0, -100), WT_EINVAL);
  CHECK_ERR(wt_nll_loss_f32(o, ow, NULL, lp, ign, NULL, 0x7fffffff, 0x7fffffff, 0x7fffffff, -100), WT_EINVAL);
  return test_exit("test_loss");
}
