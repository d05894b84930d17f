/* f32-reduce SIMD128 kernels over one contiguous row (n >= 1). */
#include "kernels/kernels.h"
#include "simd.h"
#include "webtorch.h"

static float wt_hsum(v128_t v) {
  return (wasm_f32x4_extract_lane(v, 0) + wasm_f32x4_extract_lane(v, 2)) +
         (wasm_f32x4_extract_lane(v, 1) + wasm_f32x4_extract_lane(v, 3));
}

/* 16 running partials per block of <= 1024; longer rows split pairwise (see scalar). */
float wt_f32_rsum_ukernel__wasmsimd(size_t n, const float *x) {
  if (n > 1024) {
    size_t h = (n / 2) & ~(size_t)15;
    return wt_f32_rsum_ukernel__wasmsimd(h, x) + wt_f32_rsum_ukernel__wasmsimd(n - h, x + h);
  }
  v128_t a0 = wasm_f32x4_splat(0.0f), a1 = a0, a2 = a0, a3 = a0;
  size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    a0 = wasm_f32x4_add(a0, wasm_v128_load(x + i));
    a1 = wasm_f32x4_add(a1, wasm_v128_load(x + i + 4));
    a2 = wasm_f32x4_add(a2, wasm_v128_load(x + i + 8));
    a3 = wasm_f32x4_add(a3, wasm_v128_load(x + i + 12));
  }
  for (; i + 4 <= n; i += 4) a0 = wasm_f32x4_add(a0, wasm_v128_load(x + i));
  float s = wt_hsum(wasm_f32x4_add(wasm_f32x4_add(a0, a1), wasm_f32x4_add(a2, a3)));
  for (; i < n; i++) s += x[i];
  return s;
}

#define WT_RMINMAX(name, VOP, SOP)                                                   \
  float wt_f32_##name##_ukernel__wasmsimd(size_t n, const float *x) {               \
    if (n < 4) return wt_f32_##name##_ukernel__scalar(n, x);                         \
    v128_t m = wasm_v128_load(x);                                                    \
    size_t i = 4;                                                                    \
    for (; i + 4 <= n; i += 4) m = VOP(m, wasm_v128_load(x + i));                    \
    float r = wt_f32_binary_scalar(SOP, wt_f32_binary_scalar(SOP, wasm_f32x4_extract_lane(m, 0), wasm_f32x4_extract_lane(m, 1)), \
                                   wt_f32_binary_scalar(SOP, wasm_f32x4_extract_lane(m, 2), wasm_f32x4_extract_lane(m, 3))); \
    for (; i < n; i++) r = wt_f32_binary_scalar(SOP, r, x[i]);                       \
    return r;                                                                        \
  }

WT_RMINMAX(rmax, wasm_f32x4_max, WT_MAXIMUM)
WT_RMINMAX(rmin, wasm_f32x4_min, WT_MINIMUM)
