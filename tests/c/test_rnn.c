/* Recurrent layers: the gate kernels (SIMD vs scalar, tails, LSTM's in-place c), the layer
 * op for every mode against a naive double-precision reference (bias or not, given or zero
 * initial states, projection, both directions, a strided y as in a bidirectional output,
 * time-chunked input projection), and error statuses. */
#include "kernels/kernels.h"
#include "test_util.h"

static double sigm(double v) { return 1.0 / (1.0 + exp(-v)); }

/* One layer, one direction, straight from PyTorch's equations. y is [T, B, P] contiguous. */
static void ref_layer(const wt_rnn_params *p, float *y, float *h_n, float *c_n, const float *x, const float *h0,
                      const float *c0, const float *w_ih, const float *w_hh, const float *b_ih, const float *b_hh,
                      const float *w_hr) {
  const int T = p->seq_len, B = p->batch, I = p->input_size, H = p->hidden_size;
  const int P = p->proj_size ? p->proj_size : H;
  const int G = p->mode == WT_LSTM ? 4 : p->mode == WT_GRU ? 3 : 1;
  double *h = calloc((size_t)B * P, sizeof(double)), *c = calloc((size_t)B * H, sizeof(double));
  double *gi = malloc((size_t)G * H * sizeof(double)), *gh = malloc((size_t)G * H * sizeof(double));
  double *hf = malloc((size_t)H * sizeof(double));
  for (int i = 0; h0 && i < B * P; i++) h[i] = h0[i];
  for (int i = 0; c0 && i < B * H; i++) c[i] = c0[i];
  for (int s = 0; s < T; s++) {
    const int t = p->reverse ? T - 1 - s : s;
    for (int b = 0; b < B; b++) {
      double *hb = h + (size_t)b * P, *cb = c + (size_t)b * H;
      for (int g = 0; g < G * H; g++) {
        double a = b_ih ? b_ih[g] : 0, e = b_hh ? b_hh[g] : 0;
        for (int i = 0; i < I; i++) a += (double)w_ih[(size_t)g * I + i] * x[((size_t)t * B + b) * I + i];
        for (int k = 0; k < P; k++) e += (double)w_hh[(size_t)g * P + k] * hb[k];
        gi[g] = a, gh[g] = e;
      }
      for (int j = 0; j < H; j++) {
        if (p->mode == WT_LSTM) {
          double ig = sigm(gi[j] + gh[j]), fg = sigm(gi[H + j] + gh[H + j]);
          double gg = tanh(gi[2 * H + j] + gh[2 * H + j]), og = sigm(gi[3 * H + j] + gh[3 * H + j]);
          cb[j] = fg * cb[j] + ig * gg;
          hf[j] = og * tanh(cb[j]);
        } else if (p->mode == WT_GRU) {
          double r = sigm(gi[j] + gh[j]), z = sigm(gi[H + j] + gh[H + j]);
          double n = tanh(gi[2 * H + j] + r * gh[2 * H + j]);
          hf[j] = (1 - z) * n + z * hb[j];
        } else {
          double a = gi[j] + gh[j];
          hf[j] = p->mode == WT_RNN_TANH ? tanh(a) : (a > 0 ? a : 0);
        }
      }
      for (int k = 0; k < P; k++) {
        double v = hf[k];
        if (w_hr) {
          v = 0;
          for (int j = 0; j < H; j++) v += (double)w_hr[(size_t)k * H + j] * hf[j];
        }
        hb[k] = v;
        y[((size_t)t * B + b) * P + k] = (float)v;
      }
    }
  }
  for (int i = 0; i < B * P; i++) h_n[i] = (float)h[i];
  for (int i = 0; c_n && i < B * H; i++) c_n[i] = (float)c[i];
  free(h), free(c), free(gi), free(gh), free(hf);
}

