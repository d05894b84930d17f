/* f32-col2im SIMD128 kernel: with stride 1 (every transposed conv and fold whose stride is
 * 1 along the innermost dim) the run is a contiguous y += x, 4 lanes at a time; the tail
 * and strides > 1 (a scatter, which SIMD128 cannot store) go through the scalar kernel.
 * Each y element gets one addition either way, so the results match it bit for bit. */
#include "kernels/kernels.h"
#include "simd.h"

void wt_f32_col2im_ukernel__wasmsimd(size_t n, size_t stride, const float *x, float *y) {
  if (stride != 1) {
    wt_f32_col2im_ukernel__scalar(n, stride, x, y);
    return;
  }
  size_t q = 0;
  for (; q + 4 <= n; q += 4) wasm_v128_store(y + q, wasm_f32x4_add(wasm_v128_load(y + q), wasm_v128_load(x + q)));
  wt_f32_col2im_ukernel__scalar(n - q, 1, x + q, y + q);
}
