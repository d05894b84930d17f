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
#undef WT_DECLARE_VUNARY

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

#endif /* WT_KERNELS_H */
