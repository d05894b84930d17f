/* Microkernels: leaves with explicit sizes and strides, no allocation, no status.
 * Every __wasmsimd kernel has a plain __scalar sibling with the same contract; the
 * scalar one is the test reference and the kernel of the WT_SIMD=OFF build.
 * No kernel reads or writes outside [ptr, ptr + n) of its buffers (tails are handled
 * with partial loads/stores through a small stack buffer). */
#ifndef WT_KERNELS_H
#define WT_KERNELS_H

#include <stddef.h>
#include <stdint.h>

/* ---- f32-vunary: y[i] = f(x[i]), i < n; y may equal x ---- */
typedef void (*wt_f32_vunary_ukernel_fn)(size_t n, const float *x, float *y);
#define WT_DECLARE_VUNARY(name)                                                   \
  void wt_f32_##name##_ukernel__wasmsimd(size_t n, const float *x, float *y);    \
  void wt_f32_##name##_ukernel__scalar(size_t n, const float *x, float *y);
WT_DECLARE_VUNARY(vrelu)
WT_DECLARE_VUNARY(vsigmoid)
WT_DECLARE_VUNARY(vtanh)
WT_DECLARE_VUNARY(vexp)
WT_DECLARE_VUNARY(vlog)
WT_DECLARE_VUNARY(vneg)
WT_DECLARE_VUNARY(vabs)
WT_DECLARE_VUNARY(vsqrt)
WT_DECLARE_VUNARY(vselu)
WT_DECLARE_VUNARY(vsilu)
WT_DECLARE_VUNARY(vmish)
WT_DECLARE_VUNARY(vsoftsign)
WT_DECLARE_VUNARY(vhardsigmoid)
WT_DECLARE_VUNARY(vhardswish)
WT_DECLARE_VUNARY(vgelu)
WT_DECLARE_VUNARY(vgelu_tanh)
WT_DECLARE_VUNARY(vlogsigmoid)
WT_DECLARE_VUNARY(vtanhshrink)
#undef WT_DECLARE_VUNARY

/* ---- f32-vunary with parameters: y[i] = f(x[i]; p0, p1), meanings as in wt_unary_op ---- */
typedef void (*wt_f32_vunaryp_ukernel_fn)(size_t n, const float *x, float *y, float p0, float p1);
#define WT_DECLARE_VUNARYP(name)                                                            \
  void wt_f32_##name##_ukernel__wasmsimd(size_t n, const float *x, float *y, float p0, float p1); \
  void wt_f32_##name##_ukernel__scalar(size_t n, const float *x, float *y, float p0, float p1);
WT_DECLARE_VUNARYP(vleaky_relu)
WT_DECLARE_VUNARYP(velu)
WT_DECLARE_VUNARYP(vsoftplus)
WT_DECLARE_VUNARYP(vhardtanh)
WT_DECLARE_VUNARYP(vthreshold)
WT_DECLARE_VUNARYP(vhardshrink)
WT_DECLARE_VUNARYP(vsoftshrink)
#undef WT_DECLARE_VUNARYP

/* ---- f32-vbinary: op is a wt_binary_op (checked by the caller) ----
 * vbinary:   y[i] = a[i] op b[i]
 * vbinaryc:  y[i] = a[i] op b        (b broadcast)
 * vrbinaryc: y[i] = a op b[i]        (a broadcast)
 * y may equal a or b. */
void wt_f32_vbinary_ukernel__wasmsimd(int op, size_t n, const float *a, const float *b, float *y);
void wt_f32_vbinary_ukernel__scalar(int op, size_t n, const float *a, const float *b, float *y);
void wt_f32_vbinaryc_ukernel__wasmsimd(int op, size_t n, const float *a, float b, float *y);
void wt_f32_vbinaryc_ukernel__scalar(int op, size_t n, const float *a, float b, float *y);
void wt_f32_vrbinaryc_ukernel__wasmsimd(int op, size_t n, float a, const float *b, float *y);
void wt_f32_vrbinaryc_ukernel__scalar(int op, size_t n, float a, const float *b, float *y);
/* scalar a op b with PyTorch's NaN/signed-zero semantics (used by strided paths) */
float wt_f32_binary_scalar(int op, float a, float b);

