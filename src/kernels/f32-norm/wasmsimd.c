/* f32-norm SIMD128 kernels (see kernels.h for the contracts). Tails of fewer than 4
 * elements run the scalar loop, so nothing is read or written past n. */
#include "kernels/kernels.h"
#include "simd.h"

/* 16 partials per block of <= 1024 (like wt_f32_rsum_ukernel__wasmsimd); longer rows are
 * split pairwise so the rounding error grows like log(n). */
float wt_f32_rsumsqdev_ukernel__wasmsimd(size_t n, const float *x, float c) {
  if (n > 1024) {
    size_t h = (n / 2) & ~(size_t)15;
    return wt_f32_rsumsqdev_ukernel__wasmsimd(h, x, c) + wt_f32_rsumsqdev_ukernel__wasmsimd(n - h, x + h, c);
  }
  const v128_t vc = wasm_f32x4_splat(c);
  v128_t a0 = wasm_f32x4_splat(0.0f), a1 = a0, a2 = a0, a3 = a0;
  size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    const v128_t d0 = wasm_f32x4_sub(wasm_v128_load(x + i), vc);
    const v128_t d1 = wasm_f32x4_sub(wasm_v128_load(x + i + 4), vc);
    const v128_t d2 = wasm_f32x4_sub(wasm_v128_load(x + i + 8), vc);
    const v128_t d3 = wasm_f32x4_sub(wasm_v128_load(x + i + 12), vc);
    a0 = wasm_f32x4_add(a0, wasm_f32x4_mul(d0, d0));
    a1 = wasm_f32x4_add(a1, wasm_f32x4_mul(d1, d1));
    a2 = wasm_f32x4_add(a2, wasm_f32x4_mul(d2, d2));
    a3 = wasm_f32x4_add(a3, wasm_f32x4_mul(d3, d3));
  }
  for (; i + 4 <= n; i += 4) {
    const v128_t d = wasm_f32x4_sub(wasm_v128_load(x + i), vc);
    a0 = wasm_f32x4_add(a0, wasm_f32x4_mul(d, d));
  }
  const v128_t a = wasm_f32x4_add(wasm_f32x4_add(a0, a1), wasm_f32x4_add(a2, a3));
  float s = (wasm_f32x4_extract_lane(a, 0) + wasm_f32x4_extract_lane(a, 2)) +
            (wasm_f32x4_extract_lane(a, 1) + wasm_f32x4_extract_lane(a, 3));
  for (; i < n; i++) {
    const float d = x[i] - c;
    s += d * d;
  }
  return s;
}

void wt_f32_vscaleshift_ukernel__wasmsimd(size_t n, const float *x, float scale, float shift, float *y) {
  const v128_t vs = wasm_f32x4_splat(scale), vb = wasm_f32x4_splat(shift);
  size_t i = 0;
  for (; i + 4 <= n; i += 4) wasm_v128_store(y + i, wasm_f32x4_add(wasm_f32x4_mul(wasm_v128_load(x + i), vs), vb));
  for (; i < n; i++) y[i] = x[i] * scale + shift;
}

/* One row of vscaleshift_affine. */
static void wt_scaleshift_affine_row(size_t n, const float *x, float scale, float shift, const float *w,
                                     const float *b, float *y) {
  const v128_t vs = wasm_f32x4_splat(scale), vb = wasm_f32x4_splat(shift);
  size_t i = 0;
  /* LayerNorm's usual case gets its own loop, 8 floats a step: tests on w and b inside the
   * loop cost V8 as much as the arithmetic */
  if (w != NULL && b != NULL) {
    for (; i + 8 <= n; i += 8) {
      const v128_t v0 = wasm_f32x4_add(wasm_f32x4_mul(wasm_v128_load(x + i), vs), vb);
      const v128_t v1 = wasm_f32x4_add(wasm_f32x4_mul(wasm_v128_load(x + i + 4), vs), vb);
      wasm_v128_store(y + i, wasm_f32x4_add(wasm_f32x4_mul(v0, wasm_v128_load(w + i)), wasm_v128_load(b + i)));
      wasm_v128_store(y + i + 4,
                      wasm_f32x4_add(wasm_f32x4_mul(v1, wasm_v128_load(w + i + 4)), wasm_v128_load(b + i + 4)));
    }
  }
  for (; i + 4 <= n; i += 4) {
    v128_t v = wasm_f32x4_add(wasm_f32x4_mul(wasm_v128_load(x + i), vs), vb);
    if (w != NULL) v = wasm_f32x4_mul(v, wasm_v128_load(w + i));
    if (b != NULL) v = wasm_f32x4_add(v, wasm_v128_load(b + i));
    wasm_v128_store(y + i, v);
  }
  wt_f32_vscaleshift_affine_ukernel__scalar(1, n - i, x + i, &scale, &shift, w != NULL ? w + i : NULL,
                                            b != NULL ? b + i : NULL, y + i);
}

