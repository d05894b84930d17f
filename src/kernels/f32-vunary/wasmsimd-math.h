/* SIMD128 approximations of exp, expm1, log, log1p, tanh, sigmoid, erf for 4 floats.
 * Shared (static inline) by f32-vunary and f32-softmax. Accuracy: a few ulp over the
 * whole float range; +-inf, -0, NaN and subnormal results behave like libm.
 *
 * exp: x = n*ln2 + r with |r| <= ln2/2 (Cody-Waite split of ln2 so r is exact), e^r by a
 * degree-7 Taylor polynomial (truncation < 1e-8 relative), then scaled by 2^n as two
 * factors 2^(n/2) * 2^(n - n/2) so that overflow gives +inf and underflow produces
 * correctly scaled subnormals instead of garbage exponents.
 * log: x = 2^e * m, m in [sqrt(1/2), sqrt(2)), f = m - 1, s = f/(2+f);
 * log(1+f) = f - f^2/2 + s*(f^2/2 + R(s^2)) with the atanh series for R (fdlibm's
 * formulation, which keeps relative accuracy near x = 1).
 * log1p: Goldberg's correction log(1+u) * u / ((1+u) - 1), which cancels the rounding of
 * 1+u, so tiny u keep full relative accuracy.
 * erf: |x| < 1: x * P(x^2); |x| >= 1: 1 - exp(-x^2) * Q(1/|x|). P (degree 6) and Q
 * (degree 10) are least-squares fits of erf(x)/x and erfc(x)*exp(x^2) made for webtorch
 * (relative error < 1e-8 before rounding; <= 2 ulp measured in float). */
#ifndef WT_F32_VUNARY_WASMSIMD_MATH_H
#define WT_F32_VUNARY_WASMSIMD_MATH_H

#include "simd.h"

#define WT_LOG2E 1.44269504088896341f
#define WT_LN2_HI 0.693145751953125f /* 16 significant bits: n*WT_LN2_HI is exact */
#define WT_LN2_LO 1.42860676533018708e-06f

/* y where the mask is set, else x; the mask comes from a comparison. */
static inline v128_t wt_f32x4_select(v128_t mask, v128_t y, v128_t x) {
  return wasm_v128_bitselect(y, x, mask);
}

/* 2^n for integer vectors n in [-126, 127]. */
static inline v128_t wt_f32x4_exp2i(v128_t n) {
  return wasm_i32x4_shl(wasm_i32x4_add(n, wasm_i32x4_splat(127)), 23);
}

/* The range reduction exp and expm1 share: n = round(x / ln 2) (in *n), r = x - n ln 2 with ln 2
 * split in two parts so that r stays accurate; |r| <= ln(2)/2. */
static inline v128_t wt_f32x4_exp_reduce(v128_t x, v128_t *n) {
  *n = wasm_f32x4_nearest(wasm_f32x4_mul(x, wasm_f32x4_splat(WT_LOG2E)));
  v128_t r = wasm_f32x4_sub(x, wasm_f32x4_mul(*n, wasm_f32x4_splat(WT_LN2_HI)));
  return wasm_f32x4_sub(r, wasm_f32x4_mul(*n, wasm_f32x4_splat(WT_LN2_LO)));
}

/* q(r) = 1/2 + r/6 + r^2/24 + ... + r^5/5040 (Horner), so that e^r = 1 + r + r^2 q(r). */
static inline v128_t wt_f32x4_exp_tail(v128_t r) {
  v128_t q = wasm_f32x4_splat(1.0f / 5040.0f);
  q = wasm_f32x4_add(wasm_f32x4_mul(q, r), wasm_f32x4_splat(1.0f / 720.0f));
  q = wasm_f32x4_add(wasm_f32x4_mul(q, r), wasm_f32x4_splat(1.0f / 120.0f));
  q = wasm_f32x4_add(wasm_f32x4_mul(q, r), wasm_f32x4_splat(1.0f / 24.0f));
  q = wasm_f32x4_add(wasm_f32x4_mul(q, r), wasm_f32x4_splat(1.0f / 6.0f));
  return wasm_f32x4_add(wasm_f32x4_mul(q, r), wasm_f32x4_splat(0.5f));
}

static inline v128_t wt_f32x4_exp(v128_t x) {
  /* Beyond these bounds exp is 0 / +inf; clamping keeps n within [-150, 128]. */
  v128_t xc = wasm_f32x4_pmin(wasm_f32x4_pmax(x, wasm_f32x4_splat(-104.0f)), wasm_f32x4_splat(89.0f));
  v128_t n;
  const v128_t r = wt_f32x4_exp_reduce(xc, &n);
  v128_t p = wasm_f32x4_add(wasm_f32x4_mul(wt_f32x4_exp_tail(r), r), wasm_f32x4_splat(1.0f));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, r), wasm_f32x4_splat(1.0f));
  v128_t ni = wasm_i32x4_trunc_sat_f32x4(n);
  v128_t h = wasm_i32x4_shr(ni, 1);
  v128_t y = wasm_f32x4_mul(wasm_f32x4_mul(p, wt_f32x4_exp2i(h)), wt_f32x4_exp2i(wasm_i32x4_sub(ni, h)));
  return wt_f32x4_select(wasm_f32x4_ne(x, x), x, y);
}

