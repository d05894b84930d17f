/* Convolution and transposed convolution (N-d, groups, dilation, PyTorch padding incl.
 * padding='same'), and the im2col / col2im geometry that unfold and fold share.
 *
 * conv:
 *   x      [batch, in_channels, *in_size]
 *   weight [out_channels, in_channels/groups, *kernel]
 *   bias   [out_channels] (nullable)
 *   out    [batch, out_channels, *out_size]
 * Three paths, picked per call:
 *   - depthwise (groups == in_channels == out_channels): the f32-dwconv kernel runs over
 *     each output row directly (an im2col GEMM with one row per group wastes the GEMM);
 *   - pointwise (1x1 kernel, stride 1, no padding): the GEMM reads x directly as B;
 *   - otherwise per (batch, group): out_g[oc_g, S] = weight_g[oc_g, cin_g*K] @ col[cin_g*K, S]
 *     with col the im2col matrix (K = prod(kernel), S = prod(out_size)), built for a range
 *     of output positions at a time so scratch stays bounded (~WT_SCRATCH_CHUNK_FLOATS).
 * The GEMM adds bias per column, but conv bias is per row (channel), so out rows are
 * pre-filled with the bias and the GEMM accumulates.
 *
 * transposed conv (the adjoint of conv with respect to its input):
 *   x      [batch, in_channels, *in_size]
 *   weight [in_channels, out_channels/groups, *kernel]
 *   out    [batch, out_channels, *out_size]
 * Per (batch, group): col[oc_g*K, S_in] = weightT_g[oc_g*K, cin_g] @ x_g[cin_g, S_in], then
 * col2im scatters col into out (pre-filled with the bias). weightT is the per-group
 * transpose of weight, made once per call.
 * 1-d and 2-d run as 3-d with leading spatial dims of size 1. */
#include <string.h>

#include "internal.h"
#include "kernels/kernels.h"

