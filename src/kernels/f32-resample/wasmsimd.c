/* f32-resample SIMD128 kernels.
 * vblend: 4 columns per vector, rows are contiguous, so every load is a plain v128 load.
 * hgather: 4 outputs per vector; the weights ([taps, out_w]) load as vectors, but the
 * source columns are data-dependent and SIMD128 has no gather, so each lane's value is
 * loaded on its own and assembled with wasm_f32x4_make. Both keep the scalar kernels'
 * operation order (mul, then add in tap order), so results match them bit for bit. */
#include "kernels/kernels.h"
#include "simd.h"

void wt_f32_vblend_ukernel__wasmsimd(size_t n, size_t nrows, const float *const *rows, const float *w,
                                     float *y, int acc) {
  size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    v128_t s = acc ? wasm_v128_load(y + i) : wasm_f32x4_splat(0.0f);
    for (size_t r = 0; r < nrows; r++)
      s = wasm_f32x4_add(s, wasm_f32x4_mul(wasm_f32x4_splat(w[r]), wasm_v128_load(rows[r] + i)));
    wasm_v128_store(y + i, s);
  }
  /* tail columns: the same sum one lane at a time */
  for (; i < n; i++) {
    float s = acc ? y[i] : 0.0f;
    for (size_t r = 0; r < nrows; r++) s += w[r] * rows[r][i];
    y[i] = s;
  }
}

void wt_f32_hgather_ukernel__wasmsimd(size_t out_w, size_t taps, const float *x, const int32_t *idx,
                                      const float *w, float *y) {
  size_t o = 0;
  for (; o + 4 <= out_w; o += 4) {
    v128_t s = wasm_f32x4_splat(0.0f);
    for (size_t t = 0; t < taps; t++) {
      const int32_t *ix = idx + t * out_w + o;
      const v128_t v = wasm_f32x4_make(x[ix[0]], x[ix[1]], x[ix[2]], x[ix[3]]);
      s = wasm_f32x4_add(s, wasm_f32x4_mul(wasm_v128_load(w + t * out_w + o), v));
    }
    wasm_v128_store(y + o, s);
  }
  for (; o < out_w; o++) {
    float s = 0.0f;
    for (size_t t = 0; t < taps; t++) s += w[t * out_w + o] * x[idx[t * out_w + o]];
    y[o] = s;
  }
}
