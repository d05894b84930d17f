/* Recurrent layers: one direction of one layer of RNN (tanh/relu), LSTM (optional
 * projection) or GRU over a whole sequence, in PyTorch's parameter layout.
 *   x     [T, B, I]                 time-major, contiguous
 *   y     row (t, b) at y + (t*B + b)*y_stride, P floats (P = proj_size or H)
 *   h0    [B, P] or NULL (zeros);   h_n [B, P] or NULL (not wanted)
 *   c0    [B, H] or NULL (zeros);   c_n [B, H] or NULL            (LSTM only)
 *   w_ih  [G*H, I], w_hh [G*H, P], b_ih/b_hh [G*H] or NULL, w_hr [P, H] (LSTM, proj_size > 0)
 * G = 1 (RNN), 4 (LSTM: i|f|g|o), 3 (GRU: r|z|n).
 * The input projection x @ w_ih^T + b_ih of all time steps is one GEMM (in time chunks
 * only when it would exceed the scratch bound). w_hh (with b_hh as the packed bias) and
 * w_hr are packed once, so each step is just the GEMM microkernel sweep for
 * h_prev @ w_hh^T + b_hh, then the fused gate kernel per batch row. h_prev is read
 * straight from the previous step's rows of y (leading dimension y_stride). */
#include <string.h>

#include "internal.h"
#include "kernels/kernels.h"

