/* Pooling.
 * Max and average pooling (1-d, 2-d, 3-d; padding, dilation, ceil_mode via out_size):
 *   x       [planes, *in_size]
 *   out     [planes, *out_size]
 *   indices [planes, *out_size] int64 (nullable), flat index into the input plane
 * Runs as 3-d with leading dims of size 1. For each output row (plane, od, oh) the op
 * collects the input rows its window covers (clipped to the input) and a row kernel
 * sweeps the innermost dim.
 * Adaptive and fractional pooling have per-output windows [lo, hi) in every dim: the rows
 * of a window are first combined column-wise (SIMD blend / maximum over whole rows), then
 * each output reduces its column segment of that row (SIMD rsum / rmax). Max with indices
 * needs the position of the winner and PyTorch's NaN order, so it walks the window
 * element by element.
 * Max unpooling is a scatter (data-dependent addresses: no SIMD form). */
#include <math.h>
#include <string.h>

#include "internal.h"
#include "kernels/kernels.h"

/* geometry normalised to 3 dims (leading dims are 1 for ndim < 3) */
typedef struct {
  int64_t in[3], o[3], k[3], s[3], pd[3], d[3];
} wt_pool_geom;

/* Validates p like PyTorch's pooling_output_shape checks and fills g. */
static wt_status wt_pool_check(const char *fn, const wt_pool_params *p, wt_pool_geom *g) {
  if (p->ndim < 1 || p->ndim > 3) return wt_error(WT_EINVAL, "%s: ndim must be 1, 2 or 3, got %d", fn, p->ndim);
  WT_CHECK_POS(p->planes, fn, "planes");
  const int lead = 3 - p->ndim;
  int64_t *in = g->in, *o = g->o, *k = g->k, *s = g->s, *pd = g->pd, *d = g->d;
  for (int i = 0; i < 3; i++) in[i] = o[i] = k[i] = s[i] = d[i] = 1, pd[i] = 0;
  for (int i = 0; i < p->ndim; i++) {
    const int j = lead + i;
    const wt_status st =
        wt_check_window_dim(fn, i, p->in_size[i], p->out_size[i], p->kernel[i], p->stride[i], p->dilation[i]);
    if (st != WT_OK) return st;
    if (p->padding[i] < 0 || p->padding[i] > p->kernel[i] / 2)
      return wt_error(WT_EINVAL, "%s: padding[%d] = %d must be in [0, kernel/2 = %d]", fn, i, p->padding[i],
                      p->kernel[i] / 2);
    in[j] = p->in_size[i], o[j] = p->out_size[i], k[j] = p->kernel[i];
    s[j] = p->stride[i], d[j] = p->dilation[i], pd[j] = p->padding[i];
    /* PyTorch's ceil_mode size is the largest valid one */
    const int64_t num = in[j] + 2 * pd[j] - d[j] * (k[j] - 1) - 1;
    if (num < 0)
      return wt_error(WT_EINVAL, "%s: kernel extent %lld exceeds padded input %lld in dim %d", fn,
                      (long long)(d[j] * (k[j] - 1) + 1), (long long)(in[j] + 2 * pd[j]), i);
    int64_t max_out = (num + s[j] - 1) / s[j] + 1;
    if ((max_out - 1) * s[j] >= in[j] + pd[j]) max_out--;
    if (o[j] > max_out)
      return wt_error(WT_EINVAL, "%s: out_size[%d] = %lld exceeds the largest possible %lld", fn, i,
                      (long long)o[j], (long long)max_out);
  }
  /* three int32 sizes can overflow int64: the last product is checked too */
  int64_t in_sp, out_sp, t;
  if (!wt_mul_i64(in[0] * in[1], in[2], &in_sp) || !wt_mul_i64(o[0] * o[1], o[2], &out_sp) ||
      !wt_mul_i64(p->planes, in_sp, &t) || t > (int64_t)(SIZE_MAX / 4) || !wt_mul_i64(p->planes, out_sp, &t) ||
      t > (int64_t)(SIZE_MAX / 8) || k[0] * k[1] > 4096)
    return wt_error(WT_EINVAL, "%s: sizes overflow", fn);
  return WT_OK;
}

