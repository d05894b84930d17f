/* f32-maxpool SIMD128 kernel: 4 adjacent outputs per vector where all their taps are
 * inside the row (stride 1: one load per tap; stride 2: two loads + even-lane shuffle).
 * Border outputs, other strides and index output go through the scalar kernel. The
 * update m = (v > m || v is NaN) ? v : m is exactly the scalar rule, so values match it
 * bit for bit. The per-plane 2x2 stride-2 kernel shares the 8-output block of the row
 * kernel's 2x2 path and takes the scalar rule for NaN blocks and the row tail. */
#include "kernels/kernels.h"
#include "simd.h"

/* 8 outputs of the 2x2 stride-2 window from input rows r0 and r1 (16 columns each):
 * four loads per row and an even/odd split give both taps of 8 windows. f32x4.pmax(m, v)
 * is m < v ? v : m, one instruction and exactly the scalar rule for any v but NaN (the
 * scalar rule takes a NaN v); among equal values (+0, -0) it keeps the first, so pairing
 * taps within a row, then rows, keeps the scalar order's result. The block also sums its
 * inputs: a NaN in the sum (a NaN input, or inf + -inf) means the block may differ from
 * the scalar rule, so it stores nothing and returns 0 for the caller to take the exact
 * path. */
static inline int maxpool2x2_block8(const float *r0, const float *r1, float *y) {
  const v128_t a0 = wasm_v128_load(r0), a1 = wasm_v128_load(r0 + 4);
  const v128_t a2 = wasm_v128_load(r0 + 8), a3 = wasm_v128_load(r0 + 12);
  const v128_t b0 = wasm_v128_load(r1), b1 = wasm_v128_load(r1 + 4);
  const v128_t b2 = wasm_v128_load(r1 + 8), b3 = wasm_v128_load(r1 + 12);
  const v128_t sum = wasm_f32x4_add(wasm_f32x4_add(wasm_f32x4_add(a0, a1), wasm_f32x4_add(a2, a3)),
                                    wasm_f32x4_add(wasm_f32x4_add(b0, b1), wasm_f32x4_add(b2, b3)));
  if (wasm_v128_any_true(wasm_f32x4_ne(sum, sum))) return 0;
  const v128_t ha0 = wasm_f32x4_pmax(wasm_i32x4_shuffle(a0, a1, 0, 2, 4, 6), wasm_i32x4_shuffle(a0, a1, 1, 3, 5, 7));
  const v128_t ha1 = wasm_f32x4_pmax(wasm_i32x4_shuffle(a2, a3, 0, 2, 4, 6), wasm_i32x4_shuffle(a2, a3, 1, 3, 5, 7));
  const v128_t hb0 = wasm_f32x4_pmax(wasm_i32x4_shuffle(b0, b1, 0, 2, 4, 6), wasm_i32x4_shuffle(b0, b1, 1, 3, 5, 7));
  const v128_t hb1 = wasm_f32x4_pmax(wasm_i32x4_shuffle(b2, b3, 0, 2, 4, 6), wasm_i32x4_shuffle(b2, b3, 1, 3, 5, 7));
  wasm_v128_store(y, wasm_f32x4_pmax(ha0, hb0));
  wasm_v128_store(y + 4, wasm_f32x4_pmax(ha1, hb1));
  return 1;
}

void wt_f32_maxpool_ukernel__wasmsimd(size_t out_w, size_t nrows, const float *const *rows,
                                      const int64_t *row_base, size_t in_w, size_t kernel,
                                      size_t stride, size_t pad, size_t dilation, float *y,
                                      int64_t *idx) {
  if (idx != NULL || nrows == 0 || (stride != 1 && stride != 2)) {
    wt_f32_maxpool_ukernel__scalar(out_w, nrows, rows, row_base, in_w, kernel, stride, pad, dilation, y, idx);
    return;
  }
  const size_t span = (kernel - 1) * dilation;
  /* first output whose window starts at >= 0 */
  size_t lo = (pad + stride - 1) / stride;
  if (lo > out_w) lo = out_w;
  if (lo > 0) wt_f32_maxpool_ukernel__scalar(lo, nrows, rows, row_base, in_w, kernel, stride, pad, dilation, y, NULL);
  size_t o = lo;
  /* The 2x2 stride-2 window (MaxPool2d(2) and the like): see maxpool2x2_block8. A NaN
   * block sends the rest of the row through the exact 4-wide loop below. */
  if (stride == 2 && kernel == 2 && dilation == 1 && nrows == 2) {
    for (; o + 8 <= out_w && (o + 7) * 2 + 1 < in_w + pad; o += 8)
      if (!maxpool2x2_block8(rows[0] + (o * 2 - pad), rows[1] + (o * 2 - pad), y + o)) break;
  }
  /* vector block o..o+3 reads columns [o*s - pad, (o+3)*s - pad + span + (s - 1)] */
  for (; o + 4 <= out_w && (o + 3) * stride + span + (stride - 1) < in_w + pad; o += 4) {
    const size_t c0 = o * stride - pad;
    v128_t m = wasm_f32x4_splat(-__builtin_inff());
    for (size_t r = 0; r < nrows; r++) {
      const float *row = rows[r] + c0;
      for (size_t t = 0; t < kernel; t++) {
        const float *q = row + t * dilation;
        v128_t v;
        if (stride == 1) {
          v = wasm_v128_load(q);
        } else {
          v = wasm_i32x4_shuffle(wasm_v128_load(q), wasm_v128_load(q + 4), 0, 2, 4, 6);
        }
        const v128_t take = wasm_v128_or(wasm_f32x4_gt(v, m), wasm_f32x4_ne(v, v));
        m = wasm_v128_bitselect(v, m, take);
      }
    }
    wasm_v128_store(y + o, m);
  }
  if (o < out_w) {
    /* the scalar kernel indexes outputs from 0: shift the window start by o*stride */
    const int64_t shift = (int64_t)(o * stride) - (int64_t)pad;
    if (shift >= 0 && shift < (int64_t)in_w) {
      const float *r2[64];
      int64_t b2[64];
      size_t done = 0;
      /* rows are re-based so output o becomes output 0; chunks of 64 rows at a time
       * would change the max order, so fall back when there are more rows */
      if (nrows <= 64) {
        for (size_t r = 0; r < nrows; r++) r2[r] = rows[r] + shift, b2[r] = row_base[r] + shift;
        wt_f32_maxpool_ukernel__scalar(out_w - o, nrows, r2, b2, in_w - (size_t)shift, kernel, stride, 0, dilation,
                                       y + o, NULL);
        done = 1;
      }
      if (done) return;
    }
    wt_f32_maxpool_ukernel__scalar(out_w, nrows, rows, row_base, in_w, kernel, stride, pad, dilation, y, NULL);
  }
}

void wt_f32_maxpool2x2_ukernel__wasmsimd(size_t out_h, size_t out_w, const float *x, size_t in_w, float *y) {
  for (size_t oh = 0; oh < out_h; oh++, y += out_w) {
    const float *r0 = x + 2 * oh * in_w, *r1 = r0 + in_w;
    size_t o = 0;
    for (; o + 8 <= out_w; o += 8)
      if (!maxpool2x2_block8(r0 + 2 * o, r1 + 2 * o, y + o))
        wt_f32_maxpool2x2_ukernel__scalar(1, 8, r0 + 2 * o, in_w, y + o);
    if (o < out_w) wt_f32_maxpool2x2_ukernel__scalar(1, out_w - o, r0 + 2 * o, in_w, y + o);
  }
}