wt_status wt_conv_geom(const char *fn, const wt_conv_params *p, int transposed, int rule, wt_geom3 *g) {
  WT_CHECK_PTR(p, fn, "p");
  if (p->ndim < 1 || p->ndim > 3) return wt_error(WT_EINVAL, "%s: ndim must be 1, 2 or 3, got %d", fn, p->ndim);
  WT_CHECK_POS(p->batch, fn, "batch");
  WT_CHECK_POS(p->in_channels, fn, "in_channels");
  WT_CHECK_POS(p->out_channels, fn, "out_channels");
  WT_CHECK_POS(p->groups, fn, "groups");
  if (p->in_channels % p->groups != 0)
    return wt_error(WT_EINVAL, "%s: in_channels (%d) must be divisible by groups (%d)", fn, p->in_channels, p->groups);
  if (p->out_channels % p->groups != 0)
    return wt_error(WT_EINVAL, "%s: out_channels (%d) must be divisible by groups (%d)", fn, p->out_channels, p->groups);

  const int lead = 3 - p->ndim;
  for (int i = 0; i < 3; i++) g->img[i] = g->grid[i] = g->k[i] = g->s[i] = g->d[i] = 1, g->p[i] = 0;
  for (int i = 0; i < p->ndim; i++) {
    const int j = lead + i;
    if (p->in_size[i] < 1) return wt_error(WT_EINVAL, "%s: in_size[%d] must be >= 1, got %d", fn, i, p->in_size[i]);
    if (p->out_size[i] < 1) return wt_error(WT_EINVAL, "%s: out_size[%d] must be >= 1, got %d", fn, i, p->out_size[i]);
    if (p->kernel[i] < 1) return wt_error(WT_EINVAL, "%s: kernel[%d] must be >= 1, got %d", fn, i, p->kernel[i]);
    if (p->stride[i] < 1) return wt_error(WT_EINVAL, "%s: stride[%d] must be >= 1, got %d", fn, i, p->stride[i]);
    if (p->dilation[i] < 1) return wt_error(WT_EINVAL, "%s: dilation[%d] must be >= 1, got %d", fn, i, p->dilation[i]);
    if (p->padding[i] < 0) return wt_error(WT_EINVAL, "%s: padding[%d] must be >= 0, got %d", fn, i, p->padding[i]);
    g->img[j] = transposed ? p->out_size[i] : p->in_size[i];
    g->grid[j] = transposed ? p->in_size[i] : p->out_size[i];
    g->k[j] = p->kernel[i], g->s[j] = p->stride[i], g->d[j] = p->dilation[i], g->p[j] = p->padding[i];
    if (!rule) continue;
    /* right padding the requested output needs (see the rule in webtorch.h) */
    const int64_t span = g->d[j] * (g->k[j] - 1);
    int64_t r = (g->grid[j] - 1) * g->s[j] + span + 1 - g->img[j] - g->p[j];
    if (r < 0) r = 0;
    if (!(r <= g->p[j] || (r == g->p[j] + 1 && r <= span)))
      return wt_error(WT_EINVAL,
                      "%s: out_size[%d] = %d is too large for in_size %d, kernel %d, stride %d, padding %d, "
                      "dilation %d (it needs %lld zeros of right padding)",
                      fn, i, p->out_size[i], p->in_size[i], p->kernel[i], p->stride[i], p->padding[i],
                      p->dilation[i], (long long)r);
  }
  /* every buffer and scratch size used by the ops, checked once (2 int32 sizes multiply
   * safely in int64, a third can overflow it: that product is checked) */
  const int64_t G = p->groups;
  int64_t in_sp, out_sp, kprod, t, kc_in, kc_out;
  if (!wt_mul_i64((int64_t)p->in_size[0] * (p->ndim > 1 ? p->in_size[1] : 1), p->ndim > 2 ? p->in_size[2] : 1, &in_sp) ||
      !wt_mul_i64((int64_t)p->out_size[0] * (p->ndim > 1 ? p->out_size[1] : 1), p->ndim > 2 ? p->out_size[2] : 1,
                  &out_sp) ||
      !wt_mul_i64(g->k[0] * g->k[1], g->k[2], &kprod) ||
      !wt_mul_i64((int64_t)p->batch * p->in_channels, in_sp, &t) || t > (int64_t)(SIZE_MAX / 4) ||
      !wt_mul_i64((int64_t)p->batch * p->out_channels, out_sp, &t) || t > (int64_t)(SIZE_MAX / 4) ||
      !wt_mul_i64(p->in_channels / G, kprod, &kc_in) || kc_in > INT32_MAX ||
      !wt_mul_i64(p->out_channels / G, kprod, &kc_out) || kc_out > INT32_MAX || in_sp > INT32_MAX ||
      out_sp > INT32_MAX || !wt_mul_i64(p->out_channels, kc_in, &t) || t > (int64_t)(SIZE_MAX / 4))
    return wt_error(WT_EINVAL, "%s: sizes overflow", fn);
  return WT_OK;
}

/* Runs the statement in ... for every run of windows [j0 + j, j0 + j + run) (j relative to
 * j0) that share one image row under tap (kd, kh): same grid (g0, g1), consecutive g2
 * starting at gw. `row` is the offset of that image row in a channel plane, or -1 when
 * it lies in the padding. im2col and col2im both walk the windows this way (an odometer
 * over (g0, g1, g2)). */
