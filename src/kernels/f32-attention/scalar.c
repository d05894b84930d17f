/* f32-attention scalar kernel: the masked, scaled softmax of one row of attention scores
 * (the reference for the SIMD one). */
#include <math.h>

#include "kernels/kernels.h"

void wt_f32_attn_softmax_ukernel__scalar(size_t n, size_t limit, float scale, const float *bias,
                                         const uint8_t *block, const float *drop, float *x) {
  float m = -INFINITY;
  for (size_t j = 0; j < limit; j++) {
    float t = x[j] * scale;
    if (bias != NULL) t += bias[j];
    if (block != NULL && block[j]) t = -INFINITY;
    x[j] = t;
    /* NaN must win, as in PyTorch's max */
    if (isnan(t) || t > m) m = isnan(m) ? m : t;
  }
  if (!isfinite(m)) {
    /* every column masked, a NaN or a +inf score: softmax gives NaN for the whole row */
    for (size_t j = 0; j < n; j++) x[j] = NAN;
    return;
  }
  float s = 0.0f;
  for (size_t j = 0; j < limit; j++) s += (x[j] = expf(x[j] - m));
  const float inv = 1.0f / s;
  for (size_t j = 0; j < limit; j++) {
    x[j] *= inv;
    if (drop != NULL) x[j] *= drop[j];
  }
  for (size_t j = limit; j < n; j++) x[j] = 0.0f;
}
