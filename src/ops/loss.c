/* Losses.
 *   wt_loss_pointwise_f32: out[n] = loss(input[n], target[n]) (+ pos_weight[n])
 *   wt_nll_loss_f32:       input [outer, classes, inner], target [outer, inner] ->
 *                          out, out_weight, out_smooth [outer, inner]
 * Reductions and class weights of the pointwise losses are left to wt_reduce_f32 and
 * wt_binary_f32, so each op does one pass over its data. Data-dependent checks (BCE input
 * range, class indices) run before anything is written. */
#include "internal.h"
#include "kernels/kernels.h"

wt_status wt_loss_pointwise_f32(int32_t op, float *out, const float *input, const float *target,
                                const float *pos_weight, int32_t n, float param) {
  static const char *fn = "wt_loss_pointwise_f32";
  if (op < WT_LOSS_MSE || op > WT_LOSS_KL_DIV_LOG)
    return wt_error(WT_EINVAL, "%s: unknown op %d (expected 0..7)", fn, op);
  if (n < 0) return wt_error(WT_EINVAL, "%s: n must be >= 0, got %d", fn, n);
  if (pos_weight != NULL && op != WT_LOSS_BCE_LOGITS)
    return wt_error(WT_EINVAL, "%s: pos_weight is only for WT_LOSS_BCE_LOGITS, got op %d", fn, op);
  if ((op == WT_LOSS_SMOOTH_L1 || op == WT_LOSS_HUBER) && !(param > 0.0f))
    return wt_error(WT_EINVAL, "%s: param (beta/delta) must be > 0, got %g", fn, (double)param);
  if (n == 0) return WT_OK;
  WT_CHECK_PTR(out, fn, "out");
  WT_CHECK_PTR(input, fn, "input");
  WT_CHECK_PTR(target, fn, "target");
  if (op == WT_LOSS_BCE)
    for (int32_t i = 0; i < n; i++)
      if (!(input[i] >= 0.0f && input[i] <= 1.0f))
        return wt_error(WT_EINVAL, "%s: all elements of input should be between 0 and 1, got input[%d] = %g", fn,
                        i, (double)input[i]);
  WT_UKERNEL(wt_f32_vloss_ukernel)(op, (size_t)n, input, target, pos_weight, out, param);
  return WT_OK;
}

wt_status wt_nll_loss_f32(float *out, float *out_weight, float *out_smooth, const float *input,
                          const int64_t *target, const float *weight, int32_t outer,
                          int32_t classes, int32_t inner, int32_t ignore_index) {
  static const char *fn = "wt_nll_loss_f32";
  WT_CHECK_PTR(out, fn, "out");
  WT_CHECK_PTR(out_weight, fn, "out_weight");
  WT_CHECK_PTR(input, fn, "input");
  WT_CHECK_PTR(target, fn, "target");
  WT_CHECK_POS(outer, fn, "outer");
  WT_CHECK_POS(classes, fn, "classes");
  WT_CHECK_POS(inner, fn, "inner");
  int64_t total;
  if (!wt_mul_i64(outer, classes, &total) || !wt_mul_i64(total, inner, &total) ||
      total > (int64_t)(SIZE_MAX / sizeof(float)))
    return wt_error(WT_EINVAL, "%s: outer*classes*inner overflows", fn);
  const size_t O = (size_t)outer, C = (size_t)classes, I = (size_t)inner;
  for (size_t k = 0; k < O * I; k++) {
    const int64_t t = target[k];
    if (t != ignore_index && (t < 0 || t >= classes))
      return wt_error(WT_EINVAL, "%s: Target %lld is out of bounds (target[%zu], classes %d)", fn, (long long)t, k,
                      classes);
  }
  for (size_t o = 0; o < O; o++) {
    const float *X = input + o * C * I;
    for (size_t i = 0; i < I; i++) {
      const size_t k = o * I + i;
      const int64_t t = target[k];
      if (t == ignore_index) {
        out[k] = 0.0f;
        out_weight[k] = 0.0f;
        if (out_smooth) out_smooth[k] = 0.0f;
        continue;
      }
      const float w = weight ? weight[t] : 1.0f;
      out[k] = -w * X[(size_t)t * I + i];
      out_weight[k] = w;
      if (out_smooth) {
        /* PyTorch: -(input * weight).sum(class_dim) */
        float s = 0.0f;
        for (size_t c = 0; c < C; c++) s += X[c * I + i] * (weight ? weight[c] : 1.0f);
        out_smooth[k] = -s;
      }
    }
  }
  return WT_OK;
}
