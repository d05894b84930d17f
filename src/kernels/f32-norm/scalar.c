/* f32-norm scalar kernels: the reference for the SIMD ones and the WT_SIMD=OFF build. */
#include "kernels/kernels.h"

/* Same blocking as wt_f32_rsum_ukernel__scalar (8 partials per block of <= 1024, longer
 * rows split pairwise), so the two reductions of a norm round alike. */
float wt_f32_rsumsqdev_ukernel__scalar(size_t n, const float *x, float c) {
  if (n > 1024) {
    size_t h = (n / 2) & ~(size_t)15;
    return wt_f32_rsumsqdev_ukernel__scalar(h, x, c) + wt_f32_rsumsqdev_ukernel__scalar(n - h, x + h, c);
  }
  float p[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  size_t i = 0;
  for (; i + 8 <= n; i += 8)
    for (int j = 0; j < 8; j++) {
      const float d = x[i + j] - c;
      p[j] += d * d;
    }
  float s = ((p[0] + p[4]) + (p[1] + p[5])) + ((p[2] + p[6]) + (p[3] + p[7]));
  for (; i < n; i++) {
    const float d = x[i] - c;
    s += d * d;
  }
  return s;
}

void wt_f32_vscaleshift_ukernel__scalar(size_t n, const float *x, float scale, float shift, float *y) {
  for (size_t i = 0; i < n; i++) y[i] = x[i] * scale + shift;
}

void wt_f32_vscaleshift_affine_ukernel__scalar(size_t rows, size_t n, const float *x, const float *scale,
                                               const float *shift, const float *w, const float *b, float *y) {
  for (size_t r = 0; r < rows; r++, x += n, y += n)
    for (size_t i = 0; i < n; i++) {
      const float v = x[i] * scale[r] + shift[r];
      y[i] = (w != NULL ? v * w[i] : v) + (b != NULL ? b[i] : 0.0f);
    }
}

void wt_f32_vsqradd_ukernel__scalar(size_t n, const float *x, float *acc) {
  for (size_t i = 0; i < n; i++) acc[i] += x[i] * x[i];
}
