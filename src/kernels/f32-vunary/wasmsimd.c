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

/* ---- activations (formulas and operation order as PyTorch 1.13's CPU kernels) ---- */

#define WT_SPLAT(v) wasm_f32x4_splat(v)

static inline v128_t wt_f32x4_selu(v128_t x) {
  /* PyTorch: x > 0 ? x * scale : expm1(x) * (alpha * scale), the product taken in float */
  const float scale = 1.0507009873554804934f, negcoef = 1.6732632423543772848f * scale;
  return wt_f32x4_select(wasm_f32x4_gt(x, WT_SPLAT(0.0f)), wasm_f32x4_mul(x, WT_SPLAT(scale)),
                         wasm_f32x4_mul(wt_f32x4_expm1(x), WT_SPLAT(negcoef)));
}
static inline v128_t wt_f32x4_silu(v128_t x) {
  /* x / (1 + exp(-x)): -0 (not a subnormal) for large negative x, like PyTorch */
  return wasm_f32x4_div(x, wasm_f32x4_add(WT_SPLAT(1.0f), wt_f32x4_exp(wasm_f32x4_neg(x))));
}
static inline v128_t wt_f32x4_mish(v128_t x) {
  return wasm_f32x4_mul(x, wt_f32x4_tanh(wt_f32x4_log1p(wt_f32x4_exp(x))));
}
static inline v128_t wt_f32x4_softsign(v128_t x) {
  return wasm_f32x4_div(x, wasm_f32x4_add(wasm_f32x4_abs(x), WT_SPLAT(1.0f)));
}
/* min(max(x + 3, 0), 6) with NaN propagating (wasm min/max do) */
static inline v128_t wt_f32x4_relu6_of_x3(v128_t x) {
  return wasm_f32x4_min(wasm_f32x4_max(wasm_f32x4_add(x, WT_SPLAT(3.0f)), WT_SPLAT(0.0f)), WT_SPLAT(6.0f));
}
static inline v128_t wt_f32x4_hardsigmoid(v128_t x) {
  return wasm_f32x4_div(wt_f32x4_relu6_of_x3(x), WT_SPLAT(6.0f));
}
static inline v128_t wt_f32x4_hardswish(v128_t x) {
  return wasm_f32x4_div(wasm_f32x4_mul(x, wt_f32x4_relu6_of_x3(x)), WT_SPLAT(6.0f));
}
static inline v128_t wt_f32x4_gelu(v128_t x) {
  v128_t e = wt_f32x4_erf(wasm_f32x4_mul(x, WT_SPLAT(0.70710678118654752440f)));
  return wasm_f32x4_mul(wasm_f32x4_mul(x, WT_SPLAT(0.5f)), wasm_f32x4_add(WT_SPLAT(1.0f), e));
}
static inline v128_t wt_f32x4_gelu_tanh(v128_t x) {
  v128_t cube = wasm_f32x4_mul(wasm_f32x4_mul(x, x), x);
  v128_t inner = wasm_f32x4_mul(WT_SPLAT(0.79788456080286535588f),
                                wasm_f32x4_add(x, wasm_f32x4_mul(WT_SPLAT(0.044715f), cube)));
  return wasm_f32x4_mul(wasm_f32x4_mul(WT_SPLAT(0.5f), x), wasm_f32x4_add(WT_SPLAT(1.0f), wt_f32x4_tanh(inner)));
}
static inline v128_t wt_f32x4_logsigmoid(v128_t x) {
  v128_t z = wt_f32x4_exp(wasm_f32x4_neg(wasm_f32x4_abs(x)));
  return wasm_f32x4_sub(wasm_f32x4_min(x, WT_SPLAT(0.0f)), wt_f32x4_log1p(z));
}
static inline v128_t wt_f32x4_tanhshrink(v128_t x) { return wasm_f32x4_sub(x, wt_f32x4_tanh(x)); }

WT_VUNARY_WASMSIMD(vselu, wt_f32x4_selu)
WT_VUNARY_WASMSIMD(vsilu, wt_f32x4_silu)
WT_VUNARY_WASMSIMD(vmish, wt_f32x4_mish)
WT_VUNARY_WASMSIMD(vsoftsign, wt_f32x4_softsign)
WT_VUNARY_WASMSIMD(vhardsigmoid, wt_f32x4_hardsigmoid)
WT_VUNARY_WASMSIMD(vhardswish, wt_f32x4_hardswish)
WT_VUNARY_WASMSIMD(vgelu, wt_f32x4_gelu)
WT_VUNARY_WASMSIMD(vgelu_tanh, wt_f32x4_gelu_tanh)
WT_VUNARY_WASMSIMD(vlogsigmoid, wt_f32x4_logsigmoid)
WT_VUNARY_WASMSIMD(vtanhshrink, wt_f32x4_tanhshrink)