#define WT_FOR_EACH_RUN(g, j0, n, kd, kh, ...)                                              \
  do {                                                                                       \
    int64_t gw_ = (j0) % (g)->grid[2], gh_ = ((j0) / (g)->grid[2]) % (g)->grid[1];           \
    int64_t gd_ = (j0) / ((g)->grid[2] * (g)->grid[1]);                                      \
    for (int64_t j_ = 0; j_ < (n);) {                                                        \
      const int64_t id_ = gd_ * (g)->s[0] - (g)->p[0] + (kd) * (g)->d[0];                    \
      const int64_t ih_ = gh_ * (g)->s[1] - (g)->p[1] + (kh) * (g)->d[1];                    \
      int64_t run = (g)->grid[2] - gw_;                                                      \
      if (run > (n) - j_) run = (n) - j_;                                                    \
      const int64_t j = j_, gw = gw_;                                                        \
      const int64_t row = (id_ < 0 || id_ >= (g)->img[0] || ih_ < 0 || ih_ >= (g)->img[1])   \
                              ? -1                                                           \
                              : (id_ * (g)->img[1] + ih_) * (g)->img[2];                     \
      __VA_ARGS__;                                                                           \
      j_ += run;                                                                             \
      gw_ = 0;                                                                               \
      if (++gh_ == (g)->grid[1]) gh_ = 0, gd_++;                                             \
    }                                                                                        \
  } while (0)

void wt_im2col(const wt_geom3 *g, const float *img, int64_t channels, int64_t j0, int64_t n, float *col) {
  const int64_t img_sp = g->img[0] * g->img[1] * g->img[2];
  float *dst = col;
  for (int64_t c = 0; c < channels; c++) {
    const float *xc = img + c * img_sp;
    for (int64_t kd = 0; kd < g->k[0]; kd++)
      for (int64_t kh = 0; kh < g->k[1]; kh++)
        for (int64_t kw = 0; kw < g->k[2]; kw++, dst += n) {
          WT_FOR_EACH_RUN(g, j0, n, kd, kh, {
            if (row < 0) {
              memset(dst + j, 0, (size_t)run * sizeof(float));
            } else {
              const float *xr = xc + row;
              int64_t iw = gw * g->s[2] - g->p[2] + kw * g->d[2];
              for (int64_t q = 0; q < run; q++, iw += g->s[2])
                dst[j + q] = (iw >= 0 && iw < g->img[2]) ? xr[iw] : 0.0f;
            }
          });
        }
  }
}

void wt_col2im(const wt_geom3 *g, const float *col, int64_t ld, int64_t channels, int64_t j0, int64_t n,
               float *img) {
  const int64_t img_sp = g->img[0] * g->img[1] * g->img[2];
  const float *src = col;
  for (int64_t c = 0; c < channels; c++) {
    float *xc = img + c * img_sp;
    for (int64_t kd = 0; kd < g->k[0]; kd++)
      for (int64_t kh = 0; kh < g->k[1]; kh++)
        for (int64_t kw = 0; kw < g->k[2]; kw++, src += ld) {
          WT_FOR_EACH_RUN(g, j0, n, kd, kh, {
            if (row >= 0) {
              float *xr = xc + row;
              int64_t iw = gw * g->s[2] - g->p[2] + kw * g->d[2];
              for (int64_t q = 0; q < run; q++, iw += g->s[2])
                if (iw >= 0 && iw < g->img[2]) xr[iw] += src[j + q];
            }
          });
        }
  }
}

/* out[oc_g rows, S] = bias (or 0) for the out_channels of one group */
static void wt_fill_bias(float *og, const float *bias, int64_t oc_g, int64_t sp) {
  for (int64_t oc = 0; oc < oc_g; oc++) {
    const float v = bias != NULL ? bias[oc] : 0.0f;
    float *row = og + oc * sp;
    for (int64_t j = 0; j < sp; j++) row[j] = v;
  }
}

/* Depthwise conv (one input and one output channel per group): every output row of every
 * plane is one f32-dwconv call over the kernel rows (kd, kh) that land inside the input. */
