/* f32-dwconv SIMD128 kernels. Lanes accumulate in the scalar kernels' order (bias, rows,
 * taps), so results match them bit for bit.
 * Row kernel: 4 adjacent outputs per vector where every tap of the 4 windows lies inside
 * the row (stride 1: one load per tap; stride 2: two loads + an even-lane shuffle; other
 * strides: a 4-lane gather). The padded borders go through the scalar kernel.
 * 3x3 plane kernel: blocks of 4 output rows x 4 columns, so each loaded input vector feeds
 * up to 3 output rows (18 loads per 16 outputs where the row kernel needs 36) and the 9
 * weight splats are made once per plane. */
#include "kernels/kernels.h"
#include "simd.h"

void wt_f32_dwconv_ukernel__wasmsimd(size_t o_begin, size_t o_end, size_t nrows,
                                     const float *const *rows, const float *const *wrows,
                                     size_t in_w, size_t kernel, size_t stride, size_t pad,
                                     size_t dilation, float bias, float *y) {
  const size_t span = (kernel - 1) * dilation;
  /* first output whose window starts at column >= 0 */
  size_t lo = (pad + stride - 1) / stride;
  if (lo < o_begin) lo = o_begin;
  if (lo > o_end) lo = o_end;
  if (lo > o_begin)
    wt_f32_dwconv_ukernel__scalar(o_begin, lo, nrows, rows, wrows, in_w, kernel, stride, pad, dilation, bias, y);
  size_t o = lo;
  /* the block o..o+3 reads columns [o*s - pad, (o+3)*s - pad + span]; stride 2 loads one
   * extra column (the odd lane of the last pair), so it needs one more column of room */
  const size_t extra = stride == 2 ? 1 : 0;
  const v128_t vbias = wasm_f32x4_splat(bias);
  /* Stride 1, 16 outputs at a time: one accumulator chain per lane keeps the scalar order,
   * so a single 4-output vector is bound by its serial adds (kernel * nrows of them); four
   * independent vectors fill the add pipes, and each tap's weight is broadcast once. */
  if (stride == 1) {
    for (; o + 16 <= o_end && o + 15 + span < in_w + pad; o += 16) {
      const size_t c0 = o - pad;
      v128_t acc0 = vbias, acc1 = vbias, acc2 = vbias, acc3 = vbias;
      for (size_t r = 0; r < nrows; r++) {
        const float *x = rows[r] + c0, *w = wrows[r];
        for (size_t t = 0; t < kernel; t++, x += dilation) {
          const v128_t wt = wasm_v128_load32_splat(w + t);
          acc0 = wasm_f32x4_add(acc0, wasm_f32x4_mul(wasm_v128_load(x), wt));
          acc1 = wasm_f32x4_add(acc1, wasm_f32x4_mul(wasm_v128_load(x + 4), wt));
          acc2 = wasm_f32x4_add(acc2, wasm_f32x4_mul(wasm_v128_load(x + 8), wt));
          acc3 = wasm_f32x4_add(acc3, wasm_f32x4_mul(wasm_v128_load(x + 12), wt));
        }
      }
      wasm_v128_store(y + o, acc0);
      wasm_v128_store(y + o + 4, acc1);
      wasm_v128_store(y + o + 8, acc2);
      wasm_v128_store(y + o + 12, acc3);
    }
  }
  for (; o + 4 <= o_end && (o + 3) * stride + span + extra < in_w + pad; o += 4) {
    const size_t c0 = o * stride - pad;
    v128_t acc = vbias;
    for (size_t r = 0; r < nrows; r++) {
      const float *x = rows[r] + c0, *w = wrows[r];
      for (size_t t = 0; t < kernel; t++) {
        const float *q = x + t * dilation;
        v128_t v;
        if (stride == 1) {
          v = wasm_v128_load(q);
        } else if (stride == 2) {
          v = wasm_i32x4_shuffle(wasm_v128_load(q), wasm_v128_load(q + 4), 0, 2, 4, 6);
        } else {
          v = wasm_f32x4_make(q[0], q[stride], q[2 * stride], q[3 * stride]);
        }
        acc = wasm_f32x4_add(acc, wasm_f32x4_mul(v, wasm_f32x4_splat(w[t])));
      }
    }
    wasm_v128_store(y + o, acc);
  }
  /* the right border */
  if (o < o_end) wt_f32_dwconv_ukernel__scalar(o, o_end, nrows, rows, wrows, in_w, kernel, stride, pad, dilation, bias, y);
}