wt_status wt_rnn_layer_forward_f32(const wt_rnn_params *p, float *y, float *h_n, float *c_n, const float *x,
                                   const float *h0, const float *c0, const float *w_ih, const float *w_hh,
                                   const float *b_ih, const float *b_hh, const float *w_hr) {
  static const char *fn = "wt_rnn_layer_forward_f32";
  WT_CHECK_PTR(p, fn, "p");
  WT_CHECK_PTR(y, fn, "y");
  WT_CHECK_PTR(x, fn, "x");
  WT_CHECK_PTR(w_ih, fn, "w_ih");
  WT_CHECK_PTR(w_hh, fn, "w_hh");
  if (p->mode < WT_RNN_TANH || p->mode > WT_GRU)
    return wt_error(WT_EINVAL, "%s: mode must be a wt_rnn_mode (0..3), got %d", fn, p->mode);
  WT_CHECK_POS(p->seq_len, fn, "seq_len");
  WT_CHECK_POS(p->batch, fn, "batch");
  if (p->input_size < 0) return wt_error(WT_EINVAL, "%s: input_size must be >= 0, got %d", fn, p->input_size);
  WT_CHECK_POS(p->hidden_size, fn, "hidden_size");
  const int lstm = p->mode == WT_LSTM;
  if (p->proj_size < 0 || p->proj_size >= p->hidden_size || (!lstm && p->proj_size != 0))
    return wt_error(WT_EINVAL, "%s: proj_size must be 0%s, got %d", fn,
                    lstm ? " or in [1, hidden_size)" : " for RNN and GRU", p->proj_size);
  if (p->reverse != 0 && p->reverse != 1) return wt_error(WT_EINVAL, "%s: reverse must be 0 or 1, got %d", fn, p->reverse);
  const int64_t T = p->seq_len, B = p->batch, I = p->input_size, H = p->hidden_size;
  const int64_t P = p->proj_size > 0 ? p->proj_size : H;
  const int64_t G = lstm ? 4 : p->mode == WT_GRU ? 3 : 1, GH = G * H;
  if (p->y_stride < P) return wt_error(WT_EINVAL, "%s: y_stride (%d) must be >= %lld", fn, p->y_stride, (long long)P);
  if ((w_hr != NULL) != (p->proj_size > 0))
    return wt_error(WT_EINVAL, "%s: w_hr must be given exactly when proj_size > 0", fn);
  if (!lstm && (c0 != NULL || c_n != NULL)) return wt_error(WT_EINVAL, "%s: c0 and c_n are for LSTM only", fn);

  const int64_t lim = (int64_t)(SIZE_MAX / sizeof(float));
  int64_t t1, t2, t3;
  if (!wt_mul_i64(T * B, I, &t1) || t1 > lim || !wt_mul_i64(T * B, p->y_stride, &t2) || t2 > lim ||
      !wt_mul_i64(GH, I > P ? I : P, &t3) || t3 > lim || GH > INT32_MAX)
    return wt_error(WT_EINVAL, "%s: sizes overflow", fn);

  /* Time steps per input-projection GEMM: all of them unless that exceeds the bound. */
  int64_t steps = WT_SCRATCH_CHUNK_FLOATS / (B * GH);
  if (steps < 1) steps = 1;
  if (steps > T) steps = T;
  const int64_t n_gx = steps * B * GH, n_gh = B * GH, n_hz = h0 == NULL ? B * P : 0, n_c = lstm ? B * H : 0;
  const int64_t n_hf = w_hr != NULL ? B * H : 0, n_phh = wt_gemm_packed_floats_of(GH, P);
  const int64_t n_phr = w_hr != NULL ? wt_gemm_packed_floats_of(P, H) : 0;
  const int64_t total = n_gx + n_gh + n_hz + n_c + n_hf + n_phh + n_phr;
  float *scratch = total <= lim ? wt_scratch_alloc(total * (int64_t)sizeof(float)) : NULL;
  if (scratch == NULL)
    return wt_error(WT_ENOMEM, "%s: cannot allocate %lld bytes of scratch", fn, (long long)(total * (int64_t)sizeof(float)));
  float *gx = scratch, *gh = gx + n_gx, *hz = gh + n_gh, *c = hz + n_hz, *hfull = c + n_c, *phh = hfull + n_hf;
  float *phr = phh + n_phh;
  if (h0 == NULL) memset(hz, 0, (size_t)n_hz * sizeof(float));
  if (lstm) {
    if (c0 != NULL) memcpy(c, c0, (size_t)n_c * sizeof(float));
    else memset(c, 0, (size_t)n_c * sizeof(float));
  }
  wt_f32_gemm_pack_b_x8((size_t)GH, (size_t)P, w_hh, (size_t)P, 1, b_hh, phh);
  if (w_hr != NULL) wt_f32_gemm_pack_b_x8((size_t)P, (size_t)H, w_hr, (size_t)H, 1, NULL, phr);

  const size_t ys = (size_t)p->y_stride, h = (size_t)H;
  const float *hprev = h0 != NULL ? h0 : hz;
  size_t hprev_ld = (size_t)P;
  int64_t tlo = 0;
  wt_status st = WT_OK;
  for (int64_t s = 0; s < T; s++) {
    if (s % steps == 0) {
      const int64_t n = T - s < steps ? T - s : steps;
      tlo = p->reverse ? T - s - n : s;
      if (I > 0) {
        st = wt_gemm_run(fn, (int32_t)(n * B), (int32_t)GH, (int32_t)I, x + tlo * B * I, (int32_t)I, w_ih, (int32_t)I,
                         1, gx, (int32_t)GH, b_ih, 0);
        if (st != WT_OK) break;
      } else {
        /* LSTM(0, H) is legal in PyTorch: the input projection is just b_ih */
        for (size_t r = 0; r < (size_t)(n * B); r++) {
          if (b_ih != NULL) memcpy(gx + r * (size_t)GH, b_ih, (size_t)GH * sizeof(float));
          else memset(gx + r * (size_t)GH, 0, (size_t)GH * sizeof(float));
        }
      }
    }
    const int64_t t = p->reverse ? T - 1 - s : s;
    wt_gemm_sweep_packed((size_t)B, (size_t)GH, (size_t)P, hprev, hprev_ld, phh, gh, (size_t)GH, 0);
    float *yt = y + (size_t)(t * B) * ys;
    for (size_t b = 0; b < (size_t)B; b++) {
      const float *gxr = gx + ((size_t)(t - tlo) * (size_t)B + b) * (size_t)GH, *ghr = gh + b * (size_t)GH;
      float *yr = yt + b * ys;
      if (lstm) {
        WT_UKERNEL(wt_f32_lstm_gates_ukernel)(h, gxr, ghr, c + b * h, c + b * h, w_hr != NULL ? hfull + b * h : yr);
      } else if (p->mode == WT_GRU) {
        WT_UKERNEL(wt_f32_gru_gates_ukernel)(h, gxr, ghr, hprev + b * hprev_ld, yr);
      } else {
        WT_UKERNEL(wt_f32_rnn_gates_ukernel)(h, gxr, ghr, yr, p->mode == WT_RNN_RELU);
      }
    }
    if (w_hr != NULL) wt_gemm_sweep_packed((size_t)B, (size_t)P, h, hfull, h, phr, yt, ys, 0);
    hprev = yt;
    hprev_ld = ys;
  }
  if (st == WT_OK) {
    if (h_n != NULL)
      for (size_t b = 0; b < (size_t)B; b++) memcpy(h_n + b * (size_t)P, hprev + b * hprev_ld, (size_t)P * sizeof(float));
    if (c_n != NULL) memcpy(c_n, c, (size_t)n_c * sizeof(float));
  }
  wt_scratch_free(scratch);
  return st;
}