/* expm1 for x in [-20, 20]; NaN and signed zeros are not handled here (see wt_f32x4_expm1). */
static inline v128_t wt_f32x4_expm1_core(v128_t x) {
  v128_t n;
  const v128_t r = wt_f32x4_exp_reduce(x, &n);
  /* p = e^r - 1 = r + r^2 * (1/2 + r/6 + ...) */
  v128_t p = wasm_f32x4_add(r, wasm_f32x4_mul(wasm_f32x4_mul(r, r), wt_f32x4_exp_tail(r)));
  v128_t s = wt_f32x4_exp2i(wasm_i32x4_trunc_sat_f32x4(n));
  /* 2^n * (1 + p) - 1 = 2^n * p + (2^n - 1); exact p when n == 0 keeps small x accurate */
  return wasm_f32x4_add(wasm_f32x4_mul(s, p), wasm_f32x4_sub(s, wasm_f32x4_splat(1.0f)));
}

/* expm1 over the whole float range: below -20 it rounds to -1 (the clamp gives that),
 * above 20 it equals exp in float. */
static inline v128_t wt_f32x4_expm1(v128_t x) {
  const v128_t lim = wasm_f32x4_splat(20.0f);
  v128_t y = wt_f32x4_expm1_core(wasm_f32x4_pmin(wasm_f32x4_pmax(x, wasm_f32x4_neg(lim)), lim));
  y = wt_f32x4_select(wasm_f32x4_gt(x, lim), wt_f32x4_exp(x), y);
  /* x == 0 keeps its sign (expm1(-0) = -0); NaN propagates */
  y = wt_f32x4_select(wasm_f32x4_eq(x, wasm_f32x4_splat(0.0f)), x, y);
  return wt_f32x4_select(wasm_f32x4_ne(x, x), x, y);
}

static inline v128_t wt_f32x4_tanh(v128_t x) {
  const v128_t sign_mask = wasm_i32x4_splat((int32_t)0x80000000u);
  v128_t ax = wasm_v128_andnot(x, sign_mask);
  /* tanh(10) rounds to 1 in float; clamping keeps expm1 finite. */
  v128_t axc = wasm_f32x4_pmin(ax, wasm_f32x4_splat(10.0f));
  v128_t t = wt_f32x4_expm1_core(wasm_f32x4_add(axc, axc));
  v128_t y = wasm_f32x4_div(t, wasm_f32x4_add(t, wasm_f32x4_splat(2.0f)));
  y = wasm_v128_or(y, wasm_v128_and(x, sign_mask));
  return wt_f32x4_select(wasm_f32x4_ne(x, x), x, y);
}

static inline v128_t wt_f32x4_sigmoid(v128_t x) {
  /* e = exp(-|x|) never overflows; sigmoid = 1/(1+e) for x >= 0, e/(1+e) for x < 0,
   * which keeps relative accuracy (and subnormal results) for large negative x. */
  const v128_t sign_mask = wasm_i32x4_splat((int32_t)0x80000000u);
  v128_t e = wt_f32x4_exp(wasm_v128_or(x, sign_mask));
  v128_t d = wasm_f32x4_add(wasm_f32x4_splat(1.0f), e);
  v128_t pos = wasm_f32x4_div(wasm_f32x4_splat(1.0f), d);
  v128_t neg = wasm_f32x4_div(e, d);
  v128_t y = wt_f32x4_select(wasm_f32x4_lt(x, wasm_f32x4_splat(0.0f)), neg, pos);
  return wt_f32x4_select(wasm_f32x4_ne(x, x), x, y);
}

