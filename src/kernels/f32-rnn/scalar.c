/* f32-rnn scalar kernels: the gate math of one batch row of one time step (libm). The
 * reference for the SIMD kernels and the kernels of the WT_SIMD=OFF build. The order of
 * the float operations follows PyTorch's CPU cells (ATen RNN.cpp), so results agree to
 * the last bits wherever the inputs do. */
#include <math.h>

#include "kernels/kernels.h"

static inline float wt_sigmoidf(float x) {
  float e = expf(-fabsf(x));
  return x < 0.0f ? e / (1.0f + e) : 1.0f / (1.0f + e);
}

void wt_f32_rnn_gates_ukernel__scalar(size_t h, const float *gx, const float *gh, float *y, int relu) {
  for (size_t j = 0; j < h; j++) {
    const float a = gh[j] + gx[j];
    y[j] = relu ? (a < 0.0f ? 0.0f : a) : tanhf(a);
  }
}

void wt_f32_lstm_gates_ukernel__scalar(size_t h, const float *gx, const float *gh, const float *c_prev,
                                       float *c, float *y) {
  for (size_t j = 0; j < h; j++) {
    const float i = wt_sigmoidf(gh[j] + gx[j]);
    const float f = wt_sigmoidf(gh[h + j] + gx[h + j]);
    const float g = tanhf(gh[2 * h + j] + gx[2 * h + j]);
    const float o = wt_sigmoidf(gh[3 * h + j] + gx[3 * h + j]);
    const float cn = f * c_prev[j] + i * g;
    c[j] = cn;
    y[j] = o * tanhf(cn);
  }
}

void wt_f32_gru_gates_ukernel__scalar(size_t h, const float *gx, const float *gh, const float *h_prev,
                                      float *y) {
  for (size_t j = 0; j < h; j++) {
    const float r = wt_sigmoidf(gh[j] + gx[j]);
    const float z = wt_sigmoidf(gh[h + j] + gx[h + j]);
    const float n = tanhf(gx[2 * h + j] + gh[2 * h + j] * r);
    y[j] = (h_prev[j] - n) * z + n;
  }
}
