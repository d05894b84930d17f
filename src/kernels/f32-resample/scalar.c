/* f32-resample scalar kernels: vertical blend of rows and horizontal weighted gather
 * (see kernels.h). */
#include "kernels/kernels.h"

void wt_f32_vblend_ukernel__scalar(size_t n, size_t nrows, const float *const *rows, const float *w,
                                   float *y, int acc) {
  for (size_t i = 0; i < n; i++) {
    float s = acc ? y[i] : 0.0f;
    for (size_t r = 0; r < nrows; r++) s += w[r] * rows[r][i];
    y[i] = s;
  }
}

void wt_f32_hgather_ukernel__scalar(size_t out_w, size_t taps, const float *x, const int32_t *idx,
                                    const float *w, float *y) {
  for (size_t o = 0; o < out_w; o++) {
    float s = 0.0f;
    for (size_t t = 0; t < taps; t++) s += w[t * out_w + o] * x[idx[t * out_w + o]];
    y[o] = s;
  }
}