static void test_kernels(void) {
  for (size_t h = 1; h <= 13; h++) {
    float *gx = rand_buf(4 * h, -6, 6), *gh = rand_buf(4 * h, -6, 6), *hp = rand_buf(h, -1, 1);
    float *c1 = rand_buf(h, -2, 2), *c2 = malloc(h * 4), *y1 = malloc(h * 4), *y2 = malloc(h * 4);
    float *cs = malloc(h * 4);
    for (int relu = 0; relu <= 1; relu++) {
      wt_f32_rnn_gates_ukernel__wasmsimd(h, gx, gh, y1, relu);
      wt_f32_rnn_gates_ukernel__scalar(h, gx, gh, y2, relu);
      expect_close("rnn gates", y1, y2, h, 2e-6f, 1e-6f);
    }
    wt_f32_gru_gates_ukernel__wasmsimd(h, gx, gh, hp, y1);
    wt_f32_gru_gates_ukernel__scalar(h, gx, gh, hp, y2);
    expect_close("gru gates", y1, y2, h, 2e-6f, 1e-6f);
    memcpy(cs, c1, h * 4);
    wt_f32_lstm_gates_ukernel__scalar(h, gx, gh, cs, c2, y2);
    wt_f32_lstm_gates_ukernel__wasmsimd(h, gx, gh, c1, c1, y1); /* c in place */
    expect_close("lstm gates c", c1, c2, h, 2e-6f, 1e-6f);
    expect_close("lstm gates y", y1, y2, h, 2e-6f, 1e-6f);
    free(gx), free(gh), free(hp), free(c1), free(c2), free(y1), free(y2), free(cs);
  }
}

/* Random layer of `mode`; y is written with stride ys (> P leaves a gap that must stay untouched). */
static void test_layer(int mode, int T, int B, int I, int H, int proj, int reverse, int ys_extra, int with_bias,
                       int with_h0) {
  const int P = proj ? proj : H, G = mode == WT_LSTM ? 4 : mode == WT_GRU ? 3 : 1, ys = P + ys_extra;
  const wt_rnn_params p = {mode, T, B, I, H, proj, reverse, ys};
  float *x = rand_buf((size_t)T * B * I, -1, 1), *w_ih = rand_buf((size_t)G * H * I, -0.5f, 0.5f);
  float *w_hh = rand_buf((size_t)G * H * P, -0.5f, 0.5f);
  float *b_ih = with_bias ? rand_buf((size_t)G * H, -0.5f, 0.5f) : NULL;
  float *b_hh = with_bias ? rand_buf((size_t)G * H, -0.5f, 0.5f) : NULL;
  float *w_hr = proj ? rand_buf((size_t)P * H, -0.5f, 0.5f) : NULL;
  float *h0 = with_h0 ? rand_buf((size_t)B * P, -1, 1) : NULL;
  float *c0 = with_h0 && mode == WT_LSTM ? rand_buf((size_t)B * H, -1, 1) : NULL;
  const size_t ny = (size_t)T * B * ys;
  float *y = malloc(ny * 4), *h_n = malloc((size_t)B * P * 4), *c_n = malloc((size_t)B * H * 4);
  float *ry = malloc((size_t)T * B * P * 4), *rh = malloc((size_t)B * P * 4), *rc = malloc((size_t)B * H * 4);
  for (size_t i = 0; i < ny; i++) y[i] = 7.0f;
  CHECK_OK(wt_rnn_layer_forward_f32(&p, y, h_n, mode == WT_LSTM ? c_n : NULL, x, h0, c0, w_ih, w_hh, b_ih, b_hh, w_hr));
  ref_layer(&p, ry, rh, mode == WT_LSTM ? rc : NULL, x, h0, c0, w_ih, w_hh, b_ih, b_hh, w_hr);
  float *yc = malloc((size_t)T * B * P * 4);
  int gap_ok = 1;
  for (size_t r = 0; r < (size_t)T * B; r++) {
    memcpy(yc + r * P, y + r * ys, (size_t)P * 4);
    for (int k = P; k < ys; k++) gap_ok &= y[r * ys + k] == 7.0f;
  }
  CHECK(gap_ok);
  /* relu RNNs can grow without bound: a relative tolerance keeps the check meaningful */
  expect_close("wt_rnn_layer_forward_f32 y", yc, ry, (size_t)T * B * P, 1e-4f, 1e-5f);
  expect_close("wt_rnn_layer_forward_f32 h_n", h_n, rh, (size_t)B * P, 1e-4f, 1e-5f);
  if (mode == WT_LSTM) expect_close("wt_rnn_layer_forward_f32 c_n", c_n, rc, (size_t)B * H, 1e-4f, 1e-5f);
  free(x), free(w_ih), free(w_hh), free(b_ih), free(b_hh), free(w_hr), free(h0), free(c0);
  free(y), free(h_n), free(c_n), free(ry), free(rh), free(rc), free(yc);
}