/* Columns c..c+3 of a row of n floats, zero outside [0, n): the loads of the blocks at the
 * ends of a row. A window across one end is one load inside the row shifted against a zero
 * vector; rows shorter than a vector go lane by lane. */
static inline v128_t dwconv3x3_load(const float *x, ptrdiff_t c, ptrdiff_t n) {
  if (c >= 0 && c + 4 <= n) return wasm_v128_load(x + c);
  const v128_t z = wasm_f32x4_splat(0.0f);
  if (n >= 4 && c < 0 && c > -4) {
    const v128_t v = wasm_v128_load(x);
    if (c == -1) return wasm_i32x4_shuffle(z, v, 3, 4, 5, 6);
    if (c == -2) return wasm_i32x4_shuffle(z, v, 2, 3, 4, 5);
    return wasm_i32x4_shuffle(z, v, 1, 2, 3, 4);
  }
  if (n >= 4 && c >= 0 && c < n) {
    const v128_t v = wasm_v128_load(x + n - 4);
    if (c + 4 - n == 1) return wasm_i32x4_shuffle(v, z, 1, 2, 3, 4);
    if (c + 4 - n == 2) return wasm_i32x4_shuffle(v, z, 2, 3, 4, 5);
    return wasm_i32x4_shuffle(v, z, 3, 4, 5, 6);
  }
  return wasm_f32x4_make(c >= 0 && c < n ? x[c] : 0.0f, c + 1 >= 0 && c + 1 < n ? x[c + 1] : 0.0f,
                         c + 2 >= 0 && c + 2 < n ? x[c + 2] : 0.0f, c + 3 >= 0 && c + 3 < n ? x[c + 3] : 0.0f);
}

/* v0, v1, v2 = input row i at columns c, c+1, c+2 (4 lanes each) */
#define DWCONV3X3_LOAD(i)                                                \
  do {                                                                   \
    if (edge) {                                                          \
      v0 = dwconv3x3_load(x[i], c, n);                                   \
      v1 = dwconv3x3_load(x[i], c + 1, n);                               \
      v2 = dwconv3x3_load(x[i], c + 2, n);                               \
    } else {                                                             \
      v0 = wasm_v128_load(x[i] + c);                                     \
      v1 = wasm_v128_load(x[i] + c + 1);                                 \
      v2 = wasm_v128_load(x[i] + c + 2);                                 \
    }                                                                    \
  } while (0)
/* acc += the loaded row times kernel row r, tap by tap */
#define DWCONV3X3_ROW(acc, r)                                            \
  do {                                                                   \
    acc = wasm_f32x4_add(acc, wasm_f32x4_mul(v0, k[3 * (r)]));           \
    acc = wasm_f32x4_add(acc, wasm_f32x4_mul(v1, k[3 * (r) + 1]));       \
    acc = wasm_f32x4_add(acc, wasm_f32x4_mul(v2, k[3 * (r) + 2]));       \
  } while (0)

/* Output rows 0..3 (ys apart) x 4 columns of the block whose windows start at column c of
 * input rows x[0..5]; edge: some window reaches outside [0, n). Input row i feeds output
 * rows i-2..i, each under its own kernel row, so every accumulator still sees its rows in
 * order. Each output row is stored as soon as it is complete: the store keeps the compiler
 * from hoisting all 18 loads to the top, which makes V8 spill them. Always inlined, so
 * `edge` is a constant and k and x stay in registers. */
