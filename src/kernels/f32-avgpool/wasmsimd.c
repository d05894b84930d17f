/* f32-avgpool SIMD128 kernel: 4 adjacent outputs per vector where all their taps are
 * inside the row (stride 1: one load per tap; stride 2: two loads + even-lane shuffle).
 * The border outputs and strides > 2 (whose 4 windows are not in one or two adjacent
 * vectors; SIMD128 has no gather) go through the scalar kernel. Within a vector lane the
 * sum runs in the scalar kernel's order, so the results match it bit for bit. */
#include "kernels/kernels.h"
#include "simd.h"

void wt_f32_avgpool_ukernel__wasmsimd(size_t out_w, size_t nrows, const float *const *rows, size_t in_w,
                                      size_t kernel, size_t stride, ptrdiff_t pad, const float *divisor,
                                      float *y) {
  if (nrows == 0 || (stride != 1 && stride != 2)) {
    wt_f32_avgpool_ukernel__scalar(out_w, nrows, rows, in_w, kernel, stride, pad, divisor, y);
    return;
  }
  /* first output whose window starts at >= 0 */
  size_t lo = pad > 0 ? ((size_t)pad + stride - 1) / stride : 0;
  if (lo > out_w) lo = out_w;
  wt_f32_avgpool_ukernel__scalar(lo, nrows, rows, in_w, kernel, stride, pad, divisor, y);
  size_t o = lo;
  /* the block o..o+3 reads columns [c0, c0 + 3*stride + kernel - 1 + (stride - 1)] */
  for (; o + 4 <= out_w && (ptrdiff_t)((o + 4) * stride + kernel - 1) - pad <= (ptrdiff_t)in_w; o += 4) {
    const size_t c0 = (size_t)((ptrdiff_t)(o * stride) - pad);
    v128_t sum = wasm_f32x4_splat(0.0f);
    for (size_t r = 0; r < nrows; r++) {
      const float *row = rows[r] + c0;
      for (size_t t = 0; t < kernel; t++) {
        const float *q = row + t;
        const v128_t v = stride == 1 ? wasm_v128_load(q)
                                     : wasm_i32x4_shuffle(wasm_v128_load(q), wasm_v128_load(q + 4), 0, 2, 4, 6);
        sum = wasm_f32x4_add(sum, v);
      }
    }
    wasm_v128_store(y + o, wasm_f32x4_div(sum, wasm_v128_load(divisor + o)));
  }
  /* the rest: output o of this row is output 0 of a row whose pad is pad - o*stride */
  wt_f32_avgpool_ukernel__scalar(out_w - o, nrows, rows, in_w, kernel, stride, pad - (ptrdiff_t)(o * stride),
                                 divisor + o, y + o);
}
