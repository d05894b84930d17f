/* f32-vunary scalar kernels (libm): the reference for the SIMD ones. */
#include <math.h>

#include "kernels/kernels.h"

static inline float wt_relu(float x) { return x < 0.0f ? 0.0f : x; }
static inline float wt_sigmoid(float x) {
  float e = expf(-fabsf(x));
  return x < 0.0f ? e / (1.0f + e) : 1.0f / (1.0f + e);
}
static inline float wt_negf(float x) { return -x; }

#define WT_VUNARY_SCALAR(name, fn)                                               \
  void wt_f32_##name##_ukernel__scalar(size_t n, const float *x, float *y) {    \
    for (size_t i = 0; i < n; i++) y[i] = fn(x[i]);                              \
  }

WT_VUNARY_SCALAR(vrelu, wt_relu)
WT_VUNARY_SCALAR(vsigmoid, wt_sigmoid)
WT_VUNARY_SCALAR(vtanh, tanhf)
WT_VUNARY_SCALAR(vexp, expf)
WT_VUNARY_SCALAR(vlog, logf)
WT_VUNARY_SCALAR(vneg, wt_negf)
WT_VUNARY_SCALAR(vabs, fabsf)
WT_VUNARY_SCALAR(vsqrt, sqrtf)

/* ---- activations: PyTorch 1.13's scalar formulas ---- */

static inline float wt_selu(float x) {
  const float scale = 1.0507009873554804934f, negcoef = 1.6732632423543772848f * scale;
  return x > 0.0f ? x * scale : expm1f(x) * negcoef;
}
static inline float wt_silu(float x) { return x / (1.0f + expf(-x)); }
static inline float wt_mish(float x) { return x * tanhf(log1pf(expf(x))); }
static inline float wt_softsign(float x) { return x / (fabsf(x) + 1.0f); }
/* min(max(x + 3, 0), 6), NaN propagating */
static inline float wt_relu6_of_x3(float x) {
  float t = x + 3.0f;
  if (t != t) return t;
  return t < 0.0f ? 0.0f : t > 6.0f ? 6.0f : t;
}
static inline float wt_hardsigmoid(float x) { return wt_relu6_of_x3(x) / 6.0f; }
static inline float wt_hardswish(float x) { return x * wt_relu6_of_x3(x) / 6.0f; }
static inline float wt_gelu(float x) { return x * 0.5f * (1.0f + erff(x * 0.70710678118654752440f)); }
static inline float wt_gelu_tanh(float x) {
  float inner = 0.79788456080286535588f * (x + 0.044715f * (x * x * x));
  return 0.5f * x * (1.0f + tanhf(inner));
}
static inline float wt_logsigmoid(float x) {
  float m = x != x ? x : x < 0.0f ? x : 0.0f;
  return m - log1pf(expf(-fabsf(x)));
}
static inline float wt_tanhshrink(float x) { return x - tanhf(x); }

WT_VUNARY_SCALAR(vselu, wt_selu)
WT_VUNARY_SCALAR(vsilu, wt_silu)
WT_VUNARY_SCALAR(vmish, wt_mish)
WT_VUNARY_SCALAR(vsoftsign, wt_softsign)
WT_VUNARY_SCALAR(vhardsigmoid, wt_hardsigmoid)
WT_VUNARY_SCALAR(vhardswish, wt_hardswish)
WT_VUNARY_SCALAR(vgelu, wt_gelu)
WT_VUNARY_SCALAR(vgelu_tanh, wt_gelu_tanh)
WT_VUNARY_SCALAR(vlogsigmoid, wt_logsigmoid)
WT_VUNARY_SCALAR(vtanhshrink, wt_tanhshrink)

static inline float wt_leaky_relu(float x, float slope, float unused) {
  (void)unused;
  return x > 0.0f ? x : x * slope;
}
static inline float wt_elu(float x, float alpha, float input_scale) {
  return x > 0.0f ? x : expm1f(x * input_scale) * alpha;
}
static inline float wt_softplus(float x, float beta, float threshold) {
  float z = x * beta;
  return z > threshold ? x : log1pf(expf(z)) / beta;
}
static inline float wt_hardtanh(float x, float lo, float hi) {
  if (x != x) return x;
  /* min(max(x, lo), hi) as PyTorch's clamp: with lo > hi every value becomes hi. */
  float y = x < lo ? lo : x;
  return y > hi ? hi : y;
}
static inline float wt_threshold(float x, float threshold, float value) { return x <= threshold ? value : x; }
static inline float wt_hardshrink(float x, float lambd, float unused) {
  (void)unused;
  return (x >= -lambd && x <= lambd) ? 0.0f : x;
}
static inline float wt_softshrink(float x, float lambd, float unused) {
  (void)unused;
  return x > lambd ? x - lambd : x < -lambd ? x + lambd : 0.0f;
}

#define WT_VUNARYP_SCALAR(name, fn)                                                               \
  void wt_f32_##name##_ukernel__scalar(size_t n, const float *x, float *y, float p0, float p1) {  \
    for (size_t i = 0; i < n; i++) y[i] = fn(x[i], p0, p1);                                       \
  }

WT_VUNARYP_SCALAR(vleaky_relu, wt_leaky_relu)
WT_VUNARYP_SCALAR(velu, wt_elu)
WT_VUNARYP_SCALAR(vsoftplus, wt_softplus)
WT_VUNARYP_SCALAR(vhardtanh, wt_hardtanh)
WT_VUNARYP_SCALAR(vthreshold, wt_threshold)
WT_VUNARYP_SCALAR(vhardshrink, wt_hardshrink)
WT_VUNARYP_SCALAR(vsoftshrink, wt_softshrink)
