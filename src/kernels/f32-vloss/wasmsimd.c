/* f32-vloss SIMD128 kernels: 4 elements per step with the shared SIMD exp/log, then an
 * exact tail through stack buffers (no over-read/over-write). Same formulas as scalar.c. */
#include <string.h>

#include "kernels/kernels.h"
#include "kernels/f32-vunary/wasmsimd-math.h"
#include "webtorch.h"

/* max that keeps NaN of a (fmaxf would drop it; PyTorch's std::max(NaN, -100) keeps NaN) */
static inline v128_t wt_f32x4_clamp_min(v128_t a, v128_t lo) {
  return wt_f32x4_select(wasm_f32x4_lt(a, lo), lo, a);
}

static inline v128_t wt_vloss(int op, v128_t a, v128_t b, v128_t pw, v128_t p) {
  const v128_t one = wasm_f32x4_splat(1.0f), half = wasm_f32x4_splat(0.5f), zero = wasm_f32x4_splat(0.0f);
  v128_t d = wasm_f32x4_sub(a, b), z = wasm_f32x4_abs(d);
  switch (op) {
    case WT_LOSS_MSE: return wasm_f32x4_mul(d, d);
    case WT_LOSS_L1: return z;
    case WT_LOSS_SMOOTH_L1:
      return wt_f32x4_select(wasm_f32x4_lt(z, p), wasm_f32x4_div(wasm_f32x4_mul(wasm_f32x4_mul(half, z), z), p),
                             wasm_f32x4_sub(z, wasm_f32x4_mul(half, p)));
    case WT_LOSS_HUBER:
      return wt_f32x4_select(wasm_f32x4_lt(z, p), wasm_f32x4_mul(wasm_f32x4_mul(half, z), z),
                             wasm_f32x4_mul(p, wasm_f32x4_sub(z, wasm_f32x4_mul(half, p))));
    case WT_LOSS_BCE: {
      const v128_t lo = wasm_f32x4_splat(-100.0f);
      v128_t l1 = wt_f32x4_clamp_min(wt_f32x4_log1p(wasm_f32x4_neg(a)), lo);
      v128_t l0 = wt_f32x4_clamp_min(wt_f32x4_log(a), lo);
      return wasm_f32x4_sub(wasm_f32x4_mul(wasm_f32x4_sub(b, one), l1), wasm_f32x4_mul(b, l0));
    }
    case WT_LOSS_BCE_LOGITS: {
      v128_t m = wasm_f32x4_max(wasm_f32x4_neg(a), zero);
      v128_t s = wasm_f32x4_add(wt_f32x4_exp(wasm_f32x4_neg(m)), wt_f32x4_exp(wasm_f32x4_sub(wasm_f32x4_neg(a), m)));
      v128_t lse = wasm_f32x4_add(wt_f32x4_log(s), m);
      v128_t lw = wasm_f32x4_add(wasm_f32x4_mul(wasm_f32x4_sub(pw, one), b), one);
      return wasm_f32x4_add(wasm_f32x4_mul(wasm_f32x4_sub(one, b), a), wasm_f32x4_mul(lw, lse));
    }
    case WT_LOSS_KL_DIV: {
      v128_t xlogy = wt_f32x4_select(wasm_f32x4_eq(b, zero), zero, wasm_f32x4_mul(b, wt_f32x4_log(b)));
      return wasm_f32x4_sub(xlogy, wasm_f32x4_mul(b, a));
    }
    default: return wasm_f32x4_mul(wt_f32x4_exp(b), wasm_f32x4_neg(d)); /* WT_LOSS_KL_DIV_LOG */
  }
}

void wt_f32_vloss_ukernel__wasmsimd(int op, size_t n, const float *x, const float *y, const float *pw,
                                    float *out, float param) {
  const v128_t p = wasm_f32x4_splat(param), one = wasm_f32x4_splat(1.0f);
  size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    v128_t w = pw ? wasm_v128_load(pw + i) : one;
    wasm_v128_store(out + i, wt_vloss(op, wasm_v128_load(x + i), wasm_v128_load(y + i), w, p));
  }
  if (i < n) {
    const size_t r = n - i;
    float a[4] = {0, 0, 0, 0}, b[4] = {0, 0, 0, 0}, w[4] = {1, 1, 1, 1}, o[4];
    memcpy(a, x + i, r * sizeof(float));
    memcpy(b, y + i, r * sizeof(float));
    if (pw) memcpy(w, pw + i, r * sizeof(float));
    wasm_v128_store(o, wt_vloss(op, wasm_v128_load(a), wasm_v128_load(b), wasm_v128_load(w), p));
    memcpy(out + i, o, r * sizeof(float));
  }
}
