/* Resampling: torch.nn.functional.interpolate for nearest, nearest-exact, linear,
 * bilinear, trilinear and bicubic (PyTorch 1.13 CPU rules, float coordinates).
 *   x   [planes, *in_size]
 *   out [planes, *out_size]
 * Separable: per dim a table of taps (source index + weight per output position) is
 * built once. For each output row (plane, od, oh) the outer-dim taps select up to 4x4
 * input rows that the vblend kernel combines column-wise (SIMD over the contiguous row)
 * into a scratch row; the hgather kernel then applies the innermost-dim taps to it.
 * PyTorch nests the sums innermost-first ((x00*w0 + x01*w1)*h0 + ...); blending the
 * rows first reorders the same products, a rounding-level difference. Runs as 3-d with
 * leading dims of size 1. */
#include <math.h>

#include "internal.h"
#include "kernels/kernels.h"

/* PyTorch's compute_scales_value / area_pixel_compute_scale (float). */
static float wt_resample_scale(int mode, int64_t in, int64_t out, int align_corners, double scale) {
  if (align_corners && mode >= WT_RESAMPLE_LINEAR) return out > 1 ? (float)(in - 1) / (float)(out - 1) : 0.0f;
  return scale > 0 ? (float)(1.0 / scale) : (float)in / (float)out;
}

/* Float -> index conversion clamped to [lo, hi] (truncation, like the cast it
 * replaces): extreme user scales make source coordinates huge, inf or NaN, and those must
 * not reach a float -> int cast (undefined behaviour in C). NaN gives lo. */
static int64_t wt_src_index(float f, int64_t lo, int64_t hi) {
  if (!(f > (float)lo)) return lo;
  if (!(f < (float)hi)) return hi;
  return (int64_t)f;
}

/* Fills the taps of one dim: idx/w [taps, out] (tap-major, the hgather layout). */
static void wt_resample_taps(int mode, int64_t in, int64_t out, int align_corners, double scale, int32_t *idx,
                             float *w) {
  const float sc = wt_resample_scale(mode, in, out, align_corners, scale);
  for (int64_t o = 0; o < out; o++) {
    if (mode == WT_RESAMPLE_NEAREST || mode == WT_RESAMPLE_NEAREST_EXACT) {
      int64_t i;
      if (mode == WT_RESAMPLE_NEAREST) {
        /* PyTorch's nearest_idx: exact shortcuts for scale 1 and 2 */
        i = out == in ? o : out == 2 * in ? o >> 1 : wt_src_index(floorf((float)o * sc), 0, in - 1);
      } else {
        i = wt_src_index(floorf((float)(((double)o + 0.5) * (double)sc)), 0, in - 1);
      }
      idx[o] = (int32_t)(i < in - 1 ? i : in - 1);
      w[o] = 1.0f;
      continue;
    }
    const int cubic = mode == WT_RESAMPLE_CUBIC;
    float src = align_corners ? sc * (float)o : sc * ((float)o + 0.5f) - 0.5f;
    if (!cubic && src < 0.0f) src = 0.0f;
    if (!cubic) {
      const int64_t i0 = wt_src_index(src, 0, in - 1);
      float l = src - (float)i0;
      l = l < 0.0f ? 0.0f : l > 1.0f ? 1.0f : l;
      idx[o] = (int32_t)i0;
      idx[out + o] = (int32_t)(i0 < in - 1 ? i0 + 1 : i0);
      w[o] = 1.0f - l;
      w[out + o] = l;
      continue;
    }
    const float fl = floorf(src), t = src - fl, A = -0.75f;
    const float t1 = t + 1.0f, u = 1.0f - t, u1 = u + 1.0f;
    const float c[4] = {((A * t1 - 5.0f * A) * t1 + 8.0f * A) * t1 - 4.0f * A, ((A + 2.0f) * t - (A + 3.0f)) * t * t + 1.0f,
                        ((A + 2.0f) * u - (A + 3.0f)) * u * u + 1.0f, ((A * u1 - 5.0f * A) * u1 + 8.0f * A) * u1 - 4.0f * A};
    for (int j = 0; j < 4; j++) {
      int64_t i = wt_src_index(fl, -2, in + 1) - 1 + j;
      i = i < 0 ? 0 : i > in - 1 ? in - 1 : i;
      idx[j * out + o] = (int32_t)i;
      w[j * out + o] = c[j];
    }
  }
}