/* B*G*H beyond half the 4M-float scratch bound: the input projection runs in time chunks. */
static void test_time_chunks(void) {
  const int T = 5, B = 1500000;
  for (int reverse = 0; reverse <= 1; reverse++) {
    const wt_rnn_params p = {WT_RNN_TANH, T, B, 1, 1, 0, reverse, 1};
    float *x = rand_buf((size_t)T * B, -1, 1), *y = malloc((size_t)T * B * 4), *h_n = malloc((size_t)B * 4);
    const float w_ih = 0.7f, w_hh = -0.4f, b_ih = 0.1f, b_hh = 0.05f;
    CHECK_OK(wt_rnn_layer_forward_f32(&p, y, h_n, NULL, x, NULL, NULL, &w_ih, &w_hh, &b_ih, &b_hh, NULL));
    size_t bad = 0;
    for (size_t b = 0; b < (size_t)B; b++) {
      double h = 0;
      for (int s = 0; s < T; s++) {
        const int t = reverse ? T - 1 - s : s;
        h = tanh(w_ih * (double)x[(size_t)t * B + b] + b_ih + w_hh * h + b_hh);
        bad += fabs(y[(size_t)t * B + b] - h) > 1e-5;
      }
      bad += fabs(h_n[b] - h) > 1e-5;
    }
    CHECK(bad == 0);
    free(x), free(y), free(h_n);
  }
}

