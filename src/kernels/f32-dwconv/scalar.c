/* f32-dwconv scalar kernels: the references for the SIMD ones and the WT_SIMD=OFF kernels.
 * Every output accumulates bias, then rows in order, then taps in order — the SIMD
 * kernels keep that order per lane. */
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

void wt_f32_dwconv3x3_ukernel__scalar(size_t out_h, size_t out_w, const float *const *rows, size_t in_w,
                                      size_t pad, const float *w, float bias, float *y) {
  /* the weights in a local copy, which the stores to y cannot alias (w would be reloaded) */
  float k[9];
  for (size_t i = 0; i < 9; i++) k[i] = w[i];
  for (size_t oh = 0; oh < out_h; oh++) {
    const float *const x[3] = {rows[oh], rows[oh + 1], rows[oh + 2]};
    for (size_t o = 0; o < out_w; o++) {
      /* window columns o - pad .. o - pad + 2; one in the padding adds a zero product
       * (inside: none is, so the taps need no checks) */
      const int inside = o >= pad && o + 3 <= in_w + pad;
      float acc = bias;
      for (size_t r = 0; r < 3; r++)
        for (size_t t = 0; t < 3; t++) {
          const size_t c = o + t;
          const float v = inside || (c >= pad && c - pad < in_w) ? x[r][c - pad] : 0.0f;
          acc += v * k[3 * r + t];
        }
      y[oh * out_w + o] = acc;
    }
  }
}
