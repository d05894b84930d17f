/* f32-igemm 4x8 SIMD128 kernel: the f32-gemm 4x8 tile (read its header for the register
 * budget: 8 accumulators + 2 B + 4 A + 1 product = V8's 15 xmm registers on x64) with B
 * row k read in place at x + off[k] instead of from a packed panel, so a conv never
 * writes its im2col. Loading off[k] and forming the address add instructions to a step;
 * two changes win them back (V8, Node 20, kc = 576 with B rows from a padded 56x58 input,
 * in GFLOP/s; the packed kernel does ~51 on the same tiles):
 *   - A comes packed 4 rows interleaved (wt_f32_igemm_pack_a_x4): the 4 broadcasts of a
 *     step are one pointer plus constant offsets instead of 4 row pointers plus k
 *     (~45 -> ~48 with the packed kernel's loop);
 *   - 3 steps per loop iteration instead of 4 (~48 -> ~50, about the packed kernel; 2
 *     steps ~49.5; 3 steps without the exit tests between them ~29).
 * The accumulators start at +0 and sum k in order, then C is added: the packed kernel's
 * result on the im2col panel of those rows (a zero bias row, accumulate), bit for bit. */
#include "kernels/f32-gemm/tile-4x8.h"
#include "kernels/kernels.h"
#include "simd.h"

/* One k step: B row k at x + off[k], the 4 A values of column k at a[0..4); advances a. */
#define WT_IGEMM_4X8_STEP()                                           \
  do {                                                                \
    const float *b = x + off[k];                                      \
    const v128_t b0 = wasm_v128_load(b), b1 = wasm_v128_load(b + 4);  \
    const v128_t x0 = wasm_v128_load32_splat(a);                      \
    acc00 = wasm_f32x4_add(acc00, wasm_f32x4_mul(x0, b0));            \
    acc01 = wasm_f32x4_add(acc01, wasm_f32x4_mul(x0, b1));            \
    const v128_t x1 = wasm_v128_load32_splat(a + 1);                  \
    acc10 = wasm_f32x4_add(acc10, wasm_f32x4_mul(x1, b0));            \
    acc11 = wasm_f32x4_add(acc11, wasm_f32x4_mul(x1, b1));            \
    const v128_t x2 = wasm_v128_load32_splat(a + 2);                  \
    acc20 = wasm_f32x4_add(acc20, wasm_f32x4_mul(x2, b0));            \
    acc21 = wasm_f32x4_add(acc21, wasm_f32x4_mul(x2, b1));            \
    const v128_t x3 = wasm_v128_load32_splat(a + 3);                  \
    acc30 = wasm_f32x4_add(acc30, wasm_f32x4_mul(x3, b0));            \
    acc31 = wasm_f32x4_add(acc31, wasm_f32x4_mul(x3, b1));            \
    a += 4;                                                           \
  } while (0)

void wt_f32_igemm_ukernel_4x8__wasmsimd(size_t mr, size_t kc, const float *a, const float *x, const size_t *off,
                                        float *c, size_t c_stride) {
  v128_t acc00 = wasm_f32x4_splat(0.0f), acc01 = acc00, acc10 = acc00, acc11 = acc00;
  v128_t acc20 = acc00, acc21 = acc00, acc30 = acc00, acc31 = acc00;
  /* exit tests between the steps: see the packed kernel's loop */
  for (size_t k = 0; k < kc;) {
    WT_IGEMM_4X8_STEP();
    if (++k == kc) break;
    WT_IGEMM_4X8_STEP();
    if (++k == kc) break;
    WT_IGEMM_4X8_STEP();
    ++k;
  }
  WT_GEMM_4X8_ROWS(c, c_stride, mr);
  WT_GEMM_4X8_STORE(1);
}
#undef WT_IGEMM_4X8_STEP
