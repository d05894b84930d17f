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

void wt_f32_vscaleshift_affine_ukernel__wasmsimd(size_t n, const float *x, float scale, float shift,
                                                 const float *w, const float *b, float *y) {
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
  wt_f32_vscaleshift_affine_ukernel__scalar(n - i, x + i, scale, shift, w != NULL ? w + i : NULL,
                                            b != NULL ? b + i : NULL, y + i);
}

void wt_f32_vsqradd_ukernel__wasmsimd(size_t n, const float *x, float *acc) {
  size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    const v128_t v = wasm_v128_load(x + i);
    wasm_v128_store(acc + i, wasm_f32x4_add(wasm_v128_load(acc + i), wasm_f32x4_mul(v, v)));
  }
  for (; i < n; i++) acc[i] += x[i] * x[i];
}
