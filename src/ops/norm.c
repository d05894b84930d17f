/* Normalization: batch norm (statistics + transform), layer norm, group norm, local
 * response norm. Instance norm and switchable norm are batch norm over [1, N*C, S] in JS.
 *   batch norm  x, out [batch, channels, spatial]; mean, var [channels]
 *   layer norm  x, out [rows, cols]; weight, bias [cols]
 *   group norm  x, out [batch, channels, spatial]; weight, bias [channels]
 *   LRN         x, out [batch, channels, spatial]
 * Statistics are two-pass in f32 (mean = sum / n, then sum of squared deviations), the
 * formulation PyTorch's CPU batch norm uses; it stays accurate when |mean| >> std, where
 * the one-pass E[x^2] - E[x]^2 cancels catastrophically. The transform is x*scale + shift
 * with scale = rstd*weight and shift = bias - mean*scale, as in PyTorch's CPU kernels. */
#include <math.h>
#include <string.h>

#include "internal.h"
#include "kernels/kernels.h"

/* rstd like PyTorch: in double, then rounded once */
static float wt_rstd(float var, double eps) { return (float)(1.0 / sqrt((double)var + eps)); }

/* The mean of one contiguous row of n, and its rstd in *rs: two passes (a row of a few KiB
 * is read the second time from L1). */
static float wt_row_stats(size_t n, const float *x, double eps, float *rs) {
  const float m = WT_UKERNEL(wt_f32_rsum_ukernel)(n, x) / (float)n;
  *rs = wt_rstd(WT_UKERNEL(wt_f32_rsumsqdev_ukernel)(n, x, m) / (float)n, eps);
  return m;
}

static wt_status wt_check_bcs(const char *fn, int32_t batch, int32_t channels, int32_t spatial) {
  WT_CHECK_POS(batch, fn, "batch");
  WT_CHECK_POS(channels, fn, "channels");
  WT_CHECK_POS(spatial, fn, "spatial");
  int64_t t;
  if (!wt_mul_i64(batch, channels, &t) || !wt_mul_i64(t, spatial, &t) || t > (int64_t)(SIZE_MAX / sizeof(float)))
    return wt_error(WT_EINVAL, "%s: batch*channels*spatial overflows", fn);
  return WT_OK;
}

static wt_status wt_check_eps(const char *fn, double eps) {
  if (!(eps >= 0.0) || isinf(eps)) return wt_error(WT_EINVAL, "%s: eps must be finite and >= 0, got %g", fn, eps);
  return WT_OK;
}

wt_status wt_batch_norm_stats_f32(float *mean, float *var, const float *x, int32_t batch, int32_t channels,
                                  int32_t spatial) {
  static const char *fn = "wt_batch_norm_stats_f32";
  WT_CHECK_PTR(mean, fn, "mean");
  WT_CHECK_PTR(var, fn, "var");
  WT_CHECK_PTR(x, fn, "x");
  wt_status st = wt_check_bcs(fn, batch, channels, spatial);
  if (st != WT_OK) return st;
  const size_t N = (size_t)batch, C = (size_t)channels, S = (size_t)spatial;
  const float count = (float)((double)N * (double)S);
  for (size_t c = 0; c < C; c++) {
    float sum = 0.0f;
    for (size_t n = 0; n < N; n++) sum += WT_UKERNEL(wt_f32_rsum_ukernel)(S, x + (n * C + c) * S);
    const float m = sum / count;
    float sq = 0.0f;
    for (size_t n = 0; n < N; n++) sq += WT_UKERNEL(wt_f32_rsumsqdev_ukernel)(S, x + (n * C + c) * S, m);
    mean[c] = m;
    var[c] = sq / count;
  }
  return WT_OK;
}

wt_status wt_batch_norm_f32(float *out, const float *x, const float *mean, const float *var, const float *weight,
                            const float *bias, int32_t batch, int32_t channels, int32_t spatial, double eps) {
  static const char *fn = "wt_batch_norm_f32";
  WT_CHECK_PTR(out, fn, "out");
  WT_CHECK_PTR(x, fn, "x");
  WT_CHECK_PTR(mean, fn, "mean");
  WT_CHECK_PTR(var, fn, "var");
  wt_status st = wt_check_bcs(fn, batch, channels, spatial);
  if (st == WT_OK) st = wt_check_eps(fn, eps);
  if (st != WT_OK) return st;
  const size_t N = (size_t)batch, C = (size_t)channels, S = (size_t)spatial;
  for (size_t c = 0; c < C; c++) {
    const float r = wt_rstd(var[c], eps);
    const float scale = weight != NULL ? r * weight[c] : r;
    const float shift = (bias != NULL ? bias[c] : 0.0f) - mean[c] * scale;
    for (size_t n = 0; n < N; n++)
      WT_UKERNEL(wt_f32_vscaleshift_ukernel)(S, x + (n * C + c) * S, scale, shift, out + (n * C + c) * S);
  }
  return WT_OK;
}