static inline v128_t wt_f32x4_log(v128_t x) {
  const v128_t one = wasm_f32x4_splat(1.0f);
  /* subnormals: scale by 2^23 so the exponent field is meaningful */
  v128_t sub = wasm_f32x4_lt(x, wasm_f32x4_splat(1.17549435e-38f));
  v128_t xs = wt_f32x4_select(sub, wasm_f32x4_mul(x, wasm_f32x4_splat(8388608.0f)), x);
  v128_t e = wasm_i32x4_sub(wasm_u32x4_shr(xs, 23), wasm_i32x4_splat(127));
  e = wasm_i32x4_sub(e, wasm_v128_and(sub, wasm_i32x4_splat(23)));
  v128_t m = wasm_v128_or(wasm_v128_and(xs, wasm_i32x4_splat(0x007fffff)), wasm_i32x4_splat(0x3f800000));
  v128_t big = wasm_f32x4_gt(m, wasm_f32x4_splat(1.41421356f));
  m = wt_f32x4_select(big, wasm_f32x4_mul(m, wasm_f32x4_splat(0.5f)), m);
  e = wasm_i32x4_sub(e, big); /* big is -1 where set */
  v128_t f = wasm_f32x4_sub(m, one);
  v128_t s = wasm_f32x4_div(f, wasm_f32x4_add(f, wasm_f32x4_splat(2.0f)));
  v128_t z = wasm_f32x4_mul(s, s);
  v128_t R = wasm_f32x4_splat(2.0f / 9.0f);
  R = wasm_f32x4_add(wasm_f32x4_mul(R, z), wasm_f32x4_splat(2.0f / 7.0f));
  R = wasm_f32x4_add(wasm_f32x4_mul(R, z), wasm_f32x4_splat(2.0f / 5.0f));
  R = wasm_f32x4_add(wasm_f32x4_mul(R, z), wasm_f32x4_splat(2.0f / 3.0f));
  R = wasm_f32x4_mul(R, z);
  v128_t hfsq = wasm_f32x4_mul(wasm_f32x4_mul(f, f), wasm_f32x4_splat(0.5f));
  v128_t ef = wasm_f32x4_convert_i32x4(e);
  v128_t t = wasm_f32x4_add(wasm_f32x4_mul(s, wasm_f32x4_add(hfsq, R)), wasm_f32x4_mul(ef, wasm_f32x4_splat(WT_LN2_LO)));
  v128_t y = wasm_f32x4_sub(wasm_f32x4_mul(ef, wasm_f32x4_splat(WT_LN2_HI)), wasm_f32x4_sub(wasm_f32x4_sub(hfsq, t), f));
  /* specials: +inf -> +inf, 0 -> -inf, x < 0 -> NaN, NaN -> NaN */
  const v128_t inf = wasm_f32x4_splat(__builtin_inff());
  y = wt_f32x4_select(wasm_f32x4_eq(x, inf), inf, y);
  y = wt_f32x4_select(wasm_f32x4_eq(x, wasm_f32x4_splat(0.0f)), wasm_f32x4_neg(inf), y);
  y = wt_f32x4_select(wasm_f32x4_lt(x, wasm_f32x4_splat(0.0f)), wasm_f32x4_splat(__builtin_nanf("")), y);
  return wt_f32x4_select(wasm_f32x4_ne(x, x), x, y);
}

/* log1p(u) for u >= -1: log(w) * u / (w - 1) with w = 1 + u corrects the rounding of w
 * (Goldberg's trick); where w rounds to 1 the answer is u itself. */
static inline v128_t wt_f32x4_log1p(v128_t u) {
  const v128_t one = wasm_f32x4_splat(1.0f);
  const v128_t inf = wasm_f32x4_splat(__builtin_inff());
  v128_t u1 = wasm_f32x4_add(one, u);
  v128_t m = wasm_f32x4_sub(u1, one);
  v128_t y = wasm_f32x4_mul(wt_f32x4_log(u1), wasm_f32x4_div(u, m));
  y = wt_f32x4_select(wasm_f32x4_eq(m, wasm_f32x4_splat(0.0f)), u, y); /* 1+u rounded to 1 */
  y = wt_f32x4_select(wasm_f32x4_eq(u, inf), inf, y);
  return wt_f32x4_select(wasm_f32x4_ne(u, u), u, y);
}

static inline v128_t wt_f32x4_horner(v128_t x, const float *c, int n) {
  v128_t p = wasm_f32x4_splat(c[n - 1]);
  for (int i = n - 2; i >= 0; i--) p = wasm_f32x4_add(wasm_f32x4_mul(p, x), wasm_f32x4_splat(c[i]));
  return p;
}

static inline v128_t wt_f32x4_erf(v128_t x) {
  static const float P[7] = {1.128379107e+00f, -3.761262894e-01f, 1.128362194e-01f, -2.685550228e-02f,
                             5.191817414e-03f, -8.043210255e-04f, 7.970430306e-05f};
  static const float Q[11] = {2.418745498e-05f, 5.637607574e-01f, 2.596091945e-03f, -2.827736735e-01f,
                              -7.804439962e-02f, 9.206193089e-01f, -1.558242917e+00f, 1.460766912e+00f,
                              -8.357965946e-01f, 2.746164501e-01f, -3.994261846e-02f};
  const v128_t sign_mask = wasm_i32x4_splat((int32_t)0x80000000u);
  const v128_t one = wasm_f32x4_splat(1.0f);
  v128_t ax = wasm_v128_andnot(x, sign_mask);
  v128_t small = wasm_f32x4_mul(x, wt_f32x4_horner(wasm_f32x4_mul(x, x), P, 7));
  /* erf rounds to +-1 beyond |x| = 3.92: clamping to 4 gives that and keeps inf out */
  v128_t a = wasm_f32x4_pmin(ax, wasm_f32x4_splat(4.0f));
  v128_t q = wt_f32x4_horner(wasm_f32x4_div(one, a), Q, 11);
  v128_t big = wasm_f32x4_sub(one, wasm_f32x4_mul(wt_f32x4_exp(wasm_f32x4_neg(wasm_f32x4_mul(a, a))), q));
  big = wasm_v128_or(big, wasm_v128_and(x, sign_mask));
  v128_t y = wt_f32x4_select(wasm_f32x4_lt(ax, one), small, big);
  return wt_f32x4_select(wasm_f32x4_ne(x, x), x, y);
}

#endif
