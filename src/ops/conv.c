/* Convolution (N-d, groups, dilation, PyTorch padding incl. padding='same').
 *   x      [batch, in_channels, *in_size]
 *   weight [out_channels, in_channels/groups, *kernel]
 *   bias   [out_channels] (nullable)
 *   out    [batch, out_channels, *out_size]
 * Per (batch, group): out_g[oc_g, S] = weight_g[oc_g, cin_g*K] @ col[cin_g*K, S]
 * where col is the im2col matrix (K = prod(kernel), S = prod(out_size)). The GEMM adds
 * bias per column, but conv bias is per row (channel), so out rows are pre-filled with
 * the bias and the GEMM accumulates. col is built for a range of output positions at a
 * time so scratch stays bounded (~WT_SCRATCH_CHUNK_FLOATS). A 1x1, stride-1, unpadded
 * conv reads x directly as the B matrix (no im2col). 1-d and 2-d run as 3-d with leading
 * spatial dims of size 1. */
#include <string.h>

#include "internal.h"
#include "kernels/kernels.h"

/* geometry normalised to 3 spatial dims (leading dims are 1 for ndim < 3) */
typedef struct {
  int64_t in[3], out[3], k[3], s[3], p[3], d[3];
} wt_geom3;

/* Fills col[r, j] for j in [o0, o0 + n) (row length n) for every r = (c, kd, kh, kw). */
static void wt_im2col(const wt_geom3 *g, const float *x, int64_t cin, int64_t o0, int64_t n, float *col) {
  const int64_t in_sp = g->in[0] * g->in[1] * g->in[2];
  float *dst = col;
  for (int64_t c = 0; c < cin; c++) {
    const float *xc = x + c * in_sp;
    for (int64_t kd = 0; kd < g->k[0]; kd++)
      for (int64_t kh = 0; kh < g->k[1]; kh++)
        for (int64_t kw = 0; kw < g->k[2]; kw++, dst += n) {
          /* walk the output positions o0..o0+n with an odometer over (od, oh, ow) */
          int64_t o = o0;
          int64_t ow = o % g->out[2], oh = (o / g->out[2]) % g->out[1], od = o / (g->out[2] * g->out[1]);
          for (int64_t j = 0; j < n;) {
            const int64_t id = od * g->s[0] - g->p[0] + kd * g->d[0];
            const int64_t ih = oh * g->s[1] - g->p[1] + kh * g->d[1];
            /* the rest of this output row (same od, oh) */
            int64_t run = g->out[2] - ow;
            if (run > n - j) run = n - j;
            if (id < 0 || id >= g->in[0] || ih < 0 || ih >= g->in[1]) {
              memset(dst + j, 0, (size_t)run * sizeof(float));
            } else {
              const float *xr = xc + (id * g->in[1] + ih) * g->in[2];
              int64_t iw = ow * g->s[2] - g->p[2] + kw * g->d[2];
              for (int64_t q = 0; q < run; q++, iw += g->s[2])
                dst[j + q] = (iw >= 0 && iw < g->in[2]) ? xr[iw] : 0.0f;
            }
            j += run;
            ow = 0;
            if (++oh == g->out[1]) oh = 0, od++;
          }
        }
  }
}

