/* f32-dwconv scalar kernel: the reference for the SIMD one and the WT_SIMD=OFF kernel.
 * Every output accumulates bias, then rows in order, then taps in order — the SIMD
 * kernel keeps that order per lane. */
#include "kernels/kernels.h"

void wt_f32_dwconv_ukernel__scalar(size_t o_begin, size_t o_end, size_t nrows,
                                   const float *const *rows, const float *const *wrows,
                                   size_t in_w, size_t kernel, size_t stride, size_t pad,
                                   size_t dilation, float bias, float *y) {
  for (size_t o = o_begin; o < o_end; o++) {
    float acc = bias;
    for (size_t r = 0; r < nrows; r++) {
      const float *x = rows[r], *w = wrows[r];
      for (size_t t = 0; t < kernel; t++) {
        /* column o*stride - pad + t*dilation, skipped when it falls in the padding */
        const size_t c = o * stride + t * dilation;
        if (c >= pad && c - pad < in_w) acc += x[c - pad] * w[t];
      }
    }
    y[o] = acc;
  }
}