/* ---- f32-reduce: reductions of one contiguous row x[0..n), n >= 1 ----
 * rsum uses 16 partial sums (4 vectors) combined pairwise; rmax/rmin propagate NaN. */
float wt_f32_rsum_ukernel__wasmsimd(size_t n, const float *x);
float wt_f32_rsum_ukernel__scalar(size_t n, const float *x);
float wt_f32_rmax_ukernel__wasmsimd(size_t n, const float *x);
float wt_f32_rmax_ukernel__scalar(size_t n, const float *x);
float wt_f32_rmin_ukernel__wasmsimd(size_t n, const float *x);
float wt_f32_rmin_ukernel__scalar(size_t n, const float *x);

/* ---- f32-softmax: one contiguous row, n >= 1; y may equal x ----
 * log == 0: y = exp(x - max) / sum; log == 1: y = x - max - log(sum). */
void wt_f32_softmax_ukernel__wasmsimd(size_t n, const float *x, float *y, int log);
void wt_f32_softmax_ukernel__scalar(size_t n, const float *x, float *y, int log);

/* ---- f32-gemm: 4x8 register tile ----
 * Packed weights for one panel of up to 8 columns (see wt_f32_gemm_pack_b_x8):
 *   w[0..8)                 bias of the 8 columns (0 where absent / beyond N)
 *   w[8 + k*8 + j]          B(k, col0 + j), 0 for columns beyond N
 * The kernel computes rows [0, mr) (1 <= mr <= 4) and columns [0, nc) (1 <= nc <= 8):
 *   c[i*c_stride + j] = (accumulate ? c[..] : 0) + w_bias[j] + sum_k a[i*a_stride + k] * B(k, j)
 * reading only a[i*a_stride + k] for i < mr, k < kc, and writing only c[i][j < nc]. */
void wt_f32_gemm_ukernel_4x8__wasmsimd(size_t mr, size_t nc, size_t kc, const float *a,
                                       size_t a_stride, const float *w, float *c,
                                       size_t c_stride, int accumulate);
void wt_f32_gemm_ukernel_4x8__scalar(size_t mr, size_t nc, size_t kc, const float *a,
                                     size_t a_stride, const float *w, float *c,
                                     size_t c_stride, int accumulate);
/* Packs B (K x N, or N x K if trans_b) into ceil(N/8) panels of (8 + K*8) floats each. */
void wt_f32_gemm_pack_b_x8(size_t N, size_t K, const float *B, size_t ldb, int trans_b,
                           const float *bias, float *packed);
#define WT_GEMM_MR 4
#define WT_GEMM_NR 8

/* ---- f32-igemm: the 4x8 tile with B read in place (conv's implicit GEMM) ----
 * B row k is the 8 floats at x + off[k] (conv: off[k] is tap k of a window in the padded
 * input, x the origin of 8 consecutive windows). A comes packed in strips of 4 rows (see
 * wt_f32_igemm_pack_a_x4): a[k*4 + i] = A(i, k). The kernel computes rows [0, mr)
 * (1 <= mr <= 4) and all 8 columns:
 *   c[i*c_stride + j] += sum_k a[k*4 + i] * x[off[k] + j]
 * with the sum from +0 in k order, then added to c: bit for bit the f32-gemm kernel on the
 * im2col panel of those rows (zero bias row, accumulate). Writes only c[i][j], i < mr. */
void wt_f32_igemm_ukernel_4x8__wasmsimd(size_t mr, size_t kc, const float *a, const float *x, const size_t *off,
                                        float *c, size_t c_stride);
void wt_f32_igemm_ukernel_4x8__scalar(size_t mr, size_t kc, const float *a, const float *x, const size_t *off,
                                      float *c, size_t c_stride);
