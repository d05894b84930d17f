/* f32-vloss scalar kernels (libm): the reference for the SIMD ones. The formulas are
 * PyTorch 1.13's CPU ones, operation for operation, so results agree to rounding. */
#include <math.h>

#include "kernels/kernels.h"
#include "webtorch.h"

/* std::max(a, lo) / clamp_min as PyTorch writes them: a NaN a stays NaN (fmaxf drops it) */
static inline float wt_clamp_min(float a, float lo) { return a < lo ? lo : a; }

static inline float wt_bce(float x, float y) {
  /* PyTorch clamps each log at -100 so x = 0 or 1 gives a finite loss */
  return (y - 1.0f) * wt_clamp_min(log1pf(-x), -100.0f) - y * wt_clamp_min(logf(x), -100.0f);
}

static inline float wt_bce_logits(float x, float y, float pw) {
  /* m = max(-x, 0); log(1 + exp(-x)) = log(exp(-m) + exp(-x - m)) + m never overflows */
  const float m = wt_clamp_min(-x, 0.0f);
  const float lse = logf(expf(-m) + expf(-x - m)) + m;
  return (1.0f - y) * x + ((pw - 1.0f) * y + 1.0f) * lse;
}

static inline float wt_xlogy_self(float y) {
  /* torch.xlogy(y, y): 0 where y == 0, NaN stays NaN */
  if (y != y) return y;
  return y == 0.0f ? 0.0f : y * logf(y);
}

void wt_f32_vloss_ukernel__scalar(int op, size_t n, const float *x, const float *y, const float *pw,
                                  float *out, float param) {
  for (size_t i = 0; i < n; i++) {
    const float a = x[i], b = y[i], d = a - b, z = fabsf(d);
    float r;
    switch (op) {
      case WT_LOSS_MSE: r = d * d; break;
      case WT_LOSS_L1: r = z; break;
      case WT_LOSS_SMOOTH_L1: r = z < param ? 0.5f * z * z / param : z - 0.5f * param; break;
      case WT_LOSS_HUBER: r = z < param ? 0.5f * z * z : param * (z - 0.5f * param); break;
      case WT_LOSS_BCE: r = wt_bce(a, b); break;
      case WT_LOSS_BCE_LOGITS: r = wt_bce_logits(a, b, pw ? pw[i] : 1.0f); break;
      case WT_LOSS_KL_DIV: r = wt_xlogy_self(b) - b * a; break;
      default: r = expf(b) * (b - a); break; /* WT_LOSS_KL_DIV_LOG */
    }
    out[i] = r;
  }
}