static wt_status wt_conv_depthwise(const char *fn, const wt_conv_params *p, const wt_geom3 *g, float *out,
                                   const float *x, const float *weight, const float *bias) {
  const int64_t kouter = g->k[0] * g->k[1];
  const float **rows = wt_scratch_alloc(2 * kouter * (int64_t)sizeof(float *));
  if (rows == NULL) return wt_error(WT_ENOMEM, "%s: cannot allocate row pointers", fn);
  const float **wrows = rows + kouter;
  const int64_t in_sp = g->img[0] * g->img[1] * g->img[2], out_sp = g->grid[0] * g->grid[1] * g->grid[2];
  const int64_t kprod = kouter * g->k[2];
  for (int64_t plane = 0; plane < (int64_t)p->batch * p->in_channels; plane++) {
    const int64_t c = plane % p->in_channels;
    const float *xp = x + plane * in_sp, *wc = weight + c * kprod;
    const float b = bias != NULL ? bias[c] : 0.0f;
    for (int64_t od = 0; od < g->grid[0]; od++)
      for (int64_t oh = 0; oh < g->grid[1]; oh++) {
        size_t nrows = 0;
        for (int64_t kd = 0; kd < g->k[0]; kd++) {
          const int64_t id = od * g->s[0] - g->p[0] + kd * g->d[0];
          if (id < 0 || id >= g->img[0]) continue;
          for (int64_t kh = 0; kh < g->k[1]; kh++) {
            const int64_t ih = oh * g->s[1] - g->p[1] + kh * g->d[1];
            if (ih < 0 || ih >= g->img[1]) continue;
            rows[nrows] = xp + (id * g->img[1] + ih) * g->img[2];
            wrows[nrows++] = wc + (kd * g->k[1] + kh) * g->k[2];
          }
        }
        WT_UKERNEL(wt_f32_dwconv_ukernel)(0, (size_t)g->grid[2], nrows, rows, wrows, (size_t)g->img[2],
                                          (size_t)g->k[2], (size_t)g->s[2], (size_t)g->p[2], (size_t)g->d[2], b,
                                          out + plane * out_sp + (od * g->grid[1] + oh) * g->grid[2]);
      }
  }
  wt_scratch_free(rows);
  return WT_OK;
}

wt_status wt_conv_forward_f32(const wt_conv_params *p, float *out, const float *x,
                              const float *weight, const float *bias) {
  static const char *fn = "wt_conv_forward_f32";
  WT_CHECK_PTR(p, fn, "p");
  WT_CHECK_PTR(out, fn, "out");
  WT_CHECK_PTR(x, fn, "x");
  WT_CHECK_PTR(weight, fn, "weight");
  wt_geom3 g;
  wt_status st = wt_conv_geom(fn, p, 0, 1, &g);
  if (st != WT_OK) return st;
  if (p->groups == p->in_channels && p->groups == p->out_channels)
    return wt_conv_depthwise(fn, p, &g, out, x, weight, bias);

  const int64_t G = p->groups, cin_g = p->in_channels / G, oc_g = p->out_channels / G;
  const int64_t in_sp = g.img[0] * g.img[1] * g.img[2];
  const int64_t out_sp = g.grid[0] * g.grid[1] * g.grid[2];
  const int64_t kc = cin_g * g.k[0] * g.k[1] * g.k[2];
  const int pointwise = kc == cin_g && g.s[0] == 1 && g.s[1] == 1 && g.s[2] == 1 && g.p[0] == 0 && g.p[1] == 0 &&
                        g.p[2] == 0 && out_sp == in_sp && g.grid[0] == g.img[0] && g.grid[1] == g.img[1];
  int64_t chunk = out_sp;
  float *col = NULL;
  if (!pointwise) {
    chunk = WT_SCRATCH_CHUNK_FLOATS / kc;
    if (chunk < 64) chunk = 64;
    if (chunk > out_sp) chunk = out_sp;
    col = wt_scratch_alloc(kc * chunk * (int64_t)sizeof(float));
    if (col == NULL) return wt_error(WT_ENOMEM, "%s: cannot allocate im2col scratch", fn);
  }

  for (int64_t b = 0; b < p->batch && st == WT_OK; b++) {
    for (int64_t gi = 0; gi < G && st == WT_OK; gi++) {
      const float *xg = x + (b * p->in_channels + gi * cin_g) * in_sp;
      float *og = out + (b * p->out_channels + gi * oc_g) * out_sp;
      const float *wg = weight + gi * oc_g * kc;
      wt_fill_bias(og, bias != NULL ? bias + gi * oc_g : NULL, oc_g, out_sp);
      if (pointwise) {
        st = wt_gemm_run(fn, (int32_t)oc_g, (int32_t)out_sp, (int32_t)kc, wg, (int32_t)kc, xg, (int32_t)in_sp, 0,
                         og, (int32_t)out_sp, NULL, 1);
        continue;
      }
      for (int64_t o0 = 0; o0 < out_sp && st == WT_OK; o0 += chunk) {
        const int64_t n = out_sp - o0 < chunk ? out_sp - o0 : chunk;
        wt_im2col(&g, xg, cin_g, o0, n, col);
        st = wt_gemm_run(fn, (int32_t)oc_g, (int32_t)n, (int32_t)kc, wg, (int32_t)kc, col, (int32_t)n, 0, og + o0,
                         (int32_t)out_sp, NULL, 1);
      }
    }
  }
  wt_scratch_free(col);
  return st;
}