/* Packs A (M x K, rows lda apart) into ceil(M/4) strips of K*4 floats; rows beyond M repeat row M - 1. */
void wt_f32_igemm_pack_a_x4(size_t M, size_t K, const float *A, size_t lda, float *packed);

/* ---- f32-maxpool: one output row along the innermost spatial dim ----
 * For each output o < out_w, the window starts at input column o*stride - pad and has
 * `kernel` taps spaced `dilation`; taps outside [0, in_w) are skipped (padding = -inf).
 * The row is the elementwise max of `nrows` input rows (the outer window dims), each of
 * length in_w; rows[r] points at the row and row_base[r] is its flat index in the plane.
 * Writes y[0..out_w) and, if idx != NULL, idx[0..out_w) (flat index; NaN wins, last NaN
 * reported like PyTorch). A window with no valid tap gives -inf at row_base[0] plus its
 * first lattice column (PyTorch's initial index). nrows >= 1. */
void wt_f32_maxpool_ukernel__scalar(size_t out_w, size_t nrows, const float *const *rows,
                                    const int64_t *row_base, size_t in_w, size_t kernel,
                                    size_t stride, size_t pad, size_t dilation, float *y,
                                    int64_t *idx);
void wt_f32_maxpool_ukernel__wasmsimd(size_t out_w, size_t nrows, const float *const *rows,
                                      const int64_t *row_base, size_t in_w, size_t kernel,
                                      size_t stride, size_t pad, size_t dilation, float *y,
                                      int64_t *idx);
/* One plane of the 2x2 window with stride 2, no padding or dilation (MaxPool2d(2)), values
 * only: y[oh*out_w + o] = max of x rows 2*oh, 2*oh+1, columns 2*o, 2*o+1 (rows in_w apart),
 * the row kernel's rule and tap order. 2*out_w <= in_w; x holds 2*out_h rows. */
void wt_f32_maxpool2x2_ukernel__scalar(size_t out_h, size_t out_w, const float *x, size_t in_w, float *y);
void wt_f32_maxpool2x2_ukernel__wasmsimd(size_t out_h, size_t out_w, const float *x, size_t in_w, float *y);

/* ---- f32-rnn: gate math of one batch row of one recurrent time step ----
 * gx, gh: the input and hidden projections of the row (biases included), the gates
 * side by side, h floats each (PyTorch's order: LSTM i|f|g|o, GRU r|z|n, RNN one gate).
 * rnn:  y = act(gh + gx), act = tanh, or relu if relu != 0
 * lstm: c = f*c_prev + i*g, y = o*tanh(c) (i, f, o sigmoids, g tanh); c may equal c_prev
 * gru:  n = tanh(gx_n + r*gh_n), y = (h_prev - n)*z + n (r, z sigmoids)
 * y must not overlap the inputs. h >= 1. */
void wt_f32_rnn_gates_ukernel__wasmsimd(size_t h, const float *gx, const float *gh, float *y, int relu);
void wt_f32_rnn_gates_ukernel__scalar(size_t h, const float *gx, const float *gh, float *y, int relu);
void wt_f32_lstm_gates_ukernel__wasmsimd(size_t h, const float *gx, const float *gh, const float *c_prev,
                                         float *c, float *y);
void wt_f32_lstm_gates_ukernel__scalar(size_t h, const float *gx, const float *gh, const float *c_prev,
                                       float *c, float *y);
void wt_f32_gru_gates_ukernel__wasmsimd(size_t h, const float *gx, const float *gh, const float *h_prev,
                                        float *y);
void wt_f32_gru_gates_ukernel__scalar(size_t h, const float *gx, const float *gh, const float *h_prev,
                                      float *y);