wt_status wt_conv_forward_f32(const wt_conv_params *p, float *out, const float *x,
                              const float *weight, const float *bias) {
  static const char *fn = "wt_conv_forward_f32";
  WT_CHECK_PTR(p, fn, "p");
  WT_CHECK_PTR(out, fn, "out");
  WT_CHECK_PTR(x, fn, "x");
  WT_CHECK_PTR(weight, fn, "weight");
  if (p->ndim < 1 || p->ndim > 3) return wt_error(WT_EINVAL, "%s: ndim must be 1, 2 or 3, got %d", fn, p->ndim);
  WT_CHECK_POS(p->batch, fn, "batch");
  WT_CHECK_POS(p->in_channels, fn, "in_channels");
  WT_CHECK_POS(p->out_channels, fn, "out_channels");
  WT_CHECK_POS(p->groups, fn, "groups");
  if (p->in_channels % p->groups != 0)
    return wt_error(WT_EINVAL, "%s: in_channels (%d) must be divisible by groups (%d)", fn, p->in_channels, p->groups);
  if (p->out_channels % p->groups != 0)
    return wt_error(WT_EINVAL, "%s: out_channels (%d) must be divisible by groups (%d)", fn, p->out_channels, p->groups);

  wt_geom3 g;
  const int lead = 3 - p->ndim;
  for (int i = 0; i < 3; i++) g.in[i] = g.out[i] = g.k[i] = g.s[i] = g.d[i] = 1, g.p[i] = 0;
  for (int i = 0; i < p->ndim; i++) {
    const int j = lead + i;
    if (p->in_size[i] < 1) return wt_error(WT_EINVAL, "%s: in_size[%d] must be >= 1, got %d", fn, i, p->in_size[i]);
    if (p->out_size[i] < 1) return wt_error(WT_EINVAL, "%s: out_size[%d] must be >= 1, got %d", fn, i, p->out_size[i]);
    if (p->kernel[i] < 1) return wt_error(WT_EINVAL, "%s: kernel[%d] must be >= 1, got %d", fn, i, p->kernel[i]);
    if (p->stride[i] < 1) return wt_error(WT_EINVAL, "%s: stride[%d] must be >= 1, got %d", fn, i, p->stride[i]);
    if (p->dilation[i] < 1) return wt_error(WT_EINVAL, "%s: dilation[%d] must be >= 1, got %d", fn, i, p->dilation[i]);
    if (p->padding[i] < 0) return wt_error(WT_EINVAL, "%s: padding[%d] must be >= 0, got %d", fn, i, p->padding[i]);
    g.in[j] = p->in_size[i], g.out[j] = p->out_size[i], g.k[j] = p->kernel[i];
    g.s[j] = p->stride[i], g.d[j] = p->dilation[i], g.p[j] = p->padding[i];
    /* right padding the requested output needs (see the rule in webtorch.h) */
    const int64_t span = g.d[j] * (g.k[j] - 1);
    int64_t r = (g.out[j] - 1) * g.s[j] + span + 1 - g.in[j] - g.p[j];
    if (r < 0) r = 0;
    if (!(r <= g.p[j] || (r == g.p[j] + 1 && r <= span)))
      return wt_error(WT_EINVAL,
                      "%s: out_size[%d] = %d is too large for in_size %d, kernel %d, stride %d, padding %d, "
                      "dilation %d (it needs %lld zeros of right padding)",
                      fn, i, p->out_size[i], p->in_size[i], p->kernel[i], p->stride[i], p->padding[i],
                      p->dilation[i], (long long)r);
  }

  const int64_t G = p->groups, cin_g = p->in_channels / G, oc_g = p->out_channels / G;
  const int64_t in_sp = g.in[0] * g.in[1] * g.in[2]; /* cannot overflow: 3 int32 products */
  const int64_t out_sp = g.out[0] * g.out[1] * g.out[2];
  const int64_t kprod = g.k[0] * g.k[1] * g.k[2];
  int64_t t, kc;
  if (!wt_mul_i64((int64_t)p->batch * p->in_channels, in_sp, &t) || t > (int64_t)(SIZE_MAX / 4) ||
      !wt_mul_i64((int64_t)p->batch * p->out_channels, out_sp, &t) || t > (int64_t)(SIZE_MAX / 4) ||
      !wt_mul_i64(cin_g, kprod, &kc) || kc > INT32_MAX || out_sp > INT32_MAX ||
      !wt_mul_i64(p->out_channels, kc, &t) || t > (int64_t)(SIZE_MAX / 4))
    return wt_error(WT_EINVAL, "%s: sizes overflow", fn);

  const int pointwise = kprod == 1 && g.s[0] == 1 && g.s[1] == 1 && g.s[2] == 1 && g.p[0] == 0 && g.p[1] == 0 &&
                        g.p[2] == 0 && out_sp == in_sp && g.out[0] == g.in[0] && g.out[1] == g.in[1];
  int64_t chunk = out_sp;
  float *col = NULL;
  if (!pointwise) {
    chunk = WT_SCRATCH_CHUNK_FLOATS / kc;
    if (chunk < 64) chunk = 64;
    if (chunk > out_sp) chunk = out_sp;
    col = wt_scratch_alloc(kc * chunk * (int64_t)sizeof(float));
    if (col == NULL) return wt_error(WT_ENOMEM, "%s: cannot allocate im2col scratch", fn);
  }

  wt_status st = WT_OK;
  for (int64_t b = 0; b < p->batch && st == WT_OK; b++) {
    for (int64_t gi = 0; gi < G && st == WT_OK; gi++) {
      const float *xg = x + (b * p->in_channels + gi * cin_g) * in_sp;
      float *og = out + (b * p->out_channels + gi * oc_g) * out_sp;
      const float *wg = weight + gi * oc_g * kc;
      for (int64_t oc = 0; oc < oc_g; oc++) {
        const float v = bias != NULL ? bias[gi * oc_g + oc] : 0.0f;
        float *row = og + oc * out_sp;
        for (int64_t j = 0; j < out_sp; j++) row[j] = v;
      }
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
