/* The end of the 4x8 SIMD128 kernels (f32-gemm, f32-igemm), shared. Macros rather than a
 * function, so the 8 accumulators acc00..acc31 of the caller stay in registers. */
#ifndef WT_GEMM_TILE_4X8_H
#define WT_GEMM_TILE_4X8_H

/* Declares c0..c3, the C rows of the tile; rows beyond mr alias row mr - 1. Formed only
 * after the k loop: live across it they would push V8 (15 usable general registers on
 * x64) into reloading operands inside it. */
#define WT_GEMM_4X8_ROWS(c, c_stride, mr)             \
  float *c0 = (c);                                    \
  float *c1 = (mr) > 1 ? c0 + (c_stride) : c0;        \
  float *c2 = (mr) > 2 ? c1 + (c_stride) : c1;        \
  float *c3 = (mr) > 3 ? c2 + (c_stride) : c2

/* Stores the full 8-wide tile, adding the old C first when `accumulate`. Every old row is
 * read before any store and row mr - 1 is stored last, so aliased rows end up right. */
#define WT_GEMM_4X8_STORE(accumulate)                                                                     \
  do {                                                                                                    \
    if (accumulate) {                                                                                     \
      acc00 = wasm_f32x4_add(acc00, wasm_v128_load(c0)), acc01 = wasm_f32x4_add(acc01, wasm_v128_load(c0 + 4)); \
      acc10 = wasm_f32x4_add(acc10, wasm_v128_load(c1)), acc11 = wasm_f32x4_add(acc11, wasm_v128_load(c1 + 4)); \
      acc20 = wasm_f32x4_add(acc20, wasm_v128_load(c2)), acc21 = wasm_f32x4_add(acc21, wasm_v128_load(c2 + 4)); \
      acc30 = wasm_f32x4_add(acc30, wasm_v128_load(c3)), acc31 = wasm_f32x4_add(acc31, wasm_v128_load(c3 + 4)); \
    }                                                                                                     \
    wasm_v128_store(c3, acc30), wasm_v128_store(c3 + 4, acc31);                                           \
    wasm_v128_store(c2, acc20), wasm_v128_store(c2 + 4, acc21);                                           \
    wasm_v128_store(c1, acc10), wasm_v128_store(c1 + 4, acc11);                                           \
    wasm_v128_store(c0, acc00), wasm_v128_store(c0 + 4, acc01);                                           \
  } while (0)

#endif /* WT_GEMM_TILE_4X8_H */
