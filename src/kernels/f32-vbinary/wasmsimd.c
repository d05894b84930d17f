/* f32-vbinary SIMD128 kernels. The op switch sits outside the loops; each loop does 8
 * floats per step, then 4, then an exact tail through stack buffers.
 * max/min follow torch.maximum/minimum (NaN propagates, -0 < +0). pow has no cheap accurate SIMD form: it goes through powf per element. */
#include <math.h>
#include <string.h>

#include "kernels/kernels.h"
#include "simd.h"
#include "webtorch.h"

/* max/min with the signed-zero rule spelled out: equal inputs give a&b (max: +0 wins)
 * or a|b (min: -0 wins). Real wasm f32x4.max/min already do this; SIMDe's native
 * emulation (used by the tests) does not, so the kernel does not rely on it. */
static inline v128_t wt_vmax(v128_t a, v128_t b) {
  return wasm_v128_bitselect(wasm_v128_and(a, b), wasm_f32x4_max(a, b), wasm_f32x4_eq(a, b));
}
static inline v128_t wt_vmin(v128_t a, v128_t b) {
  return wasm_v128_bitselect(wasm_v128_or(a, b), wasm_f32x4_min(a, b), wasm_f32x4_eq(a, b));
}

/* LOADA/LOADB produce the two operand vectors at offset i (in floats). */
#define WT_VBIN_LOOP(VOP, LOADA, LOADB)                                              \
  do {                                                                               \
    size_t i = 0;                                                                    \
    for (; i + 8 <= n; i += 8) {                                                     \
      v128_t r0 = VOP(LOADA(i), LOADB(i));                                           \
      v128_t r1 = VOP(LOADA(i + 4), LOADB(i + 4));                                   \
      wasm_v128_store(y + i, r0);                                                    \
      wasm_v128_store(y + i + 4, r1);                                                \
    }                                                                                \
    for (; i + 4 <= n; i += 4) wasm_v128_store(y + i, VOP(LOADA(i), LOADB(i)));      \
    if (i < n) {                                                                     \
      const size_t rem = n - i;                                                      \
      float ta[4] = {0, 0, 0, 0}, tb[4] = {0, 0, 0, 0}, ty[4];                       \
      WT_TAIL_FILL(ta, tb, i, rem);                                                  \
      wasm_v128_store(ty, VOP(wasm_v128_load(ta), wasm_v128_load(tb)));              \
      memcpy(y + i, ty, rem * sizeof(float));                                        \
    }                                                                                \
  } while (0)

#define WT_VBIN_SWITCH(LOADA, LOADB, SCALAR_FALLBACK)                                \
  switch (op) {                                                                      \
    case WT_ADD: WT_VBIN_LOOP(wasm_f32x4_add, LOADA, LOADB); break;                  \
    case WT_SUB: WT_VBIN_LOOP(wasm_f32x4_sub, LOADA, LOADB); break;                  \
    case WT_MUL: WT_VBIN_LOOP(wasm_f32x4_mul, LOADA, LOADB); break;                  \
    case WT_DIV: WT_VBIN_LOOP(wasm_f32x4_div, LOADA, LOADB); break;                  \
    case WT_MAXIMUM: WT_VBIN_LOOP(wt_vmax, LOADA, LOADB); break;              \
    case WT_MINIMUM: WT_VBIN_LOOP(wt_vmin, LOADA, LOADB); break;              \
    default: SCALAR_FALLBACK; break;                                                 \
  }

void wt_f32_vbinary_ukernel__wasmsimd(int op, size_t n, const float *a, const float *b, float *y) {
#define LA(i) wasm_v128_load(a + (i))
#define LB(i) wasm_v128_load(b + (i))
#define WT_TAIL_FILL(ta, tb, i, rem)              \
  memcpy(ta, a + (i), (rem) * sizeof(float));     \
  memcpy(tb, b + (i), (rem) * sizeof(float))
  WT_VBIN_SWITCH(LA, LB, wt_f32_vbinary_ukernel__scalar(op, n, a, b, y))
#undef LA
#undef LB
#undef WT_TAIL_FILL
}

void wt_f32_vbinaryc_ukernel__wasmsimd(int op, size_t n, const float *a, float b, float *y) {
  const v128_t vb = wasm_f32x4_splat(b);
#define LA(i) wasm_v128_load(a + (i))
#define LB(i) vb
#define WT_TAIL_FILL(ta, tb, i, rem)              \
  memcpy(ta, a + (i), (rem) * sizeof(float));     \
  wasm_v128_store(tb, vb)
  WT_VBIN_SWITCH(LA, LB, wt_f32_vbinaryc_ukernel__scalar(op, n, a, b, y))
#undef LA
#undef LB
#undef WT_TAIL_FILL
}

void wt_f32_vrbinaryc_ukernel__wasmsimd(int op, size_t n, float a, const float *b, float *y) {
  const v128_t va = wasm_f32x4_splat(a);
#define LA(i) va
#define LB(i) wasm_v128_load(b + (i))
#define WT_TAIL_FILL(ta, tb, i, rem)              \
  wasm_v128_store(ta, va);                        \
  memcpy(tb, b + (i), (rem) * sizeof(float))
  WT_VBIN_SWITCH(LA, LB, wt_f32_vrbinaryc_ukernel__scalar(op, n, a, b, y))
#undef LA
#undef LB
#undef WT_TAIL_FILL
}
