/* Padding like torch.nn.functional.pad (constant, reflect, replicate, circular; negative
 * pads crop).
 *   x   [in_shape...] (ndim 1..8)
 *   out [in_shape[k] + pad_before[k] + pad_after[k] ...]
 * For every dim a map out-index -> in-index (-1 = constant fill) is built once. The map of
 * the innermost dim is then cut once into segments: runs of consecutive inputs (the
 * unpadded middle of a row is a single run) and runs of fill. Every output row is written
 * segment by segment with memcpy / a fill, walking the outer dims with an odometer. */
#include <string.h>

#include "internal.h"

#define WT_MAX_NDIM 8

/* constant fill of n floats: the first 4 written one by one, then doubled with memcpy
 * (log n calls instead of n stores; memcpy is the bulk copy of wasm) */
static void wt_fill(float *p, int64_t n, float value) {
  int64_t done = n < 4 ? n : 4;
  for (int64_t i = 0; i < done; i++) p[i] = value;
  while (done < n) {
    const int64_t c = done < n - done ? done : n - done;
    memcpy(p + done, p, (size_t)c * sizeof(float));
    done += c;
  }
}

wt_status wt_pad_f32(int32_t mode, float *out, const float *x, int32_t ndim,
                     const int32_t *in_shape, const int32_t *pad_before,
                     const int32_t *pad_after, float value) {
  static const char *fn = "wt_pad_f32";
  if (mode < WT_PAD_CONSTANT || mode > WT_PAD_CIRCULAR) return wt_error(WT_EINVAL, "%s: unknown mode %d", fn, mode);
  WT_CHECK_PTR(out, fn, "out");
  WT_CHECK_PTR(x, fn, "x");
  WT_CHECK_PTR(in_shape, fn, "in_shape");
  WT_CHECK_PTR(pad_before, fn, "pad_before");
  WT_CHECK_PTR(pad_after, fn, "pad_after");
  if (ndim < 1 || ndim > WT_MAX_NDIM) return wt_error(WT_EINVAL, "%s: ndim must be in 1..8, got %d", fn, ndim);
  int64_t osh[WT_MAX_NDIM], tin = 1, tout = 1, msum = 0;
  for (int32_t k = 0; k < ndim; k++) {
    const int64_t n = in_shape[k], b = pad_before[k], a = pad_after[k];
    if (n < 1) return wt_error(WT_EINVAL, "%s: in_shape[%d] must be >= 1, got %lld", fn, k, (long long)n);
    osh[k] = n + b + a;
    if (osh[k] < 1)
      return wt_error(WT_EINVAL, "%s: dim %d of size %lld padded by (%lld, %lld) gives size %lld, must be > 0", fn, k,
                      (long long)n, (long long)b, (long long)a, (long long)osh[k]);
    if (mode == WT_PAD_REFLECT && (b >= n || a >= n))
      return wt_error(WT_EINVAL, "%s: reflect padding (%lld, %lld) must be < the size %lld of dim %d", fn, (long long)b,
                      (long long)a, (long long)n, k);
    /* circular pads wrap around the cropped dim (what remains after negative pads) */
    const int64_t kept = n - (b < 0 ? -b : 0) - (a < 0 ? -a : 0);
    if (mode == WT_PAD_CIRCULAR && (b > kept || a > kept))
      return wt_error(WT_EINVAL, "%s: circular padding (%lld, %lld) must be <= the size %lld of dim %d after cropping",
                      fn, (long long)b, (long long)a, (long long)kept, k);
    if (!wt_mul_i64(tin, n, &tin) || !wt_mul_i64(tout, osh[k], &tout) || tin > (int64_t)(SIZE_MAX / 4) ||
        tout > (int64_t)(SIZE_MAX / 4) || osh[k] > INT32_MAX)
      return wt_error(WT_EINVAL, "%s: sizes overflow", fn);
    msum += osh[k];
  }
  /* the per-dim maps, then up to 3 ints per segment of the innermost dim */
  int32_t *map = wt_scratch_alloc((msum + 3 * osh[ndim - 1]) * (int64_t)sizeof(int32_t));
  if (map == NULL) return wt_error(WT_ENOMEM, "%s: cannot allocate scratch", fn);
  int32_t *mk[WT_MAX_NDIM];
  int64_t istride[WT_MAX_NDIM];
  int64_t acc = 1;
  for (int32_t k = ndim - 1; k >= 0; k--) istride[k] = acc, acc *= in_shape[k];
  int32_t *m = map;
  for (int32_t k = 0; k < ndim; k++) {
    mk[k] = m;
    m += osh[k];
    const int64_t n = in_shape[k];
    /* circular: the source is the cropped range [crop, crop + kept) of the input */
    const int64_t crop = pad_before[k] < 0 ? -(int64_t)pad_before[k] : 0;
    const int64_t kept = n - crop - (pad_after[k] < 0 ? -(int64_t)pad_after[k] : 0);
    for (int64_t o = 0; o < osh[k]; o++) {
      int64_t i = o - pad_before[k];
      switch (mode) {
        case WT_PAD_CONSTANT: if (i < 0 || i >= n) i = -1; break;
        case WT_PAD_REFLECT: if (i < 0) i = -i; if (i >= n) i = 2 * (n - 1) - i; break;
        case WT_PAD_REPLICATE: if (i < 0) i = 0; if (i >= n) i = n - 1; break;
        default: i = crop + (((i - crop) % kept) + kept) % kept; break;
      }
      mk[k][o] = (int32_t)i;
    }
  }
  const int last = ndim - 1;
  const int64_t W = osh[last];
  const int32_t *mw = mk[last];
  /* segments of the innermost dim: seg[3s] = output start, seg[3s+1] = input start or -1
   * (fill), seg[3s+2] = length */
  int32_t *seg = map + msum;
  int64_t nseg = 0;
  for (int64_t j = 0; j < W;) {
    const int32_t i = mw[j];
    int64_t r = 1;
    if (i < 0) {
      while (j + r < W && mw[j + r] < 0) r++;
    } else {
      while (j + r < W && mw[j + r] == i + r) r++;
    }
    seg[3 * nseg] = (int32_t)j, seg[3 * nseg + 1] = i, seg[3 * nseg + 2] = (int32_t)r;
    nseg++;
    j += r;
  }
  int64_t idx[WT_MAX_NDIM] = {0};
  float *po = out;
  for (;;) {
    /* input offset of this row, or -1 when an outer index falls in constant padding */
    int64_t base = 0;
    for (int k = 0; k < last; k++) {
      const int32_t i = mk[k][idx[k]];
      if (i < 0) { base = -1; break; }
      base += i * istride[k];
    }
    if (base < 0) {
      wt_fill(po, W, value);
    } else {
      for (int64_t sg = 0; sg < nseg; sg++) {
        const int32_t *d = seg + 3 * sg;
        if (d[1] < 0) wt_fill(po + d[0], d[2], value);
        else memcpy(po + d[0], x + base + d[1], (size_t)d[2] * sizeof(float));
      }
    }
    po += W;
    int k = last - 1;
    for (; k >= 0; k--) {
      if (++idx[k] < osh[k]) break;
      idx[k] = 0;
    }
    if (k < 0) break;
  }
  wt_scratch_free(map);
  return WT_OK;
}