/* ---- f32-norm: pieces of batch/layer/group/instance/local-response norm ----
 * rsumsqdev:            returns sum_i (x[i] - c)^2 over one contiguous row, n >= 1 (the
 *                       second pass of a two-pass variance; same blocking as rsum).
 * vscaleshift:          y[i] = x[i]*scale + shift (y may equal x).
 * vscaleshift_affine:   y[r*n + i] = (x[r*n + i]*scale[r] + shift[r])*w[i] + b[i] for r < rows
 *                       contiguous rows of n; w NULL means 1, b NULL 0 (LayerNorm's elementwise
 *                       affine over a block of rows, which share the loads of w and b; y may
 *                       equal x).
 * vsqradd:              acc[i] += x[i]*x[i] (acc must not overlap x). */
float wt_f32_rsumsqdev_ukernel__wasmsimd(size_t n, const float *x, float c);
float wt_f32_rsumsqdev_ukernel__scalar(size_t n, const float *x, float c);
void wt_f32_vscaleshift_ukernel__wasmsimd(size_t n, const float *x, float scale, float shift, float *y);
void wt_f32_vscaleshift_ukernel__scalar(size_t n, const float *x, float scale, float shift, float *y);
void wt_f32_vscaleshift_affine_ukernel__wasmsimd(size_t rows, size_t n, const float *x, const float *scale,
                                                 const float *shift, const float *w, const float *b, float *y);
void wt_f32_vscaleshift_affine_ukernel__scalar(size_t rows, size_t n, const float *x, const float *scale,
                                               const float *shift, const float *w, const float *b, float *y);
void wt_f32_vsqradd_ukernel__wasmsimd(size_t n, const float *x, float *acc);
void wt_f32_vsqradd_ukernel__scalar(size_t n, const float *x, float *acc);

/* ---- f32-dwconv: one output row of one channel of a depthwise convolution ----
 * For o in [o_begin, o_end):
 *   y[o] = bias + sum_{r < nrows} sum_{t < kernel} rows[r][o*stride - pad + t*dilation] * wrows[r][t]
 * rows[r] is an input row of length in_w (the valid rows of the outer window dims, e.g.
 * kh for 2-d), wrows[r] its kernel taps; columns outside [0, in_w) are zero padding.
 * nrows may be 0 (y = bias). Writes only y[o_begin..o_end). */
void wt_f32_dwconv_ukernel__scalar(size_t o_begin, size_t o_end, size_t nrows,
                                   const float *const *rows, const float *const *wrows,
                                   size_t in_w, size_t kernel, size_t stride, size_t pad,
                                   size_t dilation, float bias, float *y);
void wt_f32_dwconv_ukernel__wasmsimd(size_t o_begin, size_t o_end, size_t nrows,
                                     const float *const *rows, const float *const *wrows,
                                     size_t in_w, size_t kernel, size_t stride, size_t pad,
                                     size_t dilation, float bias, float *y);
/* One plane of the 3x3 window with unit strides and dilation (the common depthwise conv):
 *   y[oh*out_w + o] = bias + sum_{r < 3} sum_{t < 3} rows[oh + r][o - pad + t] * w[3*r + t]
 * for oh < out_h, o < out_w. rows holds out_h + 2 input rows of in_w floats (a row of the
 * height padding points at in_w zeros); columns outside [0, in_w) read as zero. Unlike the
 * row kernel, taps over the padding are added (zero products); the order is the same. y
 * must not overlap the rows. */
void wt_f32_dwconv3x3_ukernel__scalar(size_t out_h, size_t out_w, const float *const *rows, size_t in_w,
                                      size_t pad, const float *w, float bias, float *y);
void wt_f32_dwconv3x3_ukernel__wasmsimd(size_t out_h, size_t out_w, const float *const *rows, size_t in_w,
                                        size_t pad, const float *w, float bias, float *y);

/* ---- f32-vloss: pointwise losses, op is a wt_loss_op (checked by the caller) ----
 * out[i] = loss(x[i], y[i]) for i < n; pw[0..n) is BCE_LOGITS's pos_weight (NULL = 1,
 * ignored by the other ops); param is SMOOTH_L1's beta or HUBER's delta (> 0). */