static void test_errors(void) {
  float v[64] = {0}, w_hr[8] = {0};
  const wt_rnn_params ok = {WT_LSTM, 2, 1, 2, 2, 0, 0, 2};
  CHECK_OK(wt_rnn_layer_forward_f32(&ok, v, v + 8, v + 12, v + 16, NULL, NULL, v + 20, v + 40, NULL, NULL, NULL));
  CHECK_ERR(wt_rnn_layer_forward_f32(NULL, v, NULL, NULL, v + 16, NULL, NULL, v + 20, v + 40, NULL, NULL, NULL), WT_EINVAL);
  CHECK_ERR(wt_rnn_layer_forward_f32(&ok, NULL, NULL, NULL, v + 16, NULL, NULL, v + 20, v + 40, NULL, NULL, NULL), WT_EINVAL);
  CHECK_ERR(wt_rnn_layer_forward_f32(&ok, v, NULL, NULL, NULL, NULL, NULL, v + 20, v + 40, NULL, NULL, NULL), WT_EINVAL);
  CHECK_ERR(wt_rnn_layer_forward_f32(&ok, v, NULL, NULL, v + 16, NULL, NULL, NULL, v + 40, NULL, NULL, NULL), WT_EINVAL);
  CHECK_ERR(wt_rnn_layer_forward_f32(&ok, v, NULL, NULL, v + 16, NULL, NULL, v + 20, NULL, NULL, NULL, NULL), WT_EINVAL);
  const wt_rnn_params bad[] = {
      {4, 2, 1, 2, 2, 0, 0, 2},         /* unknown mode */
      {WT_LSTM, 0, 1, 2, 2, 0, 0, 2},   /* seq_len 0 */
      {WT_LSTM, 2, 0, 2, 2, 0, 0, 2},   /* batch 0 */
      {WT_LSTM, 2, 1, -1, 2, 0, 0, 2},  /* input_size < 0 */
      {WT_LSTM, 2, 1, 2, 0, 0, 0, 2},   /* hidden_size 0 */
      {WT_LSTM, 2, 1, 2, 2, 2, 0, 2},   /* proj_size == hidden_size */
      {WT_LSTM, 2, 1, 2, 2, -1, 0, 2},  /* proj_size < 0 */
      {WT_LSTM, 2, 1, 2, 2, 0, 2, 2},   /* reverse 2 */
      {WT_LSTM, 2, 1, 2, 2, 0, 0, 1},   /* y_stride < P */
      {WT_LSTM, 1 << 30, 1 << 30, 1 << 30, 2, 0, 0, 2}, /* overflow */
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
    CHECK_ERR(wt_rnn_layer_forward_f32(&bad[i], v, NULL, NULL, v + 16, NULL, NULL, v + 20, v + 40, NULL, NULL, NULL),
              WT_EINVAL);
  const wt_rnn_params gru_proj = {WT_GRU, 2, 1, 2, 2, 1, 0, 2};
  CHECK_ERR(wt_rnn_layer_forward_f32(&gru_proj, v, NULL, NULL, v + 16, NULL, NULL, v + 20, v + 40, NULL, NULL, w_hr),
            WT_EINVAL);
  const wt_rnn_params proj = {WT_LSTM, 2, 1, 2, 2, 1, 0, 1};
  CHECK_ERR(wt_rnn_layer_forward_f32(&proj, v, NULL, NULL, v + 16, NULL, NULL, v + 20, v + 40, NULL, NULL, NULL),
            WT_EINVAL); /* proj_size without w_hr */
  CHECK_ERR(wt_rnn_layer_forward_f32(&ok, v, NULL, NULL, v + 16, NULL, NULL, v + 20, v + 40, NULL, NULL, w_hr),
            WT_EINVAL); /* w_hr without proj_size */
  const wt_rnn_params gru = {WT_GRU, 2, 1, 2, 2, 0, 0, 2};
  CHECK_ERR(wt_rnn_layer_forward_f32(&gru, v, NULL, NULL, v + 16, NULL, v, v + 20, v + 40, NULL, NULL, NULL),
            WT_EINVAL); /* c0 for GRU */
  CHECK_ERR(wt_rnn_layer_forward_f32(&gru, v, NULL, v, v + 16, NULL, NULL, v + 20, v + 40, NULL, NULL, NULL),
            WT_EINVAL); /* c_n for GRU */
}

int main(void) {
  test_kernels();
  for (int it = 0; it < 60; it++) {
    const int mode = it % 4, H = rng_int(1, 11);
    const int proj = mode == WT_LSTM && H > 1 && it % 8 == 2 ? rng_int(1, H - 1) : 0;
    test_layer(mode, rng_int(1, 7), rng_int(1, 6), rng_int(1, 9), H, proj, rng_int(0, 1), rng_int(0, 1) * rng_int(1, 5),
               rng_int(0, 3) != 0, rng_int(0, 1));
  }
  test_layer(WT_RNN_TANH, 120, 2, 3, 5, 0, 0, 0, 1, 1); /* long sequence */
  test_layer(WT_LSTM, 9, 5, 4, 16, 3, 1, 3, 1, 1);      /* projected, reverse, strided y */
  test_layer(WT_LSTM, 4, 2, 0, 3, 0, 0, 0, 1, 1);       /* input_size 0: only b_ih drives the gates */
  test_layer(WT_GRU, 4, 2, 0, 3, 0, 1, 0, 0, 1);
  test_time_chunks();
  test_errors();
  return test_exit("test_rnn");
}
