/* Data movement.
 *   wt_copy_strided: out[shape] contiguous <- x strided view of shape (elem_size bytes)
 *   wt_cast:         out[n] (out_dtype) <- x[n] (x_dtype)
 * The copy coalesces dims like wt_binary_f32, so a contiguous view is one memcpy and a
 * transposed one copies whole unit-stride runs where there are any. */
#include <string.h>

#include "internal.h"

#define WT_MAX_NDIM 8

wt_status wt_copy_strided(void *out, const void *x, int32_t elem_size, int32_t ndim,
                          const int32_t *shape, const int32_t *strides) {
  static const char *fn = "wt_copy_strided";
  WT_CHECK_PTR(out, fn, "out");
  WT_CHECK_PTR(x, fn, "x");
  if (elem_size != 1 && elem_size != 4 && elem_size != 8)
    return wt_error(WT_EINVAL, "%s: elem_size must be 1, 4 or 8, got %d", fn, elem_size);
  if (ndim < 0 || ndim > WT_MAX_NDIM) return wt_error(WT_EINVAL, "%s: ndim must be in 0..8, got %d", fn, ndim);
  if (ndim > 0) {
    WT_CHECK_PTR(shape, fn, "shape");
    WT_CHECK_PTR(strides, fn, "strides");
  }
  int64_t total = 1;
  for (int32_t k = 0; k < ndim; k++) {
    if (shape[k] < 1) return wt_error(WT_EINVAL, "%s: shape[%d] must be >= 1, got %d", fn, k, shape[k]);
    if (strides[k] < 0) return wt_error(WT_EINVAL, "%s: strides[%d] must be >= 0, got %d", fn, k, strides[k]);
    if (!wt_mul_i64(total, shape[k], &total) || total > (int64_t)(SIZE_MAX / 8))
      return wt_error(WT_EINVAL, "%s: number of elements overflows", fn);
  }
  int64_t sh[WT_MAX_NDIM], st[WT_MAX_NDIM];
  int nd = 0;
  for (int32_t k = ndim - 1; k >= 0; k--) {
    if (shape[k] == 1) continue;
    if (nd > 0 && st[nd - 1] * sh[nd - 1] == strides[k]) {
      sh[nd - 1] *= shape[k];
      continue;
    }
    sh[nd] = shape[k];
    st[nd] = strides[k];
    nd++;
  }
  const size_t es = (size_t)elem_size;
  if (nd == 0) {
    memcpy(out, x, es);
    return WT_OK;
  }
  const unsigned char *px = x;
  unsigned char *po = out;
  const size_t n = (size_t)sh[0];
  const size_t s0 = (size_t)st[0] * es;
  int64_t idx[WT_MAX_NDIM] = {0};
  for (;;) {
    if (st[0] == 1) {
      memcpy(po, px, n * es);
    } else if (es == 4) {
      for (size_t i = 0; i < n; i++) memcpy(po + i * 4, px + i * s0, 4);
    } else if (es == 8) {
      for (size_t i = 0; i < n; i++) memcpy(po + i * 8, px + i * s0, 8);
    } else {
      for (size_t i = 0; i < n; i++) po[i] = px[i * s0];
    }
    po += n * es;
    int k = 1;
    for (; k < nd; k++) {
      px += st[k] * (int64_t)es;
      if (++idx[k] < sh[k]) break;
      px -= st[k] * sh[k] * (int64_t)es;
      idx[k] = 0;
    }
    if (k >= nd) break;
  }
  return WT_OK;
}

/* float -> int with x86's answer (INT_MIN) for NaN and out-of-range, never C UB */
static inline int64_t wt_f2i64(float v) {
  if (!(v >= -9223372036854775808.0f && v < 9223372036854775808.0f)) return INT64_MIN;
  return (int64_t)v;
}
static inline int32_t wt_f2i32(float v) {
  if (!(v >= -2147483648.0f && v < 2147483648.0f)) return INT32_MIN;
  return (int32_t)v;
}

wt_status wt_cast(void *out, int32_t out_dtype, const void *x, int32_t x_dtype, int32_t n) {
  static const char *fn = "wt_cast";
  if (out_dtype < WT_F32 || out_dtype > WT_BOOL) return wt_error(WT_EINVAL, "%s: unknown out_dtype %d", fn, out_dtype);
  if (x_dtype < WT_F32 || x_dtype > WT_BOOL) return wt_error(WT_EINVAL, "%s: unknown x_dtype %d", fn, x_dtype);
  if (n < 0) return wt_error(WT_EINVAL, "%s: n must be >= 0, got %d", fn, n);
  if (n == 0) return WT_OK;
  WT_CHECK_PTR(out, fn, "out");
  WT_CHECK_PTR(x, fn, "x");
  static const size_t size_of[] = {4, 8, 4, 1};
  const size_t N = (size_t)n;
  if (out_dtype == x_dtype) {
    memmove(out, x, N * size_of[x_dtype]);
    return WT_OK;
  }
  /* read every element as one of three carriers, then write the target */
  for (size_t i = 0; i < N; i++) {
    float f = 0.0f;
    int64_t q = 0;
    int is_float = 0;
    switch (x_dtype) {
      case WT_F32: memcpy(&f, (const char *)x + 4 * i, 4); is_float = 1; break;
      case WT_I64: memcpy(&q, (const char *)x + 8 * i, 8); break;
      case WT_I32: { int32_t v; memcpy(&v, (const char *)x + 4 * i, 4); q = v; break; }
      default: q = ((const unsigned char *)x)[i] != 0; break;
    }
    switch (out_dtype) {
      case WT_F32: { float v = is_float ? f : (float)q; memcpy((char *)out + 4 * i, &v, 4); break; }
      case WT_I64: { int64_t v = is_float ? wt_f2i64(f) : q; memcpy((char *)out + 8 * i, &v, 8); break; }
      case WT_I32: {
        /* int64 -> int32 keeps the low 32 bits (torch wraps), done without UB */
        int32_t v = is_float ? wt_f2i32(f) : (int32_t)(uint32_t)(uint64_t)q;
        memcpy((char *)out + 4 * i, &v, 4);
        break;
      }
      default: ((unsigned char *)out)[i] = is_float ? (f != 0.0f) : (q != 0); break;
    }
  }
  return WT_OK;
}