wt_status wt_layer_norm_f32(float *out, const float *x, const float *weight, const float *bias, int32_t rows,
                            int32_t cols, double eps) {
  static const char *fn = "wt_layer_norm_f32";
  WT_CHECK_PTR(out, fn, "out");
  WT_CHECK_PTR(x, fn, "x");
  wt_status st = wt_check_bcs(fn, rows, 1, cols);
  if (st == WT_OK) st = wt_check_eps(fn, eps);
  if (st != WT_OK) return st;
  /* Blocks of 4 rows: the statistics of each row, then one normalize+affine pass over the
   * block, which loads each weight and bias vector once for its rows (the block's rows are
   * still in cache from the statistics). */
  const size_t D = (size_t)cols, R = (size_t)rows;
  float scale[4], shift[4];
  for (size_t r0 = 0; r0 < R; r0 += 4) {
    const size_t nr = R - r0 < 4 ? R - r0 : 4;
    for (size_t k = 0; k < nr; k++) {
      const float m = wt_row_stats(D, x + (r0 + k) * D, eps, &scale[k]);
      shift[k] = -m * scale[k];
    }
    WT_UKERNEL(wt_f32_vscaleshift_affine_ukernel)(nr, D, x + r0 * D, scale, shift, weight, bias, out + r0 * D);
  }
  return WT_OK;
}

wt_status wt_group_norm_f32(float *out, const float *x, const float *weight, const float *bias, int32_t batch,
                            int32_t channels, int32_t spatial, int32_t groups, double eps) {
  static const char *fn = "wt_group_norm_f32";
  WT_CHECK_PTR(out, fn, "out");
  WT_CHECK_PTR(x, fn, "x");
  wt_status st = wt_check_bcs(fn, batch, channels, spatial);
  if (st == WT_OK) st = wt_check_eps(fn, eps);
  if (st != WT_OK) return st;
  WT_CHECK_POS(groups, fn, "groups");
  if (channels % groups != 0)
    return wt_error(WT_EINVAL, "%s: channels (%d) must be divisible by groups (%d)", fn, channels, groups);
  const size_t C = (size_t)channels, S = (size_t)spatial, G = (size_t)groups, CG = C / G, len = CG * S;
  for (size_t n = 0; n < (size_t)batch; n++)
    for (size_t g = 0; g < G; g++) {
      /* a group is one contiguous row of CG*S elements */
      const float *X = x + (n * C + g * CG) * S;
      float rs;
      const float m = wt_row_stats(len, X, eps, &rs);
      for (size_t k = 0; k < CG; k++) {
        const size_t c = g * CG + k;
        const float scale = weight != NULL ? rs * weight[c] : rs;
        const float shift = (bias != NULL ? bias[c] : 0.0f) - m * scale;
        WT_UKERNEL(wt_f32_vscaleshift_ukernel)(S, X + k * S, scale, shift, out + (n * C + c) * S);
      }
    }
  return WT_OK;
}

wt_status wt_local_response_norm_f32(float *out, const float *x, int32_t batch, int32_t channels, int32_t spatial,
                                     int32_t size, double alpha, double beta, double k) {
  static const char *fn = "wt_local_response_norm_f32";
  WT_CHECK_PTR(out, fn, "out");
  WT_CHECK_PTR(x, fn, "x");
  wt_status st = wt_check_bcs(fn, batch, channels, spatial);
  if (st != WT_OK) return st;
  WT_CHECK_POS(size, fn, "size");
  const size_t C = (size_t)channels, S = (size_t)spatial;
  const size_t chunk = S < (size_t)WT_SCRATCH_CHUNK_FLOATS ? S : (size_t)WT_SCRATCH_CHUNK_FLOATS;
  float *acc = wt_scratch_alloc((int64_t)(chunk * sizeof(float)));
  if (acc == NULL) return wt_error(WT_ENOMEM, "%s: cannot allocate scratch", fn);
  const int64_t lo = size / 2, hi = (size - 1) / 2; /* PyTorch pads size//2 before, (size-1)//2 after */
  const float a = (float)alpha, b = (float)beta, kk = (float)k, fsize = (float)size;
  for (size_t n = 0; n < (size_t)batch; n++)
    for (size_t c = 0; c < C; c++)
      for (size_t s0 = 0; s0 < S; s0 += chunk) {
        const size_t len = S - s0 < chunk ? S - s0 : chunk;
        memset(acc, 0, len * sizeof(float));
        const int64_t c0 = (int64_t)c - lo < 0 ? 0 : (int64_t)c - lo;
        const int64_t c1 = (int64_t)c + hi >= (int64_t)C ? (int64_t)C - 1 : (int64_t)c + hi;
        for (int64_t j = c0; j <= c1; j++) WT_UKERNEL(wt_f32_vsqradd_ukernel)(len, x + (n * C + (size_t)j) * S + s0, acc);
        const float *X = x + (n * C + c) * S + s0;
        float *Y = out + (n * C + c) * S + s0;
        /* the order of PyTorch's ops: avg_pool (sum / size, zeros counted), * alpha, + k, pow */
        for (size_t i = 0; i < len; i++) Y[i] = X[i] / powf(acc[i] / fsize * a + kk, b);
      }
  wt_scratch_free(acc);
  return WT_OK;
}
