/* f32-dwconv SIMD128 kernel: 4 adjacent outputs per vector where every tap of the 4
 * windows lies inside the row (stride 1: one load per tap; stride 2: two loads + an
 * even-lane shuffle; other strides: a 4-lane gather). The padded borders go through the
 * scalar kernel. Lanes accumulate in the scalar kernel's order (bias, rows, taps). */
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