wt_status wt_maxpool_forward_f32(const wt_pool_params *p, float *out, int64_t *indices,
                                 const float *x) {
  static const char *fn = "wt_maxpool_forward_f32";
  WT_CHECK_PTR(p, fn, "p");
  WT_CHECK_PTR(out, fn, "out");
  WT_CHECK_PTR(x, fn, "x");
  wt_pool_geom g;
  wt_status st = wt_pool_check(fn, p, &g);
  if (st != WT_OK) return st;
  const int64_t *in = g.in, *o = g.o, *k = g.k, *s = g.s, *pd = g.pd, *d = g.d;
  const int64_t in_sp = in[0] * in[1] * in[2], out_sp = o[0] * o[1] * o[2];

  /* MaxPool2d(2) and the like: one kernel call per plane instead of per output row (the
   * per-row window setup cost as much as the pooling). The outer dim, if any, is a plain
   * stride-1 axis here, so its slices are planes too. */
  if (indices == NULL && k[0] == 1 && s[0] == 1 && pd[0] == 0 && o[0] == in[0] && k[1] == 2 && k[2] == 2 &&
      s[1] == 2 && s[2] == 2 && pd[1] == 0 && pd[2] == 0 && d[1] == 1 && d[2] == 1 && 2 * o[1] <= in[1] &&
      2 * o[2] <= in[2]) {
    for (int64_t pl = 0; pl < p->planes * in[0]; pl++)
      WT_UKERNEL(wt_f32_maxpool2x2_ukernel)((size_t)o[1], (size_t)o[2], x + pl * in[1] * in[2], (size_t)in[2],
                                            out + pl * o[1] * o[2]);
    return WT_OK;
  }
  /* window rows of the two outer dims; k[0]*k[1] <= 4096 keeps this on the stack */
  const float *rows[4096];
  int64_t base[4096];
  for (int64_t pl = 0; pl < p->planes; pl++) {
    const float *xp = x + pl * in_sp;
    for (int64_t od = 0; od < o[0]; od++)
      for (int64_t oh = 0; oh < o[1]; oh++) {
        size_t n = 0;
        for (int64_t kd = 0; kd < k[0]; kd++) {
          const int64_t id = od * s[0] - pd[0] + kd * d[0];
          if (id < 0 || id >= in[0]) continue;
          for (int64_t kh = 0; kh < k[1]; kh++) {
            const int64_t ih = oh * s[1] - pd[1] + kh * d[1];
            if (ih < 0 || ih >= in[1]) continue;
            base[n] = (id * in[1] + ih) * in[2];
            rows[n] = xp + base[n];
            n++;
          }
        }
        const int64_t off = pl * out_sp + (od * o[1] + oh) * o[2];
        if (n == 0) {
          /* window entirely in padding along an outer dim: -inf at PyTorch's initial
           * index (first lattice position of each dim) */
          int64_t id = od * s[0] - pd[0], ih = oh * s[1] - pd[1];
          while (id < 0) id += d[0];
          while (ih < 0) ih += d[1];
          for (int64_t ow = 0; ow < o[2]; ow++) {
            int64_t iw = ow * s[2] - pd[2];
            while (iw < 0) iw += d[2];
            out[off + ow] = -INFINITY;
            if (indices != NULL) indices[off + ow] = (id * in[1] + ih) * in[2] + iw;
          }
          continue;
        }
        WT_UKERNEL(wt_f32_maxpool_ukernel)((size_t)o[2], n, rows, base, (size_t)in[2], (size_t)k[2], (size_t)s[2],
                                           (size_t)pd[2], (size_t)d[2], out + off,
                                           indices != NULL ? indices + off : NULL);
      }
  }
  return WT_OK;
}

