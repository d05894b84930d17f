/* Internal switch: kernels are written once against <wasm_simd128.h>.
 * Under Emscripten with -msimd128 the real intrinsics are used; natively (tests,
 * sanitizers, fuzzing) SIMDe maps the same names onto SSE/NEON/portable C.
 * SIMDe 0.7.4 lacks *_const_splat and the unsigned splat/make/replace_lane forms, so
 * kernels only use wasm_f32x4_splat / wasm_i32x4_splat and friends. */
#ifndef WT_SIMD_H
#define WT_SIMD_H

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#else
#define SIMDE_ENABLE_NATIVE_ALIASES
#include <simde/wasm/simd128.h>
#endif

#endif /* WT_SIMD_H */