wt_status wt_conv_transpose_forward_f32(const wt_conv_params *p, float *out, const float *x,
                                        const float *weight, const float *bias) {
  static const char *fn = "wt_conv_transpose_forward_f32";
  WT_CHECK_PTR(p, fn, "p");
  WT_CHECK_PTR(out, fn, "out");
  WT_CHECK_PTR(x, fn, "x");
  WT_CHECK_PTR(weight, fn, "weight");
  wt_geom3 g;
  wt_status st = wt_conv_geom(fn, p, 1, 0, &g);
  if (st != WT_OK) return st;

  const int64_t G = p->groups, cin_g = p->in_channels / G, oc_g = p->out_channels / G;
  const int64_t kprod = g.k[0] * g.k[1] * g.k[2];
  const int64_t rows = oc_g * kprod; /* col rows (oc, kd, kh, kw) */
  const int64_t in_sp = g.grid[0] * g.grid[1] * g.grid[2];
  const int64_t out_sp = g.img[0] * g.img[1] * g.img[2];
  int64_t chunk = WT_SCRATCH_CHUNK_FLOATS / rows;
  if (chunk < 64) chunk = 64;
  if (chunk > in_sp) chunk = in_sp;
  /* weightT: per group [rows, cin_g], the A operand of the GEMM */
  float *wt = wt_scratch_alloc((int64_t)p->in_channels * rows * (int64_t)sizeof(float));
  float *col = wt_scratch_alloc(rows * chunk * (int64_t)sizeof(float));
  if (wt == NULL || col == NULL) {
    wt_scratch_free(wt);
    wt_scratch_free(col);
    return wt_error(WT_ENOMEM, "%s: cannot allocate col2im scratch", fn);
  }
  for (int64_t gi = 0; gi < G; gi++)
    for (int64_t ic = 0; ic < cin_g; ic++)
      for (int64_t r = 0; r < rows; r++) wt[(gi * rows + r) * cin_g + ic] = weight[(gi * cin_g + ic) * rows + r];

  for (int64_t b = 0; b < p->batch && st == WT_OK; b++) {
    for (int64_t gi = 0; gi < G && st == WT_OK; gi++) {
      const float *xg = x + (b * p->in_channels + gi * cin_g) * in_sp;
      float *og = out + (b * p->out_channels + gi * oc_g) * out_sp;
      wt_fill_bias(og, bias != NULL ? bias + gi * oc_g : NULL, oc_g, out_sp);
      for (int64_t j0 = 0; j0 < in_sp && st == WT_OK; j0 += chunk) {
        const int64_t n = in_sp - j0 < chunk ? in_sp - j0 : chunk;
        st = wt_gemm_run(fn, (int32_t)rows, (int32_t)n, (int32_t)cin_g, wt + gi * rows * cin_g, (int32_t)cin_g,
                         xg + j0, (int32_t)in_sp, 0, col, (int32_t)n, NULL, 0);
        if (st == WT_OK) wt_col2im(&g, col, n, oc_g, j0, n, og);
      }
    }
  }
  wt_scratch_free(col);
  wt_scratch_free(wt);
  return st;
}
