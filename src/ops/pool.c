/* Max pooling (1-d, 2-d, 3-d; padding, dilation, ceil_mode via out_size, indices).
 *   x       [planes, *in_size]
 *   out     [planes, *out_size]
 *   indices [planes, *out_size] int64 (nullable), flat index into the input plane
 * Runs as 3-d with leading dims of size 1. For each output row (plane, od, oh) the op
 * collects the input rows its window covers (clipped to the input) and the row kernel
 * sweeps the innermost dim. */
#include <math.h>

#include "internal.h"
#include "kernels/kernels.h"

wt_status wt_maxpool_forward_f32(const wt_pool_params *p, float *out, int64_t *indices,
                                 const float *x) {
  static const char *fn = "wt_maxpool_forward_f32";
  WT_CHECK_PTR(p, fn, "p");
  WT_CHECK_PTR(out, fn, "out");
  WT_CHECK_PTR(x, fn, "x");
  if (p->ndim < 1 || p->ndim > 3) return wt_error(WT_EINVAL, "%s: ndim must be 1, 2 or 3, got %d", fn, p->ndim);
  WT_CHECK_POS(p->planes, fn, "planes");
  int64_t in[3], o[3], k[3], s[3], pd[3], d[3];
  const int lead = 3 - p->ndim;
  for (int i = 0; i < 3; i++) in[i] = o[i] = k[i] = s[i] = d[i] = 1, pd[i] = 0;
  for (int i = 0; i < p->ndim; i++) {
    const int j = lead + i;
    if (p->in_size[i] < 1) return wt_error(WT_EINVAL, "%s: in_size[%d] must be >= 1, got %d", fn, i, p->in_size[i]);
    if (p->out_size[i] < 1) return wt_error(WT_EINVAL, "%s: out_size[%d] must be >= 1, got %d", fn, i, p->out_size[i]);
    if (p->kernel[i] < 1) return wt_error(WT_EINVAL, "%s: kernel[%d] must be >= 1, got %d", fn, i, p->kernel[i]);
    if (p->stride[i] < 1) return wt_error(WT_EINVAL, "%s: stride[%d] must be >= 1, got %d", fn, i, p->stride[i]);
    if (p->dilation[i] < 1) return wt_error(WT_EINVAL, "%s: dilation[%d] must be >= 1, got %d", fn, i, p->dilation[i]);
    if (p->padding[i] < 0 || p->padding[i] > p->kernel[i] / 2)
      return wt_error(WT_EINVAL, "%s: padding[%d] = %d must be in [0, kernel/2 = %d]", fn, i, p->padding[i],
                      p->kernel[i] / 2);
    in[j] = p->in_size[i], o[j] = p->out_size[i], k[j] = p->kernel[i];
    s[j] = p->stride[i], d[j] = p->dilation[i], pd[j] = p->padding[i];
    /* PyTorch's ceil_mode size is the largest valid one */
    const int64_t num = in[j] + 2 * pd[j] - d[j] * (k[j] - 1) - 1;
    if (num < 0)
      return wt_error(WT_EINVAL, "%s: kernel extent %lld exceeds padded input %lld in dim %d", fn,
                      (long long)(d[j] * (k[j] - 1) + 1), (long long)(in[j] + 2 * pd[j]), i);
    int64_t max_out = (num + s[j] - 1) / s[j] + 1;
    if ((max_out - 1) * s[j] >= in[j] + pd[j]) max_out--;
    if (o[j] > max_out)
      return wt_error(WT_EINVAL, "%s: out_size[%d] = %lld exceeds the largest possible %lld", fn, i,
                      (long long)o[j], (long long)max_out);
  }
  const int64_t in_sp = in[0] * in[1] * in[2], out_sp = o[0] * o[1] * o[2];
  int64_t t;
  if (!wt_mul_i64(p->planes, in_sp, &t) || t > (int64_t)(SIZE_MAX / 4) || !wt_mul_i64(p->planes, out_sp, &t) ||
      t > (int64_t)(SIZE_MAX / 8) || k[0] * k[1] > 4096)
    return wt_error(WT_EINVAL, "%s: sizes overflow", fn);

  /* window rows of the two outer dims; k[0]*k[1] <= 4096 keeps this on the stack */
  const float *rows[4096];
  int64_t base[4096];
  for (int64_t pl = 0; pl < p->planes; pl++) {
    const float *xp = x + pl * in_sp;
    for (int64_t od = 0; od < o[0]; od++)
      for (int64_t oh = 0; oh < o[1]; oh++) {
        size_t n = 0;
        for (int64_t kd = 0; kd < k[0]; kd++) {
          const int64_t id = od * s[0] - pd[0] + kd * d[0];
          if (id < 0 || id >= in[0]) continue;
          for (int64_t kh = 0; kh < k[1]; kh++) {
            const int64_t ih = oh * s[1] - pd[1] + kh * d[1];
            if (ih < 0 || ih >= in[1]) continue;
            base[n] = (id * in[1] + ih) * in[2];
            rows[n] = xp + base[n];
            n++;
          }
        }
        const int64_t off = pl * out_sp + (od * o[1] + oh) * o[2];
        if (n == 0) {
          /* window entirely in padding along an outer dim: -inf at PyTorch's initial
           * index (first lattice position of each dim) */
          int64_t id = od * s[0] - pd[0], ih = oh * s[1] - pd[1];
          while (id < 0) id += d[0];
          while (ih < 0) ih += d[1];
          for (int64_t ow = 0; ow < o[2]; ow++) {
            int64_t iw = ow * s[2] - pd[2];
            while (iw < 0) iw += d[2];
            out[off + ow] = -INFINITY;
            if (indices != NULL) indices[off + ow] = (id * in[1] + ih) * in[2] + iw;
          }
          continue;
        }
        WT_UKERNEL(wt_f32_maxpool_ukernel)((size_t)o[2], n, rows, base, (size_t)in[2], (size_t)k[2], (size_t)s[2],
                                           (size_t)pd[2], (size_t)d[2], out + off,
                                           indices != NULL ? indices + off : NULL);
      }
  }
  return WT_OK;
}
