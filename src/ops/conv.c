/* Convolution and transposed convolution (N-d, groups, dilation, PyTorch padding incl.
 * padding='same'), and the im2col / col2im geometry that unfold and fold share.
 *
 * conv:
 *   x      [batch, in_channels, *in_size]
 *   weight [out_channels, in_channels/groups, *kernel]
 *   bias   [out_channels] (nullable)
 *   out    [batch, out_channels, *out_size]
 * Three paths, picked per call:
 *   - depthwise (groups == in_channels == out_channels): the f32-dwconv kernels run over
 *     the input directly, 3x3 ones a plane at a time, others row by row (an im2col GEMM
 *     with one row per group wastes the GEMM);
 *   - pointwise (1x1 kernel, stride 1, no padding): the GEMM reads x directly as B;
 *   - otherwise per (batch, group): out_g[oc_g, S] = weight_g[oc_g, cin_g*K] @ col[cin_g*K, S]
 *     with col the im2col matrix (K = prod(kernel), S = prod(out_size)), 8 columns (a
 *     panel) at a time: where a panel's windows lie on one output row of a unit-width-
 *     stride conv, the igemm kernel reads its rows in place from a zero-padded copy of the
 *     input (an implicit GEMM, no col), for convs with small weights; other panels are
 *     built in the GEMM's packed-B layout (weight_g is the GEMM's A operand as it is), a
 *     few at a time so scratch stays bounded.
 * The GEMM adds bias per column, but conv bias is per row (channel), so out rows are
 * pre-filled with the bias and the kernels accumulate.
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
    const wt_status st =
        wt_check_window_dim(fn, i, p->in_size[i], p->out_size[i], p->kernel[i], p->stride[i], p->dilation[i]);
    if (st != WT_OK) return st;
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

wt_status wt_check_window_dim(const char *fn, int i, int32_t in_size, int32_t out_size, int32_t kernel,
                              int32_t stride, int32_t dilation) {
  if (in_size < 1) return wt_error(WT_EINVAL, "%s: in_size[%d] must be >= 1, got %d", fn, i, in_size);
  if (out_size < 1) return wt_error(WT_EINVAL, "%s: out_size[%d] must be >= 1, got %d", fn, i, out_size);
  if (kernel < 1) return wt_error(WT_EINVAL, "%s: kernel[%d] must be >= 1, got %d", fn, i, kernel);
  if (stride < 1) return wt_error(WT_EINVAL, "%s: stride[%d] must be >= 1, got %d", fn, i, stride);
  if (dilation < 1) return wt_error(WT_EINVAL, "%s: dilation[%d] must be >= 1, got %d", fn, i, dilation);
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
              /* window q of the run lands on column iw0 + q*s: keep the q in [q0, q1)
               * that land inside the row, so the kernel needs no bounds checks */
              const int64_t s = g->s[2], iw0 = gw * s - g->p[2] + kw * g->d[2];
              const int64_t q0 = iw0 < 0 ? (-iw0 + s - 1) / s : 0;
              int64_t q1 = iw0 < g->img[2] ? (g->img[2] - 1 - iw0) / s + 1 : 0;
              if (q1 > run) q1 = run;
              if (q0 < q1)
                WT_UKERNEL(wt_f32_col2im_ukernel)((size_t)(q1 - q0), (size_t)s, src + j + q0,
                                                  xc + (row + iw0 + q0 * s));
            }
          });
        }
  }
}

/* og[oc, 0:n] = bias[oc] (or 0) for oc < oc_g, rows ld apart: the start of an output that
 * the GEMM then accumulates into. */
static void wt_fill_bias(float *og, const float *bias, int64_t oc_g, int64_t ld, int64_t n) {
  for (int64_t oc = 0; oc < oc_g; oc++) {
    const float v = bias != NULL ? bias[oc] : 0.0f;
    float *row = og + oc * ld;
    for (int64_t j = 0; j < n; j++) row[j] = v;
  }
}

/* Depthwise conv (one input and one output channel per group): every output row of every
 * plane is one f32-dwconv call over the kernel rows (kd, kh) that land inside the input. */
