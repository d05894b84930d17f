/* normalization: every f32-norm SIMD kernel against its scalar sibling (all tail lengths,
 * NULL weight/bias), batch/layer/group/local-response norm against naive double-precision
 * references written from PyTorch's definitions, a large-mean input where a one-pass
 * variance would cancel, and the error statuses. */
#include "kernels/kernels.h"
#include "test_util.h"

/* mean and biased variance of the elements x[(a*stride) + off + i], a < outer, i < len */
static void ref_moments(const float *x, size_t outer, size_t stride, size_t len, double *mean, double *var) {
  double s = 0, q = 0;
  for (size_t a = 0; a < outer; a++)
    for (size_t i = 0; i < len; i++) s += x[a * stride + i];
  const double m = s / (double)(outer * len);
  for (size_t a = 0; a < outer; a++)
    for (size_t i = 0; i < len; i++) q += (x[a * stride + i] - m) * (x[a * stride + i] - m);
  *mean = m, *var = q / (double)(outer * len);
}

static void test_kernels(void) {
  for (int it = 0; it < 300; it++) {
    size_t n = (size_t)rng_int(1, it < 200 ? 70 : 3000);
    float c = rng_f(-2, 2), scale = rng_f(-3, 3), shift = rng_f(-1, 1);
    float *x = rand_buf(n, -4, 4), *w = rand_buf(n, -2, 2), *b = rand_buf(n, -2, 2);
    float *a = malloc(n * 4), *r = malloc(n * 4);
    float sa = wt_f32_rsumsqdev_ukernel__wasmsimd(n, x, c), sr = wt_f32_rsumsqdev_ukernel__scalar(n, x, c);
    expect_close("rsumsqdev", &sa, &sr, 1, 1e-5f, 1e-6f);
    wt_f32_vscaleshift_ukernel__wasmsimd(n, x, scale, shift, a);
    wt_f32_vscaleshift_ukernel__scalar(n, x, scale, shift, r);
    expect_close("vscaleshift", a, r, n, 0, 0);
    const float *ws = it % 4 == 1 ? NULL : w, *bs = it % 4 == 2 ? NULL : b;
    /* up to 7 rows: the 4-row blocks and the rows left over */
    const size_t rows = (size_t)rng_int(1, 7);
    float *xr = rand_buf(rows * n, -4, 4), *ar = malloc(rows * n * 4), *rr = malloc(rows * n * 4);
    float *scales = rand_buf(rows, -3, 3), *shifts = rand_buf(rows, -1, 1);
    wt_f32_vscaleshift_affine_ukernel__wasmsimd(rows, n, xr, scales, shifts, ws, bs, ar);
    wt_f32_vscaleshift_affine_ukernel__scalar(rows, n, xr, scales, shifts, ws, bs, rr);
    expect_close("vscaleshift_affine", ar, rr, rows * n, 0, 0);
    free(xr), free(ar), free(rr), free(scales), free(shifts);
    memcpy(a, w, n * 4), memcpy(r, w, n * 4);
    wt_f32_vsqradd_ukernel__wasmsimd(n, x, a);
    wt_f32_vsqradd_ukernel__scalar(n, x, r);
    expect_close("vsqradd", a, r, n, 0, 0);
    free(x), free(w), free(b), free(a), free(r);
  }
}