void wt_f32_vloss_ukernel__wasmsimd(int op, size_t n, const float *x, const float *y, const float *pw,
                                    float *out, float param);
void wt_f32_vloss_ukernel__scalar(int op, size_t n, const float *x, const float *y, const float *pw,
                                  float *out, float param);

/* ---- f32-avgpool: one output row along the innermost spatial dim ----
 * For each output o < out_w the window starts at input column o*stride - pad (pad may be
 * negative: the caller's row then starts mid-row) and has `kernel` contiguous taps; taps
 * outside [0, in_w) add nothing (zero padding).
 *   y[o] = (sum over r < nrows and the valid taps of rows[r][col]) / divisor[o]
 * nrows >= 0 (0 rows gives 0 / divisor). */
void wt_f32_avgpool_ukernel__scalar(size_t out_w, size_t nrows, const float *const *rows, size_t in_w,
                                    size_t kernel, size_t stride, ptrdiff_t pad, const float *divisor,
                                    float *y);
void wt_f32_avgpool_ukernel__wasmsimd(size_t out_w, size_t nrows, const float *const *rows, size_t in_w,
                                      size_t kernel, size_t stride, ptrdiff_t pad, const float *divisor,
                                      float *y);

/* ---- f32-col2im: one run of windows of col2im (transposed conv, fold) ----
 *   y[q*stride] += x[q], q < n
 * The caller clips the run to the image row, so every y index is in range (no bounds
 * checks inside); stride >= 1. */
void wt_f32_col2im_ukernel__scalar(size_t n, size_t stride, const float *x, float *y);
void wt_f32_col2im_ukernel__wasmsimd(size_t n, size_t stride, const float *x, float *y);

/* ---- f32-resample: the two separable halves of interpolation ----
 * vblend:  y[i] = (acc ? y[i] : 0) + sum_{r < nrows} w[r] * rows[r][i], i < n (contiguous
 *          rows: the outer-dim taps of a resampled row, or the rows of a pooling window);
 *          the sum runs r = 0, 1, ... in that order.
 * hgather: y[o] = sum_{t < taps} w[t*out_w + o] * x[idx[t*out_w + o]], o < out_w (the
 *          innermost-dim taps; idx values are in-range column indices of x). */
void wt_f32_vblend_ukernel__scalar(size_t n, size_t nrows, const float *const *rows, const float *w,
                                   float *y, int acc);
void wt_f32_vblend_ukernel__wasmsimd(size_t n, size_t nrows, const float *const *rows, const float *w,
                                     float *y, int acc);
void wt_f32_hgather_ukernel__scalar(size_t out_w, size_t taps, const float *x, const int32_t *idx,
                                    const float *w, float *y);
void wt_f32_hgather_ukernel__wasmsimd(size_t out_w, size_t taps, const float *x, const int32_t *idx,
                                      const float *w, float *y);

/* ---- f32-attention: masked, scaled softmax of one row of attention scores, in place ----
 * t[j] = x[j]*scale + (bias ? bias[j] : 0), or -inf where (block && block[j] != 0);
 * x[j] = softmax(t over j < limit)[j] * (drop ? drop[j] : 1) for j < limit, 0 for
 * limit <= j < n (the causal mask: those columns are not read). If the row's max is not
 * finite (every column masked, a NaN, a +inf) the whole row becomes NaN, as PyTorch's
 * softmax gives. The sum is scaled by its reciprocal, as PyTorch does. 1 <= limit <= n. */
void wt_f32_attn_softmax_ukernel__wasmsimd(size_t n, size_t limit, float scale, const float *bias,
                                           const uint8_t *block, const float *drop, float *x);
void wt_f32_attn_softmax_ukernel__scalar(size_t n, size_t limit, float scale, const float *bias,
                                         const uint8_t *block, const float *drop, float *x);

#endif /* WT_KERNELS_H */