/* (x*s + t)*w + b, PyTorch's order */
static inline v128_t wt_affine(v128_t x, v128_t s, v128_t t, v128_t w, v128_t b) {
  return wasm_f32x4_add(wasm_f32x4_mul(wasm_f32x4_add(wasm_f32x4_mul(x, s), t), w), b);
}

/* Four rows with both w and b, 8 columns a step. Per vector the single-row loop does three
 * loads and a store, and the loads are what bound it; here each w and b vector is loaded once
 * for the four rows. Bumped pointers let V8 fold every address into its load (an index costs
 * an add per array). */
static void wt_scaleshift_affine_4rows(size_t n, const float *x, const float *scale, const float *shift,
                                       const float *w, const float *b, float *y) {
  const v128_t s0 = wasm_f32x4_splat(scale[0]), s1 = wasm_f32x4_splat(scale[1]);
  const v128_t s2 = wasm_f32x4_splat(scale[2]), s3 = wasm_f32x4_splat(scale[3]);
  const v128_t t0 = wasm_f32x4_splat(shift[0]), t1 = wasm_f32x4_splat(shift[1]);
  const v128_t t2 = wasm_f32x4_splat(shift[2]), t3 = wasm_f32x4_splat(shift[3]);
  const float *x0 = x, *x1 = x + n, *x2 = x + 2 * n, *x3 = x + 3 * n;
  float *y0 = y, *y1 = y + n, *y2 = y + 2 * n, *y3 = y + 3 * n;
  for (size_t k = n / 8; k > 0; k--) {
    v128_t vw = wasm_v128_load(w), vb = wasm_v128_load(b);
    wasm_v128_store(y0, wt_affine(wasm_v128_load(x0), s0, t0, vw, vb));
    wasm_v128_store(y1, wt_affine(wasm_v128_load(x1), s1, t1, vw, vb));
    wasm_v128_store(y2, wt_affine(wasm_v128_load(x2), s2, t2, vw, vb));
    wasm_v128_store(y3, wt_affine(wasm_v128_load(x3), s3, t3, vw, vb));
    vw = wasm_v128_load(w + 4), vb = wasm_v128_load(b + 4);
    wasm_v128_store(y0 + 4, wt_affine(wasm_v128_load(x0 + 4), s0, t0, vw, vb));
    wasm_v128_store(y1 + 4, wt_affine(wasm_v128_load(x1 + 4), s1, t1, vw, vb));
    wasm_v128_store(y2 + 4, wt_affine(wasm_v128_load(x2 + 4), s2, t2, vw, vb));
    wasm_v128_store(y3 + 4, wt_affine(wasm_v128_load(x3 + 4), s3, t3, vw, vb));
    w += 8, b += 8, x0 += 8, x1 += 8, x2 += 8, x3 += 8, y0 += 8, y1 += 8, y2 += 8, y3 += 8;
  }
  const size_t tail = n % 8;
  for (size_t r = 0; r < 4; r++)
    wt_f32_vscaleshift_affine_ukernel__scalar(1, tail, x + r * n + n - tail, scale + r, shift + r, w, b,
                                              y + r * n + n - tail);
}

void wt_f32_vscaleshift_affine_ukernel__wasmsimd(size_t rows, size_t n, const float *x, const float *scale,
                                                 const float *shift, const float *w, const float *b, float *y) {
  size_t r = 0;
  if (w != NULL && b != NULL)
    for (; r + 4 <= rows; r += 4) wt_scaleshift_affine_4rows(n, x + r * n, scale + r, shift + r, w, b, y + r * n);
  for (; r < rows; r++) wt_scaleshift_affine_row(n, x + r * n, scale[r], shift[r], w, b, y + r * n);
}

void wt_f32_vsqradd_ukernel__wasmsimd(size_t n, const float *x, float *acc) {
  size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    const v128_t v = wasm_v128_load(x + i);
    wasm_v128_store(acc + i, wasm_f32x4_add(wasm_v128_load(acc + i), wasm_f32x4_mul(v, v)));
  }
  for (; i < n; i++) acc[i] += x[i] * x[i];
}