static inline __attribute__((always_inline)) void dwconv3x3_block(const float *const *x, ptrdiff_t c, ptrdiff_t n,
                                                                  int edge, const v128_t *k, v128_t vb, float *y,
                                                                  size_t ys) {
  v128_t a0 = vb, a1 = vb, a2 = vb, a3 = vb, v0, v1, v2;
  DWCONV3X3_LOAD(0);
  DWCONV3X3_ROW(a0, 0);
  DWCONV3X3_LOAD(1);
  DWCONV3X3_ROW(a0, 1);
  DWCONV3X3_ROW(a1, 0);
  DWCONV3X3_LOAD(2);
  DWCONV3X3_ROW(a0, 2);
  DWCONV3X3_ROW(a1, 1);
  DWCONV3X3_ROW(a2, 0);
  wasm_v128_store(y, a0);
  DWCONV3X3_LOAD(3);
  DWCONV3X3_ROW(a1, 2);
  DWCONV3X3_ROW(a2, 1);
  DWCONV3X3_ROW(a3, 0);
  wasm_v128_store(y + ys, a1);
  DWCONV3X3_LOAD(4);
  DWCONV3X3_ROW(a2, 2);
  DWCONV3X3_ROW(a3, 1);
  wasm_v128_store(y + 2 * ys, a2);
  DWCONV3X3_LOAD(5);
  DWCONV3X3_ROW(a3, 2);
  wasm_v128_store(y + 3 * ys, a3);
}

/* The blocks at the ends of a row: one out-of-line copy (they are 2 of every ~14 blocks of
 * a 56-wide row), so the module carries the long edge-load code once, not once per call site. */
static __attribute__((noinline)) void dwconv3x3_edge_block(const float *const *x, ptrdiff_t c, ptrdiff_t n,
                                                           const v128_t *k, v128_t vb, float *y, size_t ys) {
  dwconv3x3_block(x, c, n, 1, k, vb, y, ys);
}

void wt_f32_dwconv3x3_ukernel__wasmsimd(size_t out_h, size_t out_w, const float *const *rows, size_t in_w,
                                        size_t pad, const float *w, float bias, float *y) {
  /* the blocks are 4x4; a plane with fewer rows or columns is all border */
  if (out_h < 4 || out_w < 4) {
    wt_f32_dwconv3x3_ukernel__scalar(out_h, out_w, rows, in_w, pad, w, bias, y);
    return;
  }
  v128_t k[9];
  for (int i = 0; i < 9; i++) k[i] = wasm_v128_load32_splat(w + i);
  const v128_t vb = wasm_f32x4_splat(bias);
  const ptrdiff_t n = (ptrdiff_t)in_w, p = (ptrdiff_t)pad;
  /* The last block of a plane starts 4 rows before its end, and the last block of a row 4
   * columns before it, overlapping the previous one, which they rewrite with the same
   * values. Interior blocks (all windows inside the row) load directly. */
  for (size_t oh = 0; oh < out_h; oh += 4) {
    if (oh + 4 > out_h) oh = out_h - 4;
    const float *const x[6] = {rows[oh], rows[oh + 1], rows[oh + 2], rows[oh + 3], rows[oh + 4], rows[oh + 5]};
    float *yr = y + oh * out_w;
    size_t o = 0;
    for (; o + 4 < out_w && o < pad; o += 4) dwconv3x3_edge_block(x, (ptrdiff_t)o - p, n, k, vb, yr + o, out_w);
    for (; o + 4 < out_w && o + 6 <= in_w + pad; o += 4)
      dwconv3x3_block(x, (ptrdiff_t)o - p, n, 0, k, vb, yr + o, out_w);
    for (; o + 4 < out_w; o += 4) dwconv3x3_edge_block(x, (ptrdiff_t)o - p, n, k, vb, yr + o, out_w);
    dwconv3x3_edge_block(x, (ptrdiff_t)(out_w - 4) - p, n, k, vb, yr + out_w - 4, out_w);
  }
}
