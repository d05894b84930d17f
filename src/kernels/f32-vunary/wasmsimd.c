/* f32-vunary SIMD128 kernels: y[i] = f(x[i]). Main loop 8 floats (two vectors), then
 * one vector, then an exact tail through a stack buffer (no over-read/over-write). */
#include <string.h>

#include "kernels/kernels.h"
#include "kernels/f32-vunary/wasmsimd-math.h"

static inline v128_t wt_f32x4_relu(v128_t x) {
  /* max(x, 0) that keeps NaN: select 0 only where x < 0 (false for NaN) */
  return wt_f32x4_select(wasm_f32x4_lt(x, wasm_f32x4_splat(0.0f)), wasm_f32x4_splat(0.0f), x);
}
static inline v128_t wt_f32x4_negate(v128_t x) { return wasm_f32x4_neg(x); }
static inline v128_t wt_f32x4_absval(v128_t x) { return wasm_f32x4_abs(x); }
static inline v128_t wt_f32x4_sqrtv(v128_t x) { return wasm_f32x4_sqrt(x); }

#define WT_VUNARY_WASMSIMD(name, vfn)                                               \
  void wt_f32_##name##_ukernel__wasmsimd(size_t n, const float *x, float *y) {     \
    for (; n >= 8; n -= 8, x += 8, y += 8) {                                        \
      v128_t v0 = wasm_v128_load(x);                                                \
      v128_t v1 = wasm_v128_load(x + 4);                                            \
      wasm_v128_store(y, vfn(v0));                                                  \
      wasm_v128_store(y + 4, vfn(v1));                                              \
    }                                                                               \
    for (; n >= 4; n -= 4, x += 4, y += 4) wasm_v128_store(y, vfn(wasm_v128_load(x))); \
    if (n != 0) {                                                                   \
      float buf[4] = {0.0f, 0.0f, 0.0f, 0.0f};                                      \
      memcpy(buf, x, n * sizeof(float));                                            \
      wasm_v128_store(buf, vfn(wasm_v128_load(buf)));                               \
      memcpy(y, buf, n * sizeof(float));                                            \
    }                                                                               \
  }

WT_VUNARY_WASMSIMD(vrelu, wt_f32x4_relu)
WT_VUNARY_WASMSIMD(vsigmoid, wt_f32x4_sigmoid)
WT_VUNARY_WASMSIMD(vtanh, wt_f32x4_tanh)
WT_VUNARY_WASMSIMD(vexp, wt_f32x4_exp)
WT_VUNARY_WASMSIMD(vlog, wt_f32x4_log)
WT_VUNARY_WASMSIMD(vneg, wt_f32x4_negate)
WT_VUNARY_WASMSIMD(vabs, wt_f32x4_absval)
WT_VUNARY_WASMSIMD(vsqrt, wt_f32x4_sqrtv)
