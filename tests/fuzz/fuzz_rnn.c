/* Fuzzes src/ops/rnn.c: wt_rnn_layer_forward_f32 for RNN tanh/relu, LSTM (with projection)
 * and GRU. With G gates (1, 4, 3) and P = proj_size or H:
 *   y spans (T*B - 1)*y_stride + P floats; h_n, h0 [B, P]; c_n, c0 [B, H] (LSTM only);
 *   x [T, B, I]; w_ih [G*H, I]; w_hh [G*H, P]; b_ih, b_hh [G*H]; w_hr [P, H] iff proj. */
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_in in = {data, size};
  fz_bufs b = {0};
  wt_rnn_params p;
  p.mode = fz_int(&in, 0, 3);
  p.seq_len = fz_int(&in, 1, 5);
  p.batch = fz_int(&in, 1, 3);
  p.input_size = fz_int(&in, 0, 6);
  p.hidden_size = fz_int(&in, 1, 9);
  p.proj_size = p.mode == WT_LSTM && fz_pick(&in, 3) == 0 ? fz_int(&in, 0, 8) : 0;
  p.reverse = fz_int(&in, 0, 1);
  const int64_t G = p.mode == WT_LSTM ? 4 : p.mode == WT_GRU ? 3 : 1;
  const int64_t P = p.proj_size > 0 ? p.proj_size : p.hidden_size, H = p.hidden_size;
  p.y_stride = fz_sat(P * (fz_pick(&in, 4) == 0 ? 2 : 1) + (fz_pick(&in, 8) == 0 ? fz_int(&in, -1, 2) : 0));
  const int lstm = p.mode == WT_LSTM;
  const int with_hn = fz_pick(&in, 2), with_cn = fz_pick(&in, 2) && (lstm || fz_pick(&in, 8) == 0);
  const int with_h0 = fz_pick(&in, 2), with_c0 = fz_pick(&in, 2) && (lstm || fz_pick(&in, 8) == 0);
  const int with_bias = fz_pick(&in, 2), with_hr = p.proj_size > 0 ? fz_pick(&in, 8) != 0 : fz_pick(&in, 8) == 0;
  const int64_t rows = FZ_NUMEL(p.seq_len, p.batch);
  float *y = fz_floats(&b, &in, rows < 1 ? rows : fz_extent(2, (int64_t[]){rows, P}, (int64_t[]){p.y_stride, 1}));
  float *h_n = with_hn ? fz_floats(&b, &in, FZ_NUMEL(p.batch, P)) : NULL;
  float *c_n = with_cn ? fz_floats(&b, &in, FZ_NUMEL(p.batch, H)) : NULL;
  const float *x = fz_floats(&b, &in, FZ_NUMEL(p.seq_len, p.batch, p.input_size));
  const float *h0 = with_h0 ? fz_floats(&b, &in, FZ_NUMEL(p.batch, P)) : NULL;
  const float *c0 = with_c0 ? fz_floats(&b, &in, FZ_NUMEL(p.batch, H)) : NULL;
  const float *w_ih = fz_floats(&b, &in, FZ_NUMEL(G, H, p.input_size));
  const float *w_hh = fz_floats(&b, &in, FZ_NUMEL(G, H, P));
  const float *b_ih = with_bias ? fz_floats(&b, &in, FZ_NUMEL(G, H)) : NULL;
  const float *b_hh = with_bias ? fz_floats(&b, &in, FZ_NUMEL(G, H)) : NULL;
  const float *w_hr = with_hr ? fz_floats(&b, &in, FZ_NUMEL(P, H)) : NULL;
  wt_rnn_params *pp = fz_alloc(&b, 1, sizeof p);
  memcpy(pp, &p, sizeof p);
  FZ_RUN(b, wt_rnn_layer_forward_f32(pp, y, h_n, c_n, x, h0, c0, w_ih, w_hh, b_ih, b_hh, w_hr));
  return 0;
}
