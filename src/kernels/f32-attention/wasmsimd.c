/* f32-attention SIMD128 kernel: the masked, scaled softmax of one row of attention scores.
 * Pass 1 scales, adds the float mask, applies the boolean mask and takes the max in one
 * sweep (writing the masked scores back in place); pass 2 exponentiates and sums; pass 3
 * multiplies by 1/sum (PyTorch's softmax does the same) and the dropout factors. Columns
 * from `limit` on (the causal mask) are never read, only zeroed. Tails go through small
 * stack buffers (no over-read). */
#include <math.h>
#include <string.h>

#include "kernels/kernels.h"
#include "kernels/f32-vunary/wasmsimd-math.h"

/* lanes j..j+3 of the boolean mask as a lane mask (all ones where the byte is nonzero) */
static inline v128_t wt_block_mask(const uint8_t *b) {
  return wasm_i32x4_ne(wasm_i32x4_make(b[0], b[1], b[2], b[3]), wasm_i32x4_splat(0));
}

static inline float wt_hmax(v128_t v) {
  /* wasm max propagates NaN, so a NaN lane reaches the result */
  v128_t h = wasm_f32x4_max(v, wasm_i32x4_shuffle(v, v, 2, 3, 0, 1));
  h = wasm_f32x4_max(h, wasm_i32x4_shuffle(h, h, 1, 0, 3, 2));
  return wasm_f32x4_extract_lane(h, 0);
}

void wt_f32_attn_softmax_ukernel__wasmsimd(size_t n, size_t limit, float scale, const float *bias,
                                           const uint8_t *block, const float *drop, float *x) {
  const v128_t vscale = wasm_f32x4_splat(scale);
  const v128_t vninf = wasm_f32x4_splat(-INFINITY);
  v128_t vmax = vninf;
  size_t j = 0;
  for (; j + 4 <= limit; j += 4) {
    v128_t t = wasm_f32x4_mul(wasm_v128_load(x + j), vscale);
    if (bias != NULL) t = wasm_f32x4_add(t, wasm_v128_load(bias + j));
    if (block != NULL) t = wt_f32x4_select(wt_block_mask(block + j), vninf, t);
    wasm_v128_store(x + j, t);
    vmax = wasm_f32x4_max(vmax, t);
  }
  const size_t rem = limit - j;
  if (rem != 0) {
    float xb[4] = {0, 0, 0, 0}, bb[4] = {0, 0, 0, 0};
    uint8_t kb[4] = {1, 1, 1, 1}; /* padding lanes are masked, so they never win the max */
    memcpy(xb, x + j, rem * sizeof(float));
    if (bias != NULL) memcpy(bb, bias + j, rem * sizeof(float));
    if (block != NULL) memcpy(kb, block + j, rem);
    else memset(kb, 0, rem);
    v128_t t = wasm_f32x4_add(wasm_f32x4_mul(wasm_v128_load(xb), vscale), wasm_v128_load(bb));
    t = wt_f32x4_select(wt_block_mask(kb), vninf, t);
    wasm_v128_store(xb, t);
    memcpy(x + j, xb, rem * sizeof(float));
    vmax = wasm_f32x4_max(vmax, t);
  }
  const float m = wt_hmax(vmax);
  if (!isfinite(m)) {
    /* every column masked, a NaN or a +inf score: softmax gives NaN for the whole row */
    for (size_t i = 0; i < n; i++) x[i] = NAN;
    return;
  }

  const v128_t vm = wasm_f32x4_splat(m);
  v128_t vs = wasm_f32x4_splat(0.0f);
  for (j = 0; j + 4 <= limit; j += 4) {
    const v128_t e = wt_f32x4_exp(wasm_f32x4_sub(wasm_v128_load(x + j), vm));
    wasm_v128_store(x + j, e);
    vs = wasm_f32x4_add(vs, e);
  }
  float tail[4] = {0, 0, 0, 0};
  if (rem != 0) {
    float buf[4] = {m, m, m, m};
    memcpy(buf, x + j, rem * sizeof(float));
    wasm_v128_store(tail, wt_f32x4_exp(wasm_f32x4_sub(wasm_v128_load(buf), vm)));
    memcpy(x + j, tail, rem * sizeof(float));
  }
  float s = (wasm_f32x4_extract_lane(vs, 0) + wasm_f32x4_extract_lane(vs, 2)) +
            (wasm_f32x4_extract_lane(vs, 1) + wasm_f32x4_extract_lane(vs, 3));
  for (size_t i = 0; i < rem; i++) s += tail[i];

  const float inv = 1.0f / s;
  const v128_t vinv = wasm_f32x4_splat(inv);
  for (j = 0; j + 4 <= limit; j += 4) {
    v128_t y = wasm_f32x4_mul(wasm_v128_load(x + j), vinv);
    if (drop != NULL) y = wasm_f32x4_mul(y, wasm_v128_load(drop + j));
    wasm_v128_store(x + j, y);
  }
  for (; j < limit; j++) {
    x[j] *= inv;
    if (drop != NULL) x[j] *= drop[j];
  }
  for (j = limit; j < n; j++) x[j] = 0.0f;
}
