/* Internal helpers shared by src/ops (never exported). */
#ifndef WT_INTERNAL_H
#define WT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "webtorch.h"

/* WT_USE_SIMD is set by CMake (option WT_SIMD); ops pick __wasmsimd or __scalar kernels. */
#ifndef WT_USE_SIMD
#define WT_USE_SIMD 1
#endif

#if defined(__GNUC__) || defined(__clang__)
#define WT_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define WT_PRINTF(a, b)
#endif

/* Stores the message returned by wt_last_error() and returns `status`, so ops can
 * write `return wt_error(WT_EINVAL, "...", ...)`. */
wt_status wt_error(wt_status status, const char *fmt, ...) WT_PRINTF(2, 3);

/* Products of caller sizes are computed in int64 with overflow checks. Returns 0 on
 * overflow (or a negative factor), 1 on success. */
int wt_mul_i64(int64_t a, int64_t b, int64_t *out);

/* Private scratch for ops: NULL if the request does not fit size_t/memory. */
void *wt_scratch_alloc(int64_t nbytes);
void wt_scratch_free(void *p);

/* Number of float elements an op may allocate as scratch in one piece. Beyond this ops
 * work in chunks, so memory stays bounded for large inputs. */
#define WT_SCRATCH_CHUNK_FLOATS ((int64_t)1 << 22)

#define WT_CHECK_PTR(p, op, name)                                                      \
  do {                                                                                 \
    if ((p) == NULL) return wt_error(WT_EINVAL, "%s: %s must not be NULL", op, name);  \
  } while (0)

#define WT_CHECK_POS(v, op, name)                                                      \
  do {                                                                                 \
    if ((v) <= 0)                                                                      \
      return wt_error(WT_EINVAL, "%s: %s must be > 0, got %ld", op, name, (long)(v));  \
  } while (0)



/* WT_THREADS is set by CMake (option WT_THREADS): 1 builds the pthread pool of
 * src/parallel.c, 0 runs every parallel loop on the calling thread. */
#ifndef WT_THREADS
#define WT_THREADS 0
#endif

/* One task of a parallel loop: `thread` (0 .. width - 1) indexes per-thread scratch; the
 * tasks of one loop run in any order, concurrently, each exactly once. Tasks must not call
 * wt_error (its message is per thread): they report failure through ctx. */
typedef void (*wt_task_fn)(void *ctx, size_t task, int thread);

/* Work (in multiply-adds, or elements for a copy) below which splitting a loop costs more
 * than starting the pool's threads on it (~10 us) saves. Each loop asks for its own. */
#define WT_PARALLEL_MIN_WORK ((double)(1 << 17))

/* The number of threads a loop doing `work` should use: 1 for small work, inside a task
 * (loops do not nest) and in builds without threads; else wt_get_num_threads(). */
int wt_parallel_width(double work);

/* Runs fn(ctx, t, thread) for every t < n_tasks on at most `width` threads (from
 * wt_parallel_width) and returns when all are done. */
void wt_parallel_for(size_t n_tasks, int width, wt_task_fn fn, void *ctx);

/* Kernel choice of this build: WT_UKERNEL(wt_f32_vexp_ukernel) names the __wasmsimd
 * kernel, or its __scalar sibling in the WT_SIMD=OFF build. */
#if WT_USE_SIMD
#define WT_UKERNEL(fn) fn##__wasmsimd
#else
#define WT_UKERNEL(fn) fn##__scalar
#endif

/* C[M,N] (+)= A[M,K] op(B) + bias; the engine behind wt_gemm_f32, wt_matmul_f32,
 * wt_linear_forward_f32, conv. Validates everything; `op` names the public entry point
 * in error messages. */
wt_status wt_gemm_run(const char *op, int32_t M, int32_t N, int32_t K, const float *A,
                      int32_t lda, const float *B, int32_t ldb, int32_t trans_b, float *C,
                      int32_t ldc, const float *bias, int32_t accumulate);
/* The same product on sizes already validated, packing B into the caller's scratch `packed`
 * of wt_gemm_packed_floats_of(wt_gemm_chunk_cols(N, K), K) floats (B goes in column chunks
 * of that width): for callers that run many products (tasks of a parallel loop, which must
 * not allocate: the allocator's lock would serialise them). */
int64_t wt_gemm_chunk_cols(int64_t N, int64_t K);
void wt_gemm_compute(size_t M, size_t N, size_t K, const float *A, size_t lda, const float *B, size_t ldb,
                     int trans_b, float *C, size_t ldc, const float *bias, int accumulate, float *packed);
/* Floats of B [.., K] packed for N columns: ceil(N/8) panels of (8 + 8K) (kernels.h). */
int64_t wt_gemm_packed_floats_of(int64_t N, int64_t K);
/* C[M,N] (+)= A[M,K] @ B + bias with B and bias packed by wt_f32_gemm_pack_b_x8: the
 * cache-blocked microkernel sweep behind every GEMM (no validation; sizes >= 1). */
void wt_gemm_sweep_packed(size_t M, size_t N, size_t K, const float *A, size_t lda, const float *packed,
                          float *C, size_t ldc, int accumulate);
/* Convolution geometry (src/ops/conv.c), shared by conv, transposed conv, unfold and fold.
 * Normalised to 3 spatial dims (leading dims are 1 for ndim < 3). `img` is the image the
 * windows slide over, `grid` the lattice of window positions: window (g0, g1, g2) covers
 * img positions g*s - p + t*d for taps t < k (outside img = zero padding). */
typedef struct wt_geom3 {
  int64_t img[3], grid[3], k[3], s[3], p[3], d[3];
} wt_geom3;

/* Validates p (as documented for wt_conv_forward_f32) and fills g. transposed == 0: the
 * image is in_size, the grid out_size; transposed == 1: the image is out_size, the grid
 * in_size. rule == 1: the grid must obey the padding rule of webtorch.h; rule == 0: any
 * sizes >= 1 (im2col and col2im treat whatever falls outside the image as padding). */
wt_status wt_conv_geom(const char *fn, const wt_conv_params *p, int transposed, int rule, wt_geom3 *g);

/* The checks every sliding-window op (conv, transposed conv, unfold, fold, pooling) makes on
 * dim i of its params: in_size, out_size, kernel, stride and dilation are >= 1. */
wt_status wt_check_window_dim(const char *fn, int i, int32_t in_size, int32_t out_size, int32_t kernel,
                              int32_t stride, int32_t dilation);

/* col[r, j - j0] (row length n) = img value under tap r = (c, kd, kh, kw) of window j, for
 * windows j in [j0, j0 + n) (flat over grid) and channels c < channels. */
void wt_im2col(const wt_geom3 *g, const float *img, int64_t channels, int64_t j0, int64_t n,
               float *col);

/* The adjoint: img[value under tap r of window j] += col[r*ld + j - j0] for the same
 * ranges; taps in the padding are dropped. */
void wt_col2im(const wt_geom3 *g, const float *col, int64_t ld, int64_t channels, int64_t j0,
               int64_t n, float *img);

#endif /* WT_INTERNAL_H */
