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
