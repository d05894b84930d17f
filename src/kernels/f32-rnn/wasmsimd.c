/* f32-rnn SIMD128 kernels: the gate math of one batch row of one time step, 4 hidden
 * units per vector. The tail (h % 4 units) goes through stack buffers, so nothing is
 * read or written outside the rows. Same operation order as the scalar siblings. */
#include <string.h>

#include "kernels/kernels.h"
#include "kernels/f32-vunary/wasmsimd-math.h"

/* Copies `n` < 4 floats of each of `k` segments spaced `h` apart into buf (4 per segment). */
static inline void wt_gather_tail(float *buf, const float *src, size_t k, size_t h, size_t n) {
  for (size_t s = 0; s < k; s++) {
    memset(buf + 4 * s, 0, 4 * sizeof(float));
    memcpy(buf + 4 * s, src + s * h, n * sizeof(float));
  }
}

static inline v128_t wt_rnn_act(v128_t a, int relu) {
  return relu ? wt_f32x4_select(wasm_f32x4_lt(a, wasm_f32x4_splat(0.0f)), wasm_f32x4_splat(0.0f), a)
              : wt_f32x4_tanh(a);
}

void wt_f32_rnn_gates_ukernel__wasmsimd(size_t h, const float *gx, const float *gh, float *y, int relu) {
  size_t j = 0;
  for (; j + 4 <= h; j += 4)
    wasm_v128_store(y + j, wt_rnn_act(wasm_f32x4_add(wasm_v128_load(gh + j), wasm_v128_load(gx + j)), relu));
  if (j < h) {
    float bx[4], bh[4], by[4];
    wt_gather_tail(bx, gx + j, 1, h, h - j);
    wt_gather_tail(bh, gh + j, 1, h, h - j);
    wasm_v128_store(by, wt_rnn_act(wasm_f32x4_add(wasm_v128_load(bh), wasm_v128_load(bx)), relu));
    memcpy(y + j, by, (h - j) * sizeof(float));
  }
}

/* One vector of LSTM units: gx/gh point at unit j of gate 0, gates are `gs` floats apart. */
static inline void wt_lstm4(const float *gx, const float *gh, size_t gs, const float *c_prev, float *c, float *y) {
  const v128_t i = wt_f32x4_sigmoid(wasm_f32x4_add(wasm_v128_load(gh), wasm_v128_load(gx)));
  const v128_t f = wt_f32x4_sigmoid(wasm_f32x4_add(wasm_v128_load(gh + gs), wasm_v128_load(gx + gs)));
  const v128_t g = wt_f32x4_tanh(wasm_f32x4_add(wasm_v128_load(gh + 2 * gs), wasm_v128_load(gx + 2 * gs)));
  const v128_t o = wt_f32x4_sigmoid(wasm_f32x4_add(wasm_v128_load(gh + 3 * gs), wasm_v128_load(gx + 3 * gs)));
  const v128_t cn = wasm_f32x4_add(wasm_f32x4_mul(f, wasm_v128_load(c_prev)), wasm_f32x4_mul(i, g));
  wasm_v128_store(c, cn);
  wasm_v128_store(y, wasm_f32x4_mul(o, wt_f32x4_tanh(cn)));
}

void wt_f32_lstm_gates_ukernel__wasmsimd(size_t h, const float *gx, const float *gh, const float *c_prev,
                                         float *c, float *y) {
  size_t j = 0;
  for (; j + 4 <= h; j += 4) wt_lstm4(gx + j, gh + j, h, c_prev + j, c + j, y + j);
  if (j < h) {
    const size_t n = h - j;
    float bx[16], bh[16], bc[4], oc[4], oy[4];
    wt_gather_tail(bx, gx + j, 4, h, n);
    wt_gather_tail(bh, gh + j, 4, h, n);
    wt_gather_tail(bc, c_prev + j, 1, h, n);
    wt_lstm4(bx, bh, 4, bc, oc, oy);
    memcpy(c + j, oc, n * sizeof(float));
    memcpy(y + j, oy, n * sizeof(float));
  }
}

static inline void wt_gru4(const float *gx, const float *gh, size_t gs, const float *h_prev, float *y) {
  const v128_t r = wt_f32x4_sigmoid(wasm_f32x4_add(wasm_v128_load(gh), wasm_v128_load(gx)));
  const v128_t z = wt_f32x4_sigmoid(wasm_f32x4_add(wasm_v128_load(gh + gs), wasm_v128_load(gx + gs)));
  const v128_t n = wt_f32x4_tanh(wasm_f32x4_add(wasm_v128_load(gx + 2 * gs), wasm_f32x4_mul(wasm_v128_load(gh + 2 * gs), r)));
  wasm_v128_store(y, wasm_f32x4_add(wasm_f32x4_mul(wasm_f32x4_sub(wasm_v128_load(h_prev), n), z), n));
}

void wt_f32_gru_gates_ukernel__wasmsimd(size_t h, const float *gx, const float *gh, const float *h_prev,
                                        float *y) {
  size_t j = 0;
  for (; j + 4 <= h; j += 4) wt_gru4(gx + j, gh + j, h, h_prev + j, y + j);
  if (j < h) {
    const size_t n = h - j;
    float bx[12], bh[12], bp[4], oy[4];
    wt_gather_tail(bx, gx + j, 3, h, n);
    wt_gather_tail(bh, gh + j, 3, h, n);
    wt_gather_tail(bp, h_prev + j, 1, h, n);
    wt_gru4(bx, bh, 4, bp, oy);
    memcpy(y + j, oy, n * sizeof(float));
  }
}
