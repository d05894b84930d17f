/* f32-softmax SIMD128 kernel over one contiguous row: max, then exp(x - max) with the
 * shared SIMD exp and a vector sum, then scale (or subtract log(sum) for log_softmax).
 * Three passes over the row; tails go through a stack buffer (no over-read). */
#include <math.h>
#include <string.h>

#include "kernels/kernels.h"
#include "kernels/f32-vunary/wasmsimd-math.h"

void wt_f32_softmax_ukernel__wasmsimd(size_t n, const float *x, float *y, int log) {
  const float m = wt_f32_rmax_ukernel__wasmsimd(n, x);
  const v128_t vm = wasm_f32x4_splat(m);
  v128_t vs = wasm_f32x4_splat(0.0f);
  size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    v128_t e = wt_f32x4_exp(wasm_f32x4_sub(wasm_v128_load(x + i), vm));
    vs = wasm_f32x4_add(vs, e);
    if (!log) wasm_v128_store(y + i, e);
  }
  const size_t rem = n - i;
  float tail[4] = {0, 0, 0, 0};
  if (rem != 0) {
    float buf[4] = {m, m, m, m}; /* padding lanes give exp(0) = 1 and are dropped below */
    memcpy(buf, x + i, rem * sizeof(float));
    wasm_v128_store(tail, wt_f32x4_exp(wasm_f32x4_sub(wasm_v128_load(buf), vm)));
    if (!log) memcpy(y + i, tail, rem * sizeof(float));
  }
  float s = (wasm_f32x4_extract_lane(vs, 0) + wasm_f32x4_extract_lane(vs, 2)) +
            (wasm_f32x4_extract_lane(vs, 1) + wasm_f32x4_extract_lane(vs, 3));
  for (size_t j = 0; j < rem; j++) s += tail[j];

  if (log) {
    const v128_t vb = wasm_f32x4_splat(logf(s));
    for (i = 0; i + 4 <= n; i += 4)
      wasm_v128_store(y + i, wasm_f32x4_sub(wasm_f32x4_sub(wasm_v128_load(x + i), vm), vb));
    const float ls = logf(s);
    for (; i < n; i++) y[i] = (x[i] - m) - ls;
  } else {
    const v128_t vd = wasm_f32x4_splat(s);
    for (i = 0; i + 4 <= n; i += 4) wasm_v128_store(y + i, wasm_f32x4_div(wasm_v128_load(y + i), vd));
    for (; i < n; i++) y[i] /= s;
  }
}