static void test_batch_norm(void) {
  for (int it = 0; it < 60; it++) {
    int N = rng_int(1, 4), C = rng_int(1, 5), S = rng_int(1, it % 5 == 0 ? 1500 : 20);
    size_t total = (size_t)N * C * S;
    float off = it % 3 == 0 ? 1000.0f : 0.0f; /* large mean, small spread */
    float *x = rand_buf(total, off - 1, off + 1), *w = rand_buf((size_t)C, -2, 2), *b = rand_buf((size_t)C, -1, 1);
    float *mean = malloc((size_t)C * 4), *var = malloc((size_t)C * 4), *y = malloc(total * 4), *ry = malloc(total * 4);
    float *rm = malloc((size_t)C * 4), *rv = malloc((size_t)C * 4);
    CHECK_OK(wt_batch_norm_stats_f32(mean, var, x, N, C, S));
    for (int c = 0; c < C; c++) {
      double m, v;
      ref_moments(x + (size_t)c * S, (size_t)N, (size_t)C * S, (size_t)S, &m, &v);
      rm[c] = (float)m, rv[c] = (float)v;
    }
    expect_close("batch norm mean", mean, rm, (size_t)C, 1e-6f, 1e-6f);
    expect_close("batch norm var", var, rv, (size_t)C, 1e-4f, 1e-6f);
    const int affine = it % 2;
    const double eps = 1e-5;
    CHECK_OK(wt_batch_norm_f32(y, x, rm, rv, affine ? w : NULL, affine ? b : NULL, N, C, S, eps));
    for (int n = 0; n < N; n++)
      for (int c = 0; c < C; c++)
        for (int s = 0; s < S; s++) {
          size_t i = ((size_t)n * C + c) * S + s;
          double v = (x[i] - (double)rm[c]) / sqrt((double)rv[c] + eps);
          ry[i] = (float)(affine ? v * w[c] + b[c] : v);
        }
    /* x*scale + shift loses |mean*scale| * 2^-24 absolutely, as in PyTorch */
    expect_close("batch norm transform", y, ry, total, 1e-4f, off ? 2e-3f : 1e-5f);
    free(x), free(w), free(b), free(mean), free(var), free(y), free(ry), free(rm), free(rv);
  }
}

static void test_layer_group_norm(void) {
  for (int it = 0; it < 60; it++) {
    /* up to 9 rows: layer norm's blocks of 4 rows and the rows left over */
    int N = rng_int(1, 9), G = rng_int(1, 3), CG = rng_int(1, 3), S = rng_int(1, 30), C = G * CG;
    size_t total = (size_t)N * C * S;
    float off = it % 4 == 3 ? 1000.0f : 0.0f; /* large mean, small spread */
    float *x = rand_buf(total, off - 3, off + 3), *w = rand_buf(total, -2, 2), *b = rand_buf(total, -1, 1);
    float *y = malloc(total * 4), *ry = malloc(total * 4);
    const int affine = it % 3;
    const double eps = 1e-3;
    /* layer norm: rows = N, cols = C*S; weight/bias over a row */
    const size_t D = (size_t)C * S;
    CHECK_OK(wt_layer_norm_f32(y, x, affine ? w : NULL, affine == 1 ? b : NULL, N, (int32_t)D, eps));
    for (size_t r = 0; r < (size_t)N; r++) {
      double m, v;
      ref_moments(x + r * D, 1, 0, D, &m, &v);
      for (size_t d = 0; d < D; d++) {
        double t = (x[r * D + d] - m) / sqrt(v + eps);
        if (affine) t *= w[d];
        if (affine == 1) t += b[d];
        ry[r * D + d] = (float)t;
      }
    }
    /* x*scale + shift loses |mean*scale| * 2^-24 absolutely, as in PyTorch */
    expect_close("layer norm", y, ry, total, 1e-4f, off ? 2e-3f : 1e-5f);
    CHECK_OK(wt_group_norm_f32(y, x, affine ? w : NULL, affine == 1 ? b : NULL, N, C, S, G, eps));
    for (size_t n = 0; n < (size_t)N; n++)
      for (size_t g = 0; g < (size_t)G; g++) {
        double m, v;
        const size_t base = (n * C + g * CG) * S;
        ref_moments(x + base, 1, 0, (size_t)CG * S, &m, &v);
        for (size_t k = 0; k < (size_t)CG * S; k++) {
          const size_t c = g * CG + k / S;
          double t = (x[base + k] - m) / sqrt(v + eps);
          if (affine) t *= w[c];
          if (affine == 1) t += b[c];
          ry[base + k] = (float)t;
        }
      }
    expect_close("group norm", y, ry, total, 1e-4f, off ? 2e-3f : 1e-5f);
    free(x), free(w), free(b), free(y), free(ry);
  }
}