wt_status wt_avgpool_forward_f32(const wt_pool_params *p, float *out, const float *x,
                                 int32_t count_include_pad, int32_t divisor_override) {
  static const char *fn = "wt_avgpool_forward_f32";
  WT_CHECK_PTR(p, fn, "p");
  WT_CHECK_PTR(out, fn, "out");
  WT_CHECK_PTR(x, fn, "x");
  if (count_include_pad != 0 && count_include_pad != 1)
    return wt_error(WT_EINVAL, "%s: count_include_pad must be 0 or 1, got %d", fn, count_include_pad);
  if (divisor_override < 0) return wt_error(WT_EINVAL, "%s: divisor_override must be >= 0, got %d", fn, divisor_override);
  wt_pool_geom g;
  wt_status st = wt_pool_check(fn, p, &g);
  if (st != WT_OK) return st;
  for (int i = 0; i < 3; i++)
    if (g.d[i] != 1) return wt_error(WT_EINVAL, "%s: dilation must be 1, got %lld", fn, (long long)g.d[i]);
  const int64_t *in = g.in, *o = g.o, *k = g.k, *s = g.s, *pd = g.pd;
  const int64_t in_sp = in[0] * in[1] * in[2], out_sp = o[0] * o[1] * o[2];
  float *div = wt_scratch_alloc(o[2] * (int64_t)sizeof(float));
  if (div == NULL) return wt_error(WT_ENOMEM, "%s: cannot allocate divisor scratch", fn);
  const float *rows[4096];
  for (int64_t pl = 0; pl < p->planes; pl++) {
    const float *xp = x + pl * in_sp;
    for (int64_t od = 0; od < o[0]; od++)
      for (int64_t oh = 0; oh < o[1]; oh++) {
        /* per dim: [a0, a1) clipped to the padded input gives the count_include_pad size,
         * clipped to the input the summed range */
        int64_t a0[2], a1[2], padded = 1, inside = 1;
        const int64_t oo[2] = {od, oh};
        for (int j = 0; j < 2; j++) {
          a0[j] = oo[j] * s[j] - pd[j];
          a1[j] = a0[j] + k[j] < in[j] + pd[j] ? a0[j] + k[j] : in[j] + pd[j];
          padded *= a1[j] - a0[j];
          if (a0[j] < 0) a0[j] = 0;
          if (a1[j] > in[j]) a1[j] = in[j];
          inside *= a1[j] > a0[j] ? a1[j] - a0[j] : 0;
        }
        size_t n = 0;
        for (int64_t id = a0[0]; id < a1[0]; id++)
          for (int64_t ih = a0[1]; ih < a1[1]; ih++) rows[n++] = xp + (id * in[1] + ih) * in[2];
        for (int64_t ow = 0; ow < o[2]; ow++) {
          const int64_t w0 = ow * s[2] - pd[2];
          const int64_t w1 = w0 + k[2] < in[2] + pd[2] ? w0 + k[2] : in[2] + pd[2];
          const int64_t c0 = w0 < 0 ? 0 : w0, c1 = w1 > in[2] ? in[2] : w1;
          int64_t dv = divisor_override > 0 ? divisor_override
                       : count_include_pad ? padded * (w1 - w0)
                                           : inside * (c1 > c0 ? c1 - c0 : 0);
          /* an empty window sums to 0; any nonzero divisor keeps it 0 like PyTorch */
          div[ow] = dv > 0 ? (float)dv : 1.0f;
        }
        WT_UKERNEL(wt_f32_avgpool_ukernel)((size_t)o[2], n, rows, (size_t)in[2], (size_t)k[2], (size_t)s[2],
                                           (ptrdiff_t)pd[2], div, out + pl * out_sp + (od * o[1] + oh) * o[2]);
      }
  }
  wt_scratch_free(div);
  return WT_OK;
}

/* One plane of window pooling with per-output windows [lo[j][o], hi[j][o]) per dim j (3-d
 * normalised). op WT_MEAN divides by the window size; WT_MAX reports indices if asked.
 * tmp holds in[2] floats. */