/* ---- parameterised activations: a = splat(p0), b = splat(p1) ---- */

static inline v128_t wt_f32x4_leaky_relu(v128_t x, v128_t slope, v128_t unused) {
  (void)unused;
  return wt_f32x4_select(wasm_f32x4_gt(x, WT_SPLAT(0.0f)), x, wasm_f32x4_mul(x, slope));
}
static inline v128_t wt_f32x4_elu(v128_t x, v128_t alpha, v128_t input_scale) {
  v128_t neg = wasm_f32x4_mul(wt_f32x4_expm1(wasm_f32x4_mul(x, input_scale)), alpha);
  return wt_f32x4_select(wasm_f32x4_gt(x, WT_SPLAT(0.0f)), x, neg);
}
static inline v128_t wt_f32x4_softplus(v128_t x, v128_t beta, v128_t threshold) {
  v128_t z = wasm_f32x4_mul(x, beta);
  v128_t soft = wasm_f32x4_div(wt_f32x4_log1p(wt_f32x4_exp(z)), beta);
  return wt_f32x4_select(wasm_f32x4_gt(z, threshold), x, soft);
}
static inline v128_t wt_f32x4_hardtanh(v128_t x, v128_t lo, v128_t hi) {
  return wasm_f32x4_min(wasm_f32x4_max(x, lo), hi);
}
static inline v128_t wt_f32x4_threshold(v128_t x, v128_t threshold, v128_t value) {
  return wt_f32x4_select(wasm_f32x4_le(x, threshold), value, x);
}
static inline v128_t wt_f32x4_hardshrink(v128_t x, v128_t lambd, v128_t unused) {
  (void)unused;
  v128_t inside = wasm_v128_and(wasm_f32x4_ge(x, wasm_f32x4_neg(lambd)), wasm_f32x4_le(x, lambd));
  return wt_f32x4_select(inside, WT_SPLAT(0.0f), x);
}
static inline v128_t wt_f32x4_softshrink(v128_t x, v128_t lambd, v128_t unused) {
  (void)unused;
  /* everything else, NaN included, is 0 (PyTorch 1.13 CPU) */
  v128_t y = wt_f32x4_select(wasm_f32x4_lt(x, wasm_f32x4_neg(lambd)), wasm_f32x4_add(x, lambd), WT_SPLAT(0.0f));
  return wt_f32x4_select(wasm_f32x4_gt(x, lambd), wasm_f32x4_sub(x, lambd), y);
}

#define WT_VUNARYP_WASMSIMD(name, vfn)                                                          \
  void wt_f32_##name##_ukernel__wasmsimd(size_t n, const float *x, float *y, float p0, float p1) { \
    const v128_t a = wasm_f32x4_splat(p0), b = wasm_f32x4_splat(p1);                             \
    for (; n >= 8; n -= 8, x += 8, y += 8) {                                                     \
      v128_t v0 = wasm_v128_load(x);                                                             \
      v128_t v1 = wasm_v128_load(x + 4);                                                         \
      wasm_v128_store(y, vfn(v0, a, b));                                                         \
      wasm_v128_store(y + 4, vfn(v1, a, b));                                                     \
    }                                                                                            \
    for (; n >= 4; n -= 4, x += 4, y += 4) wasm_v128_store(y, vfn(wasm_v128_load(x), a, b));     \
    if (n != 0) {                                                                                \
      float buf[4] = {0.0f, 0.0f, 0.0f, 0.0f};                                                   \
      memcpy(buf, x, n * sizeof(float));                                                         \
      wasm_v128_store(buf, vfn(wasm_v128_load(buf), a, b));                                      \
      memcpy(y, buf, n * sizeof(float));                                                         \
    }                                                                                            \
  }

WT_VUNARYP_WASMSIMD(vleaky_relu, wt_f32x4_leaky_relu)
WT_VUNARYP_WASMSIMD(velu, wt_f32x4_elu)
WT_VUNARYP_WASMSIMD(vsoftplus, wt_f32x4_softplus)
WT_VUNARYP_WASMSIMD(vhardtanh, wt_f32x4_hardtanh)
WT_VUNARYP_WASMSIMD(vthreshold, wt_f32x4_threshold)
WT_VUNARYP_WASMSIMD(vhardshrink, wt_f32x4_hardshrink)
WT_VUNARYP_WASMSIMD(vsoftshrink, wt_f32x4_softshrink)
