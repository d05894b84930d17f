/* f32-gemm 4x8 SIMD128 kernel: 4 rows x 8 columns of C live in 8 f32x4 accumulators;
 * each k loads two packed B vectors and, per row, one A value broadcast straight from
 * memory (v128.load32_splat: a load-port broadcast on x86, no shuffle), then mul + add
 * (wasm SIMD128 has no fma).
 * Why 4x8 and not 5x8: V8's TurboFan (Node 20) keeps wasm loads in program order but
 * floats the arithmetic, so all the A broadcasts of one k step are loaded before the
 * multiplies that use them. 4x8 then needs 8 accumulators + 2 B + 4 A + 1 product = 15
 * xmm registers, exactly what V8 allocates on x64; 5x8 needs 18, spills two accumulators
 * to the stack inside the loop and, through store-to-load forwarding on their add chains,
 * runs at ~22 GFLOP/s against ~52 for 4x8 (measured on [60,1024]x[1024,1024], SIMD128
 * mul+add limit ~58). Rows beyond mr alias the last valid row (computed twice, stored to
 * the same place, so nothing outside the mr rows is read or written). */
#include "kernels/f32-gemm/tile-4x8.h"
#include "kernels/kernels.h"
#include "simd.h"

/* Column-edge tile (nc < 8): the accumulators arrive through memory, so the kernel's
 * loop never has values live across a call (V8 then spilled accumulators inside the loop
 * and ran 2.5x slower). All old rows are read before any store: aliased rows compute
 * identical values, so storing them twice is harmless. */
__attribute__((noinline)) static void wt_store_edge(float *const c[4], const float acc[4][8], size_t nc,
                                                    int accumulate) {
  float old[4][8] = {{0}};
  if (accumulate)
    for (size_t i = 0; i < 4; i++)
      for (size_t j = 0; j < nc; j++) old[i][j] = c[i][j];
  for (size_t i = 4; i-- > 0;)
    for (size_t j = 0; j < nc; j++) c[i][j] = old[i][j] + acc[i][j];
}

/* One k step: reads B row k (w[0..8)) and A column k of the 4 rows; advances w. */
#define WT_GEMM_4X8_STEP()                                            \
  do {                                                                \
    const v128_t b0 = wasm_v128_load(w), b1 = wasm_v128_load(w + 4);  \
    const v128_t x0 = wasm_v128_load32_splat(a0 + k);                 \
    acc00 = wasm_f32x4_add(acc00, wasm_f32x4_mul(x0, b0));            \
    acc01 = wasm_f32x4_add(acc01, wasm_f32x4_mul(x0, b1));            \
    const v128_t x1 = wasm_v128_load32_splat(a1 + k);                 \
    acc10 = wasm_f32x4_add(acc10, wasm_f32x4_mul(x1, b0));            \
    acc11 = wasm_f32x4_add(acc11, wasm_f32x4_mul(x1, b1));            \
    const v128_t x2 = wasm_v128_load32_splat(a2 + k);                 \
    acc20 = wasm_f32x4_add(acc20, wasm_f32x4_mul(x2, b0));            \
    acc21 = wasm_f32x4_add(acc21, wasm_f32x4_mul(x2, b1));            \
    const v128_t x3 = wasm_v128_load32_splat(a3 + k);                 \
    acc30 = wasm_f32x4_add(acc30, wasm_f32x4_mul(x3, b0));            \
    acc31 = wasm_f32x4_add(acc31, wasm_f32x4_mul(x3, b1));            \
    w += 8;                                                           \
  } while (0)

void wt_f32_gemm_ukernel_4x8__wasmsimd(size_t mr, size_t nc, size_t kc, const float *a,
                                       size_t a_stride, const float *w, float *c,
                                       size_t c_stride, int accumulate) {
  const float *a0 = a;
  const float *a1 = mr > 1 ? a0 + a_stride : a0;
  const float *a2 = mr > 2 ? a1 + a_stride : a1;
  const float *a3 = mr > 3 ? a2 + a_stride : a2;

  v128_t acc00 = wasm_v128_load(w), acc01 = wasm_v128_load(w + 4);
  v128_t acc10 = acc00, acc11 = acc01, acc20 = acc00, acc21 = acc01, acc30 = acc00, acc31 = acc01;
  w += 8;

  /* Unrolled by hand with an exit test between steps: each test ends a basic block, so
   * V8 cannot hoist the next step's loads above this step's arithmetic (which would need
   * more than 15 registers again), while one loop back-edge (and its stack check) serves
   * four steps: ~46 GFLOP/s instead of ~42 for the plain loop. */
  for (size_t k = 0; k < kc;) {
    WT_GEMM_4X8_STEP();
    if (++k == kc) break;
    WT_GEMM_4X8_STEP();
    if (++k == kc) break;
    WT_GEMM_4X8_STEP();
    if (++k == kc) break;
    WT_GEMM_4X8_STEP();
    ++k;
  }

  WT_GEMM_4X8_ROWS(c, c_stride, mr);
  if (nc == 8) {
    WT_GEMM_4X8_STORE(accumulate);
    return;
  }
  float acc[4][8];
  wasm_v128_store(acc[0], acc00), wasm_v128_store(acc[0] + 4, acc01);
  wasm_v128_store(acc[1], acc10), wasm_v128_store(acc[1] + 4, acc11);
  wasm_v128_store(acc[2], acc20), wasm_v128_store(acc[2] + 4, acc21);
  wasm_v128_store(acc[3], acc30), wasm_v128_store(acc[3] + 4, acc31);
  float *const cs[4] = {c0, c1, c2, c3};
  wt_store_edge(cs, (const float (*)[8])acc, nc, accumulate);
}
#undef WT_GEMM_4X8_STEP