static void wt_window_pool_plane(int op, float *out, int64_t *indices, const float *x, const int64_t in[3],
                                 const int64_t o[3], int64_t *const lo[3], int64_t *const hi[3], float *tmp) {
  static const float ones[16] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
  for (int64_t od = 0; od < o[0]; od++)
    for (int64_t oh = 0; oh < o[1]; oh++) {
      float *y = out + (od * o[1] + oh) * o[2];
      if (indices != NULL) {
        int64_t *yi = indices + (od * o[1] + oh) * o[2];
        for (int64_t ow = 0; ow < o[2]; ow++) {
          float m = -INFINITY;
          int64_t mi = (lo[0][od] * in[1] + lo[1][oh]) * in[2] + lo[2][ow];
          for (int64_t id = lo[0][od]; id < hi[0][od]; id++)
            for (int64_t ih = lo[1][oh]; ih < hi[1][oh]; ih++)
              for (int64_t iw = lo[2][ow]; iw < hi[2][ow]; iw++) {
                const int64_t at = (id * in[1] + ih) * in[2] + iw;
                if (x[at] > m || isnan(x[at])) m = x[at], mi = at; /* PyTorch CPU order: last NaN wins */
              }
          y[ow] = m;
          yi[ow] = mi;
        }
        continue;
      }
      /* combine the window's rows column-wise into tmp */
      const float *rows[16];
      size_t n = 0;
      int first = 1;
      for (int64_t id = lo[0][od]; id < hi[0][od]; id++)
        for (int64_t ih = lo[1][oh]; ih < hi[1][oh]; ih++) {
          const float *row = x + (id * in[1] + ih) * in[2];
          if (op == WT_MAX) {
            if (first) memcpy(tmp, row, (size_t)in[2] * sizeof(float));
            else WT_UKERNEL(wt_f32_vbinary_ukernel)(WT_MAXIMUM, (size_t)in[2], tmp, row, tmp);
            first = 0;
            continue;
          }
          rows[n++] = row;
          if (n == 16) {
            WT_UKERNEL(wt_f32_vblend_ukernel)((size_t)in[2], n, rows, ones, tmp, !first);
            n = 0, first = 0;
          }
        }
      if (op == WT_MEAN && n > 0) WT_UKERNEL(wt_f32_vblend_ukernel)((size_t)in[2], n, rows, ones, tmp, !first);
      const int64_t outer = (hi[0][od] - lo[0][od]) * (hi[1][oh] - lo[1][oh]);
      for (int64_t ow = 0; ow < o[2]; ow++) {
        const size_t len = (size_t)(hi[2][ow] - lo[2][ow]);
        if (op == WT_MAX) y[ow] = WT_UKERNEL(wt_f32_rmax_ukernel)(len, tmp + lo[2][ow]);
        else y[ow] = WT_UKERNEL(wt_f32_rsum_ukernel)(len, tmp + lo[2][ow]) / (float)(outer * (int64_t)len);
      }
    }
}

/* Validates ndim/planes/sizes (kernel may be NULL) and fills 3-d in/o (leading 1s). */
static wt_status wt_window_check(const char *fn, int32_t ndim, int32_t planes, const int32_t *in_size,
                                 const int32_t *out_size, int64_t in[3], int64_t o[3]) {
  if (ndim < 1 || ndim > 3) return wt_error(WT_EINVAL, "%s: ndim must be 1, 2 or 3, got %d", fn, ndim);
  WT_CHECK_POS(planes, fn, "planes");
  WT_CHECK_PTR(in_size, fn, "in_size");
  WT_CHECK_PTR(out_size, fn, "out_size");
  for (int i = 0; i < 3; i++) in[i] = o[i] = 1;
  for (int i = 0; i < ndim; i++) {
    if (in_size[i] < 1) return wt_error(WT_EINVAL, "%s: in_size[%d] must be >= 1, got %d", fn, i, in_size[i]);
    if (out_size[i] < 1) return wt_error(WT_EINVAL, "%s: out_size[%d] must be >= 1, got %d", fn, i, out_size[i]);
    in[3 - ndim + i] = in_size[i], o[3 - ndim + i] = out_size[i];
  }
  /* three int32 sizes can overflow int64: the last product is checked too */
  int64_t in_sp, o_sp, t;
  if (!wt_mul_i64(in[0] * in[1], in[2], &in_sp) || !wt_mul_i64(o[0] * o[1], o[2], &o_sp) ||
      !wt_mul_i64(planes, in_sp, &t) || t > (int64_t)(SIZE_MAX / 4) ||
      !wt_mul_i64(planes, o_sp, &t) || t > (int64_t)(SIZE_MAX / 8))
    return wt_error(WT_EINVAL, "%s: sizes overflow", fn);
  return WT_OK;
}