static void test_lrn(void) {
  for (int it = 0; it < 40; it++) {
    int N = rng_int(1, 3), C = rng_int(1, 7), S = rng_int(1, 25), size = rng_int(1, 6);
    size_t total = (size_t)N * C * S;
    double alpha = rng_f(1e-4f, 1.0f), beta = rng_f(0.1f, 2.0f), k = rng_f(0.5f, 3.0f);
    float *x = rand_buf(total, -3, 3), *y = malloc(total * 4), *ry = malloc(total * 4);
    CHECK_OK(wt_local_response_norm_f32(y, x, N, C, S, size, alpha, beta, k));
    for (int n = 0; n < N; n++)
      for (int c = 0; c < C; c++)
        for (int s = 0; s < S; s++) {
          double acc = 0;
          for (int j = c - size / 2; j <= c + (size - 1) / 2; j++)
            if (j >= 0 && j < C) acc += (double)x[((size_t)n * C + j) * S + s] * x[((size_t)n * C + j) * S + s];
          size_t i = ((size_t)n * C + c) * S + s;
          ry[i] = (float)(x[i] / pow(k + alpha * acc / size, beta));
        }
    expect_close("local response norm", y, ry, total, 1e-5f, 1e-6f);
    free(x), free(y), free(ry);
  }
}

static void test_errors(void) {
  float x[8] = {0}, y[8], m[2] = {0}, v[2] = {1, 1};
  CHECK_OK(wt_batch_norm_stats_f32(m, v, x, 2, 2, 2));
  CHECK_ERR(wt_batch_norm_stats_f32(NULL, v, x, 2, 2, 2), WT_EINVAL);
  CHECK_ERR(wt_batch_norm_stats_f32(m, v, NULL, 2, 2, 2), WT_EINVAL);
  CHECK_ERR(wt_batch_norm_stats_f32(m, v, x, 0, 2, 2), WT_EINVAL);
  CHECK_ERR(wt_batch_norm_stats_f32(m, v, x, INT32_MAX, INT32_MAX, INT32_MAX), WT_EINVAL);
  CHECK_OK(wt_batch_norm_f32(y, x, m, v, NULL, NULL, 2, 2, 2, 1e-5));
  CHECK_ERR(wt_batch_norm_f32(y, x, NULL, v, NULL, NULL, 2, 2, 2, 1e-5), WT_EINVAL);
  CHECK_ERR(wt_batch_norm_f32(y, x, m, v, NULL, NULL, 2, -1, 2, 1e-5), WT_EINVAL);
  CHECK_ERR(wt_batch_norm_f32(y, x, m, v, NULL, NULL, 2, 2, 2, -1.0), WT_EINVAL);
  CHECK_ERR(wt_batch_norm_f32(y, x, m, v, NULL, NULL, 2, 2, 2, NAN), WT_EINVAL);
  CHECK_OK(wt_layer_norm_f32(y, x, NULL, NULL, 2, 4, 1e-5));
  CHECK_ERR(wt_layer_norm_f32(NULL, x, NULL, NULL, 2, 4, 1e-5), WT_EINVAL);
  CHECK_ERR(wt_layer_norm_f32(y, x, NULL, NULL, 2, 0, 1e-5), WT_EINVAL);
  CHECK_ERR(wt_layer_norm_f32(y, x, NULL, NULL, 2, 4, INFINITY), WT_EINVAL);
  CHECK_OK(wt_group_norm_f32(y, x, NULL, NULL, 1, 4, 2, 2, 1e-5));
  CHECK_ERR(wt_group_norm_f32(y, x, NULL, NULL, 1, 4, 2, 3, 1e-5), WT_EINVAL);
  CHECK_ERR(wt_group_norm_f32(y, x, NULL, NULL, 1, 4, 2, 0, 1e-5), WT_EINVAL);
  CHECK_ERR(wt_group_norm_f32(y, NULL, NULL, NULL, 1, 4, 2, 2, 1e-5), WT_EINVAL);
  CHECK_OK(wt_local_response_norm_f32(y, x, 1, 4, 2, 3, 1e-4, 0.75, 1.0));
  CHECK_ERR(wt_local_response_norm_f32(y, x, 1, 4, 2, 0, 1e-4, 0.75, 1.0), WT_EINVAL);
  CHECK_ERR(wt_local_response_norm_f32(y, NULL, 1, 4, 2, 3, 1e-4, 0.75, 1.0), WT_EINVAL);
  CHECK_ERR(wt_local_response_norm_f32(y, x, 1, 0, 2, 3, 1e-4, 0.75, 1.0), WT_EINVAL);
}

int main(void) {
  test_kernels();
  test_batch_norm();
  test_layer_group_norm();
  test_lrn();
  test_errors();
  return test_exit("test_norm");
}