static wt_status wt_conv_depthwise_rows(const char *fn, const wt_conv_params *p, const wt_geom3 *g, float *out,
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

typedef struct {
  const wt_conv_params *p;
  const wt_geom3 *g;
  float *out;
  const float *x, *weight, *bias, *zero;
  const float **rows; /* per thread: OH + 2 row pointers */
} wt_dw3x3_job;

/* Task `plane`: every (od) slice of one (batch, channel) plane. */
static void wt_dw3x3_task(void *ctx, size_t task, int thread) {
  const wt_dw3x3_job *j = ctx;
  const wt_geom3 *g = j->g;
  const int64_t plane = (int64_t)task, H = g->img[1], W = g->img[2], OH = g->grid[1], OW = g->grid[2];
  const int64_t c = plane % j->p->in_channels;
  const int64_t in_sp = g->img[0] * H * W, out_sp = g->grid[0] * OH * OW;
  const float **rows = j->rows + thread * (OH + 2);
  const float b = j->bias != NULL ? j->bias[c] : 0.0f;
  for (int64_t od = 0; od < g->grid[0]; od++) {
    const int64_t id = od * g->s[0] - g->p[0];
    const float *xs = id >= 0 && id < g->img[0] ? j->x + plane * in_sp + id * H * W : NULL;
    for (int64_t i = 0; i < OH + 2; i++) {
      const int64_t ih = i - g->p[1];
      rows[i] = xs != NULL && ih >= 0 && ih < H ? xs + ih * W : j->zero;
    }
    WT_UKERNEL(wt_f32_dwconv3x3_ukernel)((size_t)OH, (size_t)OW, rows, (size_t)W, (size_t)g->p[2], j->weight + c * 9,
                                         b, j->out + plane * out_sp + od * OH * OW);
  }
}

/* Depthwise 3x3 conv with a depth kernel of 1 and unit height and width strides and
 * dilations (MobileNet's): one f32-dwconv3x3 call per (plane, od) slice, straight on the
 * input rows; planes are split over threads. The rows of the height padding, and every
 * row of a slice in the depth padding, point at a zero row, so each padding tap adds a
 * zero product as in the padded-copy path below. Falls back to the row path when the
 * scratch does not fit. */
static wt_status wt_conv_depthwise3x3(const char *fn, const wt_conv_params *p, const wt_geom3 *g, float *out,
                                      const float *x, const float *weight, const float *bias) {
  const int64_t W = g->img[2], OH = g->grid[1];
  const int64_t planes = (int64_t)p->batch * p->in_channels;
  const int width = wt_parallel_width(9.0 * (double)planes * (double)(g->grid[0] * OH * g->grid[2]));
  /* the zero row and the OH + 2 row pointers of a slice per thread, bounded like the other scratch */
  if (W + 2 * width * (OH + 2) > WT_SCRATCH_CHUNK_FLOATS) return wt_conv_depthwise_rows(fn, p, g, out, x, weight, bias);
  float *zero = wt_scratch_alloc(W * (int64_t)sizeof(float));
  const float **rows = wt_scratch_alloc(width * (OH + 2) * (int64_t)sizeof(float *));
  if (zero == NULL || rows == NULL) {
    wt_scratch_free(zero);
    wt_scratch_free(rows);
    return wt_conv_depthwise_rows(fn, p, g, out, x, weight, bias);
  }
  memset(zero, 0, (size_t)W * sizeof(float));
  wt_dw3x3_job job = {p, g, out, x, weight, bias, zero, rows};
  wt_parallel_for((size_t)planes, width, wt_dw3x3_task, &job);
  wt_scratch_free(zero);
  wt_scratch_free(rows);
  return WT_OK;
}

/* Depthwise conv with a depth kernel of 1 (every 1-d and 2-d one) and unit height and
 * width strides: one f32-dwconv call per (plane, od) instead of per output row (the
 * per-call setup dominated 56-wide rows). The input slice is copied with its height and
 * width padding made explicit (zeros) into P [Hp, Wp]. Output (oh, ow) then reads
 * P[(oh + kh*dh) * Wp + ow + kw*dw], so the rows of all oh form one virtual row
 * o' = oh*Wp + ow, and kernel row kh is P + kh*dh*Wp; the kernel computes o' in
 * [0, (OH-1)*Wp + OW) into `tmp` (positions with ow >= OW are dropped) with no border
 * handling. A zero tap adds +-0 like the skipped one of the row path (only a non-finite
 * weight over the padding could tell them apart). Falls back to the row path when the
 * scratch does not fit. 3x3 windows with unit dilation take wt_conv_depthwise3x3 instead. */
static wt_status wt_conv_depthwise(const char *fn, const wt_conv_params *p, const wt_geom3 *g, float *out,
                                   const float *x, const float *weight, const float *bias) {
  if (g->k[0] != 1 || g->s[1] != 1 || g->s[2] != 1) return wt_conv_depthwise_rows(fn, p, g, out, x, weight, bias);
  if (g->k[1] == 3 && g->k[2] == 3 && g->d[1] == 1 && g->d[2] == 1)
    return wt_conv_depthwise3x3(fn, p, g, out, x, weight, bias);
  const int64_t H = g->img[1], W = g->img[2], OH = g->grid[1], OW = g->grid[2], KH = g->k[1];
  int64_t bottom = OH - 1 + g->d[1] * (KH - 1) + 1 - H - g->p[1];
  int64_t right = OW - 1 + g->d[2] * (g->k[2] - 1) + 1 - W - g->p[2];
  if (bottom < 0) bottom = 0;
  if (right < 0) right = 0;
  const int64_t Hp = g->p[1] + H + bottom, Wp = g->p[2] + W + right;
  int64_t pfloats, tfloats;
  /* scratch stays bounded (huge paddings would otherwise ask for gigabytes): beyond one
   * chunk of floats the row path, which needs no copy, does the work */
  if (!wt_mul_i64(Hp, Wp, &pfloats) || !wt_mul_i64(OH, Wp, &tfloats) ||
      pfloats + tfloats > WT_SCRATCH_CHUNK_FLOATS)
    return wt_conv_depthwise_rows(fn, p, g, out, x, weight, bias);
  float *P = wt_scratch_alloc((pfloats + tfloats) * (int64_t)sizeof(float));
  const float **rows = wt_scratch_alloc(2 * KH * (int64_t)sizeof(float *));
  if (P == NULL || rows == NULL) {
    wt_scratch_free(P);
    wt_scratch_free(rows);
    return wt_conv_depthwise_rows(fn, p, g, out, x, weight, bias);
  }
  float *tmp = P + pfloats;
  const float **wrows = rows + KH;
  const int64_t in_sp = g->img[0] * H * W, out_sp = g->grid[0] * OH * OW, kprod = KH * g->k[2];
  /* virtual row kh starts at kh*dh*Wp; all of them are readable for vin_w floats, which
   * covers the last output's window: (OH-1)*Wp + OW-1 + dw*(KW-1) < (Hp - dh*(KH-1))*Wp */
  const size_t vin_w = (size_t)((Hp - g->d[1] * (KH - 1)) * Wp), vout_w = (size_t)((OH - 1) * Wp + OW);
  /* the padding frame of P is written once: the copies below only overwrite the interior */
  memset(P, 0, (size_t)pfloats * sizeof(float));
  for (int64_t kh = 0; kh < KH; kh++) rows[kh] = P + kh * g->d[1] * Wp;
  for (int64_t plane = 0; plane < (int64_t)p->batch * p->in_channels; plane++) {
    const int64_t c = plane % p->in_channels;
    for (int64_t kh = 0; kh < KH; kh++) wrows[kh] = weight + c * kprod + kh * g->k[2];
    const float b = bias != NULL ? bias[c] : 0.0f;
    for (int64_t od = 0; od < g->grid[0]; od++) {
      const int64_t id = od * g->s[0] - g->p[0];
      const int inside = id >= 0 && id < g->img[0];
      if (inside) {
        const float *src = x + plane * in_sp + id * H * W;
        for (int64_t h = 0; h < H; h++)
          memcpy(P + (g->p[1] + h) * Wp + g->p[2], src + h * W, (size_t)W * sizeof(float));
      }
      WT_UKERNEL(wt_f32_dwconv_ukernel)(0, vout_w, inside ? (size_t)KH : 0, rows, wrows, vin_w, (size_t)g->k[2], 1,
                                        0, (size_t)g->d[2], b, tmp);
      float *o = out + plane * out_sp + od * OH * OW;
      for (int64_t oh = 0; oh < OH; oh++) memcpy(o + oh * OW, tmp + oh * Wp, (size_t)OW * sizeof(float));
    }
  }
  wt_scratch_free(P);
  wt_scratch_free(rows);
  return WT_OK;
}

/* The zero-padded copy of one group's input that the igemm (or the packed im2col) reads:
 * every window of the conv then lies inside it, so a tap row needs no bounds checks. pd[i]
 * is the padded size along dim i (left padding g->p[i], right padding whatever the last
 * window needs). */
typedef struct {
  float *x;        /* [channels, pd[0], pd[1], pd[2]] */
  int64_t pd[3];
  size_t *off;     /* off[k], k = (c, kd, kh, kw): tap k of a window, from the window's origin */
} wt_conv_padded;

typedef struct {
  const wt_geom3 *g;
  const float *img;
  const wt_conv_padded *xp;
} wt_pad_job;

/* Task c: channel c of the padded copy. */
static void wt_pad_task(void *ctx, size_t c, int thread) {
  (void)thread;
  const wt_pad_job *j = ctx;
  const wt_geom3 *g = j->g;
  const int64_t *P = j->xp->pd;
  float *dst = j->xp->x + (int64_t)c * P[0] * P[1] * P[2];
  for (int64_t d = 0; d < P[0]; d++)
    for (int64_t h = 0; h < P[1]; h++, dst += P[2]) {
      const int64_t id = d - g->p[0], ih = h - g->p[1];
      if (id < 0 || id >= g->img[0] || ih < 0 || ih >= g->img[1]) {
        memset(dst, 0, (size_t)P[2] * sizeof(float));
        continue;
      }
      const int64_t right = P[2] - g->p[2] - g->img[2];
      memset(dst, 0, (size_t)g->p[2] * sizeof(float));
      memcpy(dst + g->p[2], j->img + (((int64_t)c * g->img[0] + id) * g->img[1] + ih) * g->img[2],
             (size_t)g->img[2] * sizeof(float));
      memset(dst + g->p[2] + g->img[2], 0, (size_t)right * sizeof(float));
    }
}

static void wt_pad_image(const wt_geom3 *g, const float *img, int64_t channels, wt_conv_padded *xp) {
  wt_pad_job job = {g, img, xp};
  const int width = wt_parallel_width((double)channels * (double)(xp->pd[0] * xp->pd[1] * xp->pd[2]));
  wt_parallel_for((size_t)channels, width, wt_pad_task, &job);
}

/* The origin in the padded copy of panel [j, j + nc) of the im2col when its 8 windows lie
 * on one output row with unit width stride (tap k of window q is then origin[off[k] + q]),
 * else NULL (no padded copy, fewer than 8 windows, or a panel across output rows). */
static const float *wt_panel_origin(const wt_geom3 *g, const wt_conv_padded *xp, int64_t j, int64_t nc) {
  const int64_t gw = j % g->grid[2];
  if (xp->x == NULL || nc < WT_GEMM_NR || gw + WT_GEMM_NR > g->grid[2] || g->s[2] != 1) return NULL;
  const int64_t gh = (j / g->grid[2]) % g->grid[1], gd = j / (g->grid[2] * g->grid[1]);
  /* window origin in the padded copy: (g*s - p) + p per dim */
  return xp->x + (gd * g->s[0] * xp->pd[1] + gh * g->s[1]) * xp->pd[2] + gw;
}

/* Panel [j, j + nc) of the im2col (nc <= 8) written straight into the GEMM's packed-B
 * layout (kernels.h), so the GEMM runs on it without a second copy: a zero bias row (conv
 * bias is per output channel, a row of the product), then one row of 8 per (c, kd, kh,
 * kw). With an origin (wt_panel_origin) each row is one 32-byte copy from it; otherwise
 * the rows come from wt_im2col through `tmp` (kc * nc floats), zero beyond nc. */
static void wt_im2col_panel(const wt_geom3 *g, const float *img, int64_t channels, int64_t kc, int64_t j,
                            int64_t nc, const float *origin, const size_t *off, float *w, float *tmp) {
  const int64_t NR = WT_GEMM_NR;
  memset(w, 0, (size_t)NR * sizeof(float));
  w += NR;
  if (origin != NULL) {
    for (int64_t k = 0; k < kc; k++, w += NR) memcpy(w, origin + off[k], (size_t)NR * sizeof(float));
    return;
  }
  wt_im2col(g, img, channels, j, nc, tmp);
  for (int64_t k = 0; k < kc; k++, w += NR)
    for (int64_t q = 0; q < NR; q++) w[q] = q < nc ? tmp[k * nc + q] : 0.0f;
}

/* Sets up xp for one conv (padded sizes, tap offsets, buffer); xp->x stays NULL (and
 * every panel goes through wt_im2col) when the copy would exceed one scratch chunk or
 * not fit in memory. */
static void wt_conv_padded_init(const wt_geom3 *g, int64_t channels, wt_conv_padded *xp) {
  xp->x = NULL;
  xp->off = NULL;
  int64_t sp = 1;
  for (int i = 0; i < 3; i++) {
    int64_t right = (g->grid[i] - 1) * g->s[i] + g->d[i] * (g->k[i] - 1) + 1 - g->img[i] - g->p[i];
    if (right < 0) right = 0;
    xp->pd[i] = g->p[i] + g->img[i] + right;
    if (!wt_mul_i64(sp, xp->pd[i], &sp)) return;
  }
  const int64_t kprod = g->k[0] * g->k[1] * g->k[2];
  int64_t floats, taps;
  /* bounded scratch: a padded copy larger than one chunk (huge paddings) takes the general path */
  if (!wt_mul_i64(sp, channels, &floats) || floats > WT_SCRATCH_CHUNK_FLOATS) return;
  if (!wt_mul_i64(channels, kprod, &taps) || taps > WT_SCRATCH_CHUNK_FLOATS) return;
  xp->off = wt_scratch_alloc(taps * (int64_t)sizeof(size_t));
  xp->x = wt_scratch_alloc(floats * (int64_t)sizeof(float));
  if (xp->off == NULL || xp->x == NULL) {
    wt_scratch_free(xp->off);
    wt_scratch_free(xp->x);
    xp->x = NULL;
    xp->off = NULL;
    return;
  }
  size_t *o = xp->off;
  for (int64_t c = 0; c < channels; c++)
    for (int64_t kd = 0; kd < g->k[0]; kd++)
      for (int64_t kh = 0; kh < g->k[1]; kh++)
        for (int64_t kw = 0; kw < g->k[2]; kw++)
          *o++ = (size_t)(((c * xp->pd[0] + kd * g->d[0]) * xp->pd[1] + kh * g->d[1]) * xp->pd[2] + kw * g->d[2]);
}

/* Convs with at most WT_CONV_IGEMM_MAX_WEIGHTS weight floats per group and at least
 * WT_CONV_IGEMM_MIN_OUT output positions run the igemm kernel on the panels that
 * wt_panel_origin finds, reading them in place (no im2col copy), with the weights packed
 * for it once per call. Small weights pack in microseconds and stay in L2 while every
 * panel streams them (64 channels at 56x56: ~7% faster than the im2col). Larger ones keep
 * the packed im2col, whose copy costs least there (each im2col float serves oc_g output
 * channels): measured with the igemm, 3x3 convs of 96-512 channels gained at most ~5%
 * and lost up to 16% (1 thread) and 35% (2 threads) at 14x14, where packing MBs of weights
 * per call is not amortized; nor is it under a few hundred outputs (64 channels at 14x14:
 * ~4% slower). */
#define WT_CONV_IGEMM_MAX_WEIGHTS ((int64_t)64 << 10)
#define WT_CONV_IGEMM_MIN_OUT 512
/* Panels per block of a conv task without packed weights (see wt_conv_chunk_task). */
#define WT_CONV_BLOCK_PANELS 8

/* One group of one image in chunks of output positions: task t computes positions
 * [t * chunk, (t + 1) * chunk) of every output channel, in blocks of panels: the block's
 * panels that the igemm does not read in place are packed into the thread's `col` first,
 * then every 4-row strip of output channels runs over the block, igemm or GEMM kernel
 * per panel. With packed weights (`wp`) a block is one panel: the weights stream from L2
 * once per panel while its input rows stay in L1 (~3% faster than 8 panels on 56x56 with
 * 64 channels). Without, WT_CONV_BLOCK_PANELS, like the GEMM's column blocks: a strip of
 * weights stays in L1 across them. */
typedef struct {
  const wt_geom3 *g;
  const wt_conv_padded *xp;
  const float *x, *weight, *wp, *bias;
  float *out, *col, *tmp;
  int64_t cin, oc, kc, out_sp, chunk;
} wt_conv_job;

static void wt_conv_chunk_task(void *ctx, size_t t, int thread) {
  const wt_conv_job *j = ctx;
  const int64_t o0 = (int64_t)t * j->chunk, n = j->out_sp - o0 < j->chunk ? j->out_sp - o0 : j->chunk;
  const int64_t NR = WT_GEMM_NR, MR = WT_GEMM_MR, kc = j->kc, panel = NR + kc * NR;
  const int64_t block = (j->wp != NULL ? 1 : WT_CONV_BLOCK_PANELS) * NR;
  float *col = j->col + thread * WT_CONV_BLOCK_PANELS * panel, *tmp = j->tmp + thread * kc * NR, *out = j->out + o0;
  wt_fill_bias(out, j->bias, j->oc, j->out_sp, n);
  for (int64_t b0 = 0; b0 < n; b0 += block) {
    const int64_t bn = n - b0 < block ? n - b0 : block;
    const float *in_place[WT_CONV_BLOCK_PANELS]; /* per panel: the igemm's origin, or NULL */
    for (int64_t q = 0; q * NR < bn; q++) {
      const int64_t jq = o0 + b0 + q * NR, nc = bn - q * NR < NR ? bn - q * NR : NR;
      const float *origin = wt_panel_origin(j->g, j->xp, jq, nc);
      in_place[q] = j->wp != NULL ? origin : NULL;
      if (in_place[q] == NULL)
        wt_im2col_panel(j->g, j->x, j->cin, kc, jq, nc, origin, j->xp->off, col + q * panel, tmp);
    }
    for (int64_t i = 0; i < j->oc; i += MR) {
      const size_t mr = (size_t)(j->oc - i < MR ? j->oc - i : MR);
      for (int64_t q = 0; q * NR < bn; q++) {
        float *c = out + i * j->out_sp + b0 + q * NR;
        if (in_place[q] != NULL)
          WT_UKERNEL(wt_f32_igemm_ukernel_4x8)(mr, (size_t)kc, j->wp + i * kc, in_place[q], j->xp->off, c,
                                               (size_t)j->out_sp);
        else
          WT_UKERNEL(wt_f32_gemm_ukernel_4x8)(mr, (size_t)(bn - q * NR < NR ? bn - q * NR : NR), (size_t)kc,
                                               j->weight + i * kc, (size_t)kc, col + q * panel, c, (size_t)j->out_sp,
                                               1);
      }
    }
  }
}

/* Output channels per task of the weight packing: whole strips, so tasks write apart. */
#define WT_CONV_PACK_ROWS 16

typedef struct {
  const float *w;
  float *wp;
  int64_t oc, kc;
} wt_pack_w_job;

/* Task t: output channels [t, t + 1) * WT_CONV_PACK_ROWS of the weights into the igemm's
 * strips. */
static void wt_pack_w_task(void *ctx, size_t t, int thread) {
  (void)thread;
  const wt_pack_w_job *j = ctx;
  const int64_t r0 = (int64_t)t * WT_CONV_PACK_ROWS;
  const int64_t n = j->oc - r0 < WT_CONV_PACK_ROWS ? j->oc - r0 : WT_CONV_PACK_ROWS;
  wt_f32_igemm_pack_a_x4((size_t)n, (size_t)j->kc, j->w + r0 * j->kc, (size_t)j->kc, j->wp + r0 * j->kc);
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
  /* Output positions per task: a multiple of the panel width, near 64K floats of im2col
   * (112 positions at kc = 576), so a task's input rows stay in L2 and the tasks are many
   * enough to balance the threads. */
  int64_t chunk = out_sp;
  float *col = NULL, *tmp = NULL, *wp = NULL;
  wt_conv_padded xp = {NULL, {0, 0, 0}, NULL};
  const int width = pointwise ? 1 : wt_parallel_width((double)oc_g * (double)out_sp * (double)kc);
  if (!pointwise) {
    chunk = ((int64_t)64 << 10) / kc / WT_GEMM_NR * WT_GEMM_NR;
    if (chunk < 64) chunk = 64;
    if (chunk > out_sp) chunk = out_sp;
    col = wt_scratch_alloc(width * wt_gemm_packed_floats_of(WT_CONV_BLOCK_PANELS * WT_GEMM_NR, kc) *
                           (int64_t)sizeof(float));
    tmp = wt_scratch_alloc(width * kc * WT_GEMM_NR * (int64_t)sizeof(float));
    if (col == NULL || tmp == NULL) {
      wt_scratch_free(col);
      wt_scratch_free(tmp);
      return wt_error(WT_ENOMEM, "%s: cannot allocate im2col scratch", fn);
    }
    if (g.s[2] == 1) wt_conv_padded_init(&g, cin_g, &xp); /* the only case that reads it */
    /* without it, or with rows under 8 outputs, no panel is read in place */
    if (xp.x != NULL && g.grid[2] >= WT_GEMM_NR && oc_g * kc <= WT_CONV_IGEMM_MAX_WEIGHTS &&
        out_sp >= WT_CONV_IGEMM_MIN_OUT)
      wp = wt_scratch_alloc((oc_g + WT_GEMM_MR - 1) / WT_GEMM_MR * WT_GEMM_MR * kc * (int64_t)sizeof(float));
  }

  /* groups outermost: a group's packed weights serve every image */
  for (int64_t gi = 0; gi < G && st == WT_OK; gi++) {
    const float *wg = weight + gi * oc_g * kc;
    const float *bg = bias != NULL ? bias + gi * oc_g : NULL;
    if (wp != NULL) {
      wt_pack_w_job pj = {wg, wp, oc_g, kc};
      wt_parallel_for((size_t)((oc_g + WT_CONV_PACK_ROWS - 1) / WT_CONV_PACK_ROWS),
                      wt_parallel_width((double)oc_g * (double)kc), wt_pack_w_task, &pj);
    }
    for (int64_t b = 0; b < p->batch && st == WT_OK; b++) {
      const float *xg = x + (b * p->in_channels + gi * cin_g) * in_sp;
      float *og = out + (b * p->out_channels + gi * oc_g) * out_sp;
      if (pointwise) {
        wt_fill_bias(og, bg, oc_g, out_sp, out_sp);
        st = wt_gemm_run(fn, (int32_t)oc_g, (int32_t)out_sp, (int32_t)kc, wg, (int32_t)kc, xg, (int32_t)in_sp, 0,
                         og, (int32_t)out_sp, NULL, 1);
        continue;
      }
      if (xp.x != NULL) wt_pad_image(&g, xg, cin_g, &xp);
      wt_conv_job job = {&g, &xp, xg, wg, wp, bg, og, col, tmp, cin_g, oc_g, kc, out_sp, chunk};
      wt_parallel_for((size_t)((out_sp + chunk - 1) / chunk), width, wt_conv_chunk_task, &job);
    }
  }
  wt_scratch_free(col);
  wt_scratch_free(tmp);
  wt_scratch_free(wp);
  wt_scratch_free(xp.x);
  wt_scratch_free(xp.off);
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
      wt_fill_bias(og, bias != NULL ? bias + gi * oc_g : NULL, oc_g, out_sp, out_sp);
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