wt_status wt_interpolate_f32(int32_t mode, float *out, const float *x, int32_t ndim,
                             int32_t planes, const int32_t *in_size, const int32_t *out_size,
                             int32_t align_corners, double scale0, double scale1, double scale2) {
  static const char *fn = "wt_interpolate_f32";
  WT_CHECK_PTR(out, fn, "out");
  WT_CHECK_PTR(x, fn, "x");
  WT_CHECK_PTR(in_size, fn, "in_size");
  WT_CHECK_PTR(out_size, fn, "out_size");
  if (mode < WT_RESAMPLE_NEAREST || mode > WT_RESAMPLE_CUBIC) return wt_error(WT_EINVAL, "%s: unknown mode %d", fn, mode);
  if (align_corners != 0 && align_corners != 1)
    return wt_error(WT_EINVAL, "%s: align_corners must be 0 or 1, got %d", fn, align_corners);
  if (align_corners && mode < WT_RESAMPLE_LINEAR)
    return wt_error(WT_EINVAL, "%s: align_corners is only for the linear and cubic modes", fn);
  if (ndim < 1 || ndim > 3) return wt_error(WT_EINVAL, "%s: ndim must be 1, 2 or 3, got %d", fn, ndim);
  WT_CHECK_POS(planes, fn, "planes");
  const double scales_in[3] = {scale0, scale1, scale2};
  int64_t in[3] = {1, 1, 1}, o[3] = {1, 1, 1};
  double sc[3] = {0, 0, 0};
  for (int i = 0; i < ndim; i++) {
    if (in_size[i] < 1) return wt_error(WT_EINVAL, "%s: in_size[%d] must be >= 1, got %d", fn, i, in_size[i]);
    if (out_size[i] < 1) return wt_error(WT_EINVAL, "%s: out_size[%d] must be >= 1, got %d", fn, i, out_size[i]);
    if (!(scales_in[i] >= 0 && isfinite(scales_in[i])))
      return wt_error(WT_EINVAL, "%s: scale%d must be finite and >= 0, got %g", fn, i, scales_in[i]);
    in[3 - ndim + i] = in_size[i], o[3 - ndim + i] = out_size[i], sc[3 - ndim + i] = scales_in[i];
  }
  /* three int32 sizes can overflow int64: the last product is checked too */
  int64_t in_n, o_n, t;
  if (!wt_mul_i64(in[0] * in[1], in[2], &in_n) || !wt_mul_i64(o[0] * o[1], o[2], &o_n) ||
      !wt_mul_i64(planes, in_n, &t) || t > (int64_t)(SIZE_MAX / 4) ||
      !wt_mul_i64(planes, o_n, &t) || t > (int64_t)(SIZE_MAX / 4))
    return wt_error(WT_EINVAL, "%s: sizes overflow", fn);
  const int64_t taps = mode == WT_RESAMPLE_CUBIC ? 4 : mode == WT_RESAMPLE_LINEAR ? 2 : 1;
  /* scratch: per dim idx + w tables, then one blended row */
  const int64_t ntab = taps * (o[0] + o[1] + o[2]);
  void *mem = wt_scratch_alloc(ntab * (int64_t)(sizeof(int32_t) + sizeof(float)) + in[2] * (int64_t)sizeof(float));
  if (mem == NULL) return wt_error(WT_ENOMEM, "%s: cannot allocate scratch", fn);
  int32_t *idx[3];
  float *w[3];
  float *fp = mem;
  for (int j = 0; j < 3; j++) w[j] = fp, fp += taps * o[j];
  float *row = fp;
  fp += in[2];
  int32_t *ip = (int32_t *)fp;
  for (int j = 0; j < 3; j++) idx[j] = ip, ip += taps * o[j];
  for (int j = 0; j < 3; j++) {
    /* a leading size-1 dim has the identity tap, whatever the mode */
    if (j < 3 - ndim) {
      for (int64_t q = 0; q < taps; q++) idx[j][q] = 0, w[j][q] = q == 0 ? 1.0f : 0.0f;
      continue;
    }
    wt_resample_taps(mode, in[j], o[j], align_corners, sc[j], idx[j], w[j]);
  }
  /* dims 0 and 1 contribute only their first tap when they are leading size-1 dims */
  const int64_t taps0 = 3 - ndim > 0 ? 1 : taps, taps1 = 3 - ndim > 1 ? 1 : taps;
  const int64_t in_sp = in[0] * in[1] * in[2], out_sp = o[0] * o[1] * o[2];
  for (int64_t pl = 0; pl < planes; pl++) {
    const float *xp = x + pl * in_sp;
    for (int64_t od = 0; od < o[0]; od++)
      for (int64_t oh = 0; oh < o[1]; oh++) {
        const float *rows[16];
        float rw[16];
        size_t n = 0;
        for (int64_t a = 0; a < taps0; a++)
          for (int64_t b = 0; b < taps1; b++) {
            rows[n] = xp + ((int64_t)idx[0][a * o[0] + od] * in[1] + idx[1][b * o[1] + oh]) * in[2];
            rw[n] = w[0][a * o[0] + od] * w[1][b * o[1] + oh];
            n++;
          }
        const float *src = rows[0];
        /* a single row with weight 1 (1-d, or nearest) needs no blend */
        if (n > 1 || rw[0] != 1.0f) {
          WT_UKERNEL(wt_f32_vblend_ukernel)((size_t)in[2], n, rows, rw, row, 0);
          src = row;
        }
        WT_UKERNEL(wt_f32_hgather_ukernel)((size_t)o[2], (size_t)taps, src, idx[2], w[2],
                                           out + pl * out_sp + (od * o[1] + oh) * o[2]);
      }
  }
  wt_scratch_free(mem);
  return WT_OK;
}
