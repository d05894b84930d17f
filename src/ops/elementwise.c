/* Elementwise ops.
 *   wt_binary_f32: out[shape] = a[strided view of shape] op b[strided view of shape]
 *   wt_unary_f32:  out[n] = f(x[n])
 * Broadcasting arrives as 0 strides, so one routine serves every torch broadcasting
 * case. Dims are first coalesced (size-1 dims dropped, dims merged when both views are
 * contiguous across them), which turns "same shape, contiguous" into a single kernel
 * call over all elements and leaves the innermost run to the SIMD kernels. */
#include <string.h>

#include "internal.h"
#include "kernels/kernels.h"

#define WT_MAX_NDIM 8

wt_status wt_binary_f32(int32_t op, float *out, const float *a, const float *b, int32_t ndim,
                        const int32_t *shape, const int32_t *a_strides,
                        const int32_t *b_strides) {
  static const char *fn = "wt_binary_f32";
  if (op < WT_ADD || op > WT_POW) return wt_error(WT_EINVAL, "%s: unknown op %d (expected 0..6)", fn, op);
  WT_CHECK_PTR(out, fn, "out");
  WT_CHECK_PTR(a, fn, "a");
  WT_CHECK_PTR(b, fn, "b");
  if (ndim < 0 || ndim > WT_MAX_NDIM) return wt_error(WT_EINVAL, "%s: ndim must be in 0..8, got %d", fn, ndim);
  if (ndim > 0) {
    WT_CHECK_PTR(shape, fn, "shape");
    WT_CHECK_PTR(a_strides, fn, "a_strides");
    WT_CHECK_PTR(b_strides, fn, "b_strides");
  }
  int64_t total = 1;
  for (int32_t k = 0; k < ndim; k++) {
    if (shape[k] < 1) return wt_error(WT_EINVAL, "%s: shape[%d] must be >= 1, got %d", fn, k, shape[k]);
    if (a_strides[k] < 0) return wt_error(WT_EINVAL, "%s: a_strides[%d] must be >= 0, got %d", fn, k, a_strides[k]);
    if (b_strides[k] < 0) return wt_error(WT_EINVAL, "%s: b_strides[%d] must be >= 0, got %d", fn, k, b_strides[k]);
    if (!wt_mul_i64(total, shape[k], &total) || total > (int64_t)(SIZE_MAX / sizeof(float)))
      return wt_error(WT_EINVAL, "%s: number of elements overflows", fn);
  }

  /* coalesce, innermost first: d[0] is the innermost dim after this */
  int64_t sh[WT_MAX_NDIM], sa[WT_MAX_NDIM], sb[WT_MAX_NDIM];
  int nd = 0;
  for (int32_t k = ndim - 1; k >= 0; k--) {
    if (shape[k] == 1) continue;
    if (nd > 0 && sa[nd - 1] * sh[nd - 1] == a_strides[k] && sb[nd - 1] * sh[nd - 1] == b_strides[k]) {
      sh[nd - 1] *= shape[k];
      continue;
    }
    sh[nd] = shape[k];
    sa[nd] = a_strides[k];
    sb[nd] = b_strides[k];
    nd++;
  }
  if (nd == 0) {
    out[0] = wt_f32_binary_scalar(op, a[0], b[0]);
    return WT_OK;
  }

  const size_t n = (size_t)sh[0];
  int64_t idx[WT_MAX_NDIM] = {0};
  const float *pa = a, *pb = b;
  float *po = out;
  for (;;) {
    if (sa[0] == 1 && sb[0] == 1) {
      WT_UKERNEL(wt_f32_vbinary_ukernel)(op, n, pa, pb, po);
    } else if (sa[0] == 1 && sb[0] == 0) {
      WT_UKERNEL(wt_f32_vbinaryc_ukernel)(op, n, pa, pb[0], po);
    } else if (sa[0] == 0 && sb[0] == 1) {
      WT_UKERNEL(wt_f32_vrbinaryc_ukernel)(op, n, pa[0], pb, po);
    } else {
      for (size_t i = 0; i < n; i++)
        po[i] = wt_f32_binary_scalar(op, pa[(size_t)sa[0] * i], pb[(size_t)sb[0] * i]);
    }
    po += n;
    /* odometer over the outer dims */
    int k = 1;
    for (; k < nd; k++) {
      pa += sa[k];
      pb += sb[k];
      if (++idx[k] < sh[k]) break;
      pa -= sa[k] * sh[k];
      pb -= sb[k] * sh[k];
      idx[k] = 0;
    }
    if (k >= nd) break;
  }
  return WT_OK;
}