/* Scratch of one window run: lo/hi tables of the three dims and the combined row. */
typedef struct {
  int64_t *lo[3], *hi[3];
  float *tmp;
  void *mem;
} wt_window_scratch;

static int wt_window_alloc(wt_window_scratch *w, const int64_t in[3], const int64_t o[3]) {
  const int64_t n = 2 * (o[0] + o[1] + o[2]);
  w->mem = wt_scratch_alloc(n * (int64_t)sizeof(int64_t) + in[2] * (int64_t)sizeof(float));
  if (w->mem == NULL) return 0;
  int64_t *q = w->mem;
  for (int j = 0; j < 3; j++) w->lo[j] = q, q += o[j], w->hi[j] = q, q += o[j];
  w->tmp = (float *)q;
  return 1;
}

wt_status wt_adaptive_pool_forward_f32(int32_t op, float *out, int64_t *indices, const float *x,
                                       int32_t ndim, int32_t planes, const int32_t *in_size,
                                       const int32_t *out_size) {
  static const char *fn = "wt_adaptive_pool_forward_f32";
  WT_CHECK_PTR(out, fn, "out");
  WT_CHECK_PTR(x, fn, "x");
  if (op != WT_MEAN && op != WT_MAX) return wt_error(WT_EINVAL, "%s: op must be WT_MEAN or WT_MAX, got %d", fn, op);
  if (op == WT_MEAN && indices != NULL) return wt_error(WT_EINVAL, "%s: indices are only for WT_MAX", fn);
  int64_t in[3], o[3];
  wt_status st = wt_window_check(fn, ndim, planes, in_size, out_size, in, o);
  if (st != WT_OK) return st;
  wt_window_scratch w;
  if (!wt_window_alloc(&w, in, o)) return wt_error(WT_ENOMEM, "%s: cannot allocate scratch", fn);
  for (int j = 0; j < 3; j++)
    for (int64_t i = 0; i < o[j]; i++) {
      w.lo[j][i] = i * in[j] / o[j];
      w.hi[j][i] = ((i + 1) * in[j] + o[j] - 1) / o[j];
    }
  const int64_t in_sp = in[0] * in[1] * in[2], out_sp = o[0] * o[1] * o[2];
  for (int64_t pl = 0; pl < planes; pl++)
    wt_window_pool_plane(op, out + pl * out_sp, indices != NULL ? indices + pl * out_sp : NULL, x + pl * in_sp, in,
                         o, w.lo, w.hi, w.tmp);
  wt_scratch_free(w.mem);
  return WT_OK;
}

