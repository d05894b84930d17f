/* f32-gemm 4x8 SIMD128 kernel: 4 rows x 8 columns of C live in 8 f32x4 accumulators;
 * each k broadcasts one A value per row against two packed B vectors (mul + add; wasm
 * SIMD128 has no fma). K is unrolled by 4: one 16-byte load per A row feeds 4 steps via
 * lane shuffles. Rows beyond mr alias the last valid row (computed twice, stored to the
 * same place, so nothing outside the mr rows is read or written). */
#include <string.h>

#include "kernels/kernels.h"
#include "simd.h"

#define WT_SPLAT_LANE(v, l) wasm_i32x4_shuffle(v, v, l, l, l, l)

/* Adds the old C row (exactly nc floats read) into the accumulators. */
static inline void wt_add_row(const float *c, size_t nc, v128_t *v0, v128_t *v1) {
  float t[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  if (nc == 8) {
    *v0 = wasm_f32x4_add(*v0, wasm_v128_load(c));
    *v1 = wasm_f32x4_add(*v1, wasm_v128_load(c + 4));
    return;
  }
  memcpy(t, c, nc * sizeof(float));
  *v0 = wasm_f32x4_add(*v0, wasm_v128_load(t));
  *v1 = wasm_f32x4_add(*v1, wasm_v128_load(t + 4));
}

/* Stores exactly nc floats of the row. */
static inline void wt_store_row(float *c, size_t nc, v128_t v0, v128_t v1) {
  if (nc == 8) {
    wasm_v128_store(c, v0);
    wasm_v128_store(c + 4, v1);
    return;
  }
  float t[8];
  wasm_v128_store(t, v0);
  wasm_v128_store(t + 4, v1);
  memcpy(c, t, nc * sizeof(float));
}

void wt_f32_gemm_ukernel_4x8__wasmsimd(size_t mr, size_t nc, size_t kc, const float *a,
                                       size_t a_stride, const float *w, float *c,
                                       size_t c_stride, int accumulate) {
  const float *a0 = a;
  const float *a1 = mr > 1 ? a0 + a_stride : a0;
  const float *a2 = mr > 2 ? a1 + a_stride : a1;
  const float *a3 = mr > 3 ? a2 + a_stride : a2;
  float *c0 = c;
  float *c1 = mr > 1 ? c0 + c_stride : c0;
  float *c2 = mr > 2 ? c1 + c_stride : c1;
  float *c3 = mr > 3 ? c2 + c_stride : c2;

  v128_t acc00 = wasm_v128_load(w), acc01 = wasm_v128_load(w + 4);
  v128_t acc10 = acc00, acc11 = acc01, acc20 = acc00, acc21 = acc01, acc30 = acc00, acc31 = acc01;
  w += 8;

#define WT_STEP(x0, x1, x2, x3)                                          \
  do {                                                                   \
    const v128_t b0 = wasm_v128_load(w), b1 = wasm_v128_load(w + 4);     \
    w += 8;                                                              \
    acc00 = wasm_f32x4_add(acc00, wasm_f32x4_mul(x0, b0));               \
    acc01 = wasm_f32x4_add(acc01, wasm_f32x4_mul(x0, b1));               \
    acc10 = wasm_f32x4_add(acc10, wasm_f32x4_mul(x1, b0));               \
    acc11 = wasm_f32x4_add(acc11, wasm_f32x4_mul(x1, b1));               \
    acc20 = wasm_f32x4_add(acc20, wasm_f32x4_mul(x2, b0));               \
    acc21 = wasm_f32x4_add(acc21, wasm_f32x4_mul(x2, b1));               \
    acc30 = wasm_f32x4_add(acc30, wasm_f32x4_mul(x3, b0));               \
    acc31 = wasm_f32x4_add(acc31, wasm_f32x4_mul(x3, b1));               \
  } while (0)

  size_t k = 0;
  for (; k + 4 <= kc; k += 4) {
    const v128_t va0 = wasm_v128_load(a0 + k), va1 = wasm_v128_load(a1 + k);
    const v128_t va2 = wasm_v128_load(a2 + k), va3 = wasm_v128_load(a3 + k);
    WT_STEP(WT_SPLAT_LANE(va0, 0), WT_SPLAT_LANE(va1, 0), WT_SPLAT_LANE(va2, 0), WT_SPLAT_LANE(va3, 0));
    WT_STEP(WT_SPLAT_LANE(va0, 1), WT_SPLAT_LANE(va1, 1), WT_SPLAT_LANE(va2, 1), WT_SPLAT_LANE(va3, 1));
    WT_STEP(WT_SPLAT_LANE(va0, 2), WT_SPLAT_LANE(va1, 2), WT_SPLAT_LANE(va2, 2), WT_SPLAT_LANE(va3, 2));
    WT_STEP(WT_SPLAT_LANE(va0, 3), WT_SPLAT_LANE(va1, 3), WT_SPLAT_LANE(va2, 3), WT_SPLAT_LANE(va3, 3));
  }
  for (; k < kc; k++) {
    WT_STEP(wasm_f32x4_splat(a0[k]), wasm_f32x4_splat(a1[k]), wasm_f32x4_splat(a2[k]), wasm_f32x4_splat(a3[k]));
  }
#undef WT_STEP

  /* All old C rows are read before any store: aliased rows then compute identical
   * values, so storing them twice is harmless. */
  if (accumulate) {
    wt_add_row(c0, nc, &acc00, &acc01);
    wt_add_row(c1, nc, &acc10, &acc11);
    wt_add_row(c2, nc, &acc20, &acc21);
    wt_add_row(c3, nc, &acc30, &acc31);
  }
  wt_store_row(c3, nc, acc30, acc31);
  wt_store_row(c2, nc, acc20, acc21);
  wt_store_row(c1, nc, acc10, acc11);
  wt_store_row(c0, nc, acc00, acc01);
}