wt_status wt_unary_f32(int32_t op, float *out, const float *x, int32_t n, float p0, float p1) {
  static const char *fn = "wt_unary_f32";
  /* one entry per wt_unary_op: a plain kernel, or one taking (p0, p1) */
  static const struct {
    wt_f32_vunary_ukernel_fn plain;
    wt_f32_vunaryp_ukernel_fn param;
  } table[] = {
      [WT_RELU] = {WT_UKERNEL(wt_f32_vrelu_ukernel), NULL},
      [WT_SIGMOID] = {WT_UKERNEL(wt_f32_vsigmoid_ukernel), NULL},
      [WT_TANH] = {WT_UKERNEL(wt_f32_vtanh_ukernel), NULL},
      [WT_EXP] = {WT_UKERNEL(wt_f32_vexp_ukernel), NULL},
      [WT_LOG] = {WT_UKERNEL(wt_f32_vlog_ukernel), NULL},
      [WT_NEG] = {WT_UKERNEL(wt_f32_vneg_ukernel), NULL},
      [WT_ABS] = {WT_UKERNEL(wt_f32_vabs_ukernel), NULL},
      [WT_SQRT] = {WT_UKERNEL(wt_f32_vsqrt_ukernel), NULL},
      [WT_LEAKY_RELU] = {NULL, WT_UKERNEL(wt_f32_vleaky_relu_ukernel)},
      [WT_ELU] = {NULL, WT_UKERNEL(wt_f32_velu_ukernel)},
      [WT_SELU] = {WT_UKERNEL(wt_f32_vselu_ukernel), NULL},
      [WT_SILU] = {WT_UKERNEL(wt_f32_vsilu_ukernel), NULL},
      [WT_MISH] = {WT_UKERNEL(wt_f32_vmish_ukernel), NULL},
      [WT_SOFTPLUS] = {NULL, WT_UKERNEL(wt_f32_vsoftplus_ukernel)},
      [WT_SOFTSIGN] = {WT_UKERNEL(wt_f32_vsoftsign_ukernel), NULL},
      [WT_HARDSIGMOID] = {WT_UKERNEL(wt_f32_vhardsigmoid_ukernel), NULL},
      [WT_HARDSWISH] = {WT_UKERNEL(wt_f32_vhardswish_ukernel), NULL},
      [WT_HARDTANH] = {NULL, WT_UKERNEL(wt_f32_vhardtanh_ukernel)},
      [WT_THRESHOLD] = {NULL, WT_UKERNEL(wt_f32_vthreshold_ukernel)},
      [WT_GELU] = {WT_UKERNEL(wt_f32_vgelu_ukernel), NULL},
      [WT_GELU_TANH] = {WT_UKERNEL(wt_f32_vgelu_tanh_ukernel), NULL},
      [WT_LOGSIGMOID] = {WT_UKERNEL(wt_f32_vlogsigmoid_ukernel), NULL},
      [WT_HARDSHRINK] = {NULL, WT_UKERNEL(wt_f32_vhardshrink_ukernel)},
      [WT_SOFTSHRINK] = {NULL, WT_UKERNEL(wt_f32_vsoftshrink_ukernel)},
      [WT_TANHSHRINK] = {WT_UKERNEL(wt_f32_vtanhshrink_ukernel), NULL},
  };
  const int32_t nops = (int32_t)(sizeof table / sizeof table[0]);
  if (op < 0 || op >= nops) return wt_error(WT_EINVAL, "%s: unknown op %d (expected 0..%d)", fn, op, nops - 1);
  if (n < 0) return wt_error(WT_EINVAL, "%s: n must be >= 0, got %d", fn, n);
  if (n == 0) return WT_OK;
  WT_CHECK_PTR(out, fn, "out");
  WT_CHECK_PTR(x, fn, "x");
  if (table[op].plain != NULL) table[op].plain((size_t)n, x, out);
  else table[op].param((size_t)n, x, out, p0, p1);
  return WT_OK;
}