wt_status wt_fractional_maxpool_forward_f32(float *out, int64_t *indices, const float *x,
                                            const float *samples, int32_t ndim, int32_t planes,
                                            const int32_t *in_size, const int32_t *out_size,
                                            const int32_t *kernel) {
  static const char *fn = "wt_fractional_maxpool_forward_f32";
  WT_CHECK_PTR(out, fn, "out");
  WT_CHECK_PTR(x, fn, "x");
  WT_CHECK_PTR(samples, fn, "samples");
  WT_CHECK_PTR(kernel, fn, "kernel");
  int64_t in[3], o[3], k[3] = {1, 1, 1};
  wt_status st = wt_window_check(fn, ndim, planes, in_size, out_size, in, o);
  if (st != WT_OK) return st;
  for (int i = 0; i < ndim; i++) {
    const int j = 3 - ndim + i;
    if (kernel[i] < 1) return wt_error(WT_EINVAL, "%s: kernel[%d] must be >= 1, got %d", fn, i, kernel[i]);
    if (o[j] + kernel[i] - 1 > in[j])
      return wt_error(WT_EINVAL, "%s: pool size %d too large relative to input size %lld and output size %lld (dim %d)",
                      fn, kernel[i], (long long)in[j], (long long)o[j], i);
    k[j] = kernel[i];
  }
  for (int64_t i = 0; i < (int64_t)planes * ndim; i++)
    if (!(samples[i] >= 0.0f && samples[i] < 1.0f))
      return wt_error(WT_EINVAL, "%s: samples[%lld] = %g is outside [0, 1)", fn, (long long)i, (double)samples[i]);
  wt_window_scratch w;
  if (!wt_window_alloc(&w, in, o)) return wt_error(WT_ENOMEM, "%s: cannot allocate scratch", fn);
  const int64_t in_sp = in[0] * in[1] * in[2], out_sp = o[0] * o[1] * o[2];
  for (int64_t pl = 0; pl < planes; pl++) {
    for (int j = 0; j < 3; j++) {
      const int i = j - (3 - ndim); /* spatial dim of j, < 0 for a leading 1 */
      /* PyTorch's order: 2-d samples are (w, h), 3-d samples are (t, h, w) */
      const float u = i < 0 ? 0.0f : samples[pl * ndim + (ndim == 2 ? 1 - i : i)];
      const float alpha = o[j] > 1 ? (float)(in[j] - k[j]) / (float)(o[j] - 1) : 0.0f;
      for (int64_t q = 0; q + 1 < o[j]; q++)
        w.lo[j][q] = (int64_t)(((float)q + u) * alpha) - (int64_t)(u * alpha);
      w.lo[j][o[j] - 1] = in[j] - k[j];
      for (int64_t q = 0; q < o[j]; q++) w.hi[j][q] = w.lo[j][q] + k[j];
    }
    wt_window_pool_plane(WT_MAX, out + pl * out_sp, indices != NULL ? indices + pl * out_sp : NULL, x + pl * in_sp,
                         in, o, w.lo, w.hi, w.tmp);
  }
  wt_scratch_free(w.mem);
  return WT_OK;
}

wt_status wt_maxunpool_forward_f32(float *out, const float *x, const int64_t *indices,
                                   int32_t planes, int32_t in_numel, int32_t out_numel) {
  static const char *fn = "wt_maxunpool_forward_f32";
  WT_CHECK_PTR(out, fn, "out");
  WT_CHECK_PTR(x, fn, "x");
  WT_CHECK_PTR(indices, fn, "indices");
  WT_CHECK_POS(planes, fn, "planes");
  WT_CHECK_POS(in_numel, fn, "in_numel");
  WT_CHECK_POS(out_numel, fn, "out_numel");
  int64_t t;
  if (!wt_mul_i64(planes, in_numel, &t) || t > (int64_t)(SIZE_MAX / 8) || !wt_mul_i64(planes, out_numel, &t) ||
      t > (int64_t)(SIZE_MAX / 4))
    return wt_error(WT_EINVAL, "%s: sizes overflow", fn);
  memset(out, 0, (size_t)t * sizeof(float));
  for (int64_t pl = 0; pl < planes; pl++)
    for (int64_t i = 0; i < in_numel; i++) {
      const int64_t at = indices[pl * in_numel + i];
      if (at < 0 || at >= out_numel)
        return wt_error(WT_EINVAL, "%s: index %lld at position %lld of plane %lld is outside [0, %d)", fn,
                        (long long)at, (long long)i, (long long)pl, out_numel);
      out[pl * out_numel + at] = x[pl * in_numel + i];
    }
  return WT_OK;
}
