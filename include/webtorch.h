/*
 * webtorch.h — the C side of webtorch: torch.nn layer kernels for the web.
 *
 * The C code is compiled once into a WebAssembly module (SIMD128) that the webtorch JS
 * library drives; natively the same sources build a static library used for tests.
 *
 * ---------------------------------------------------------------------------------------
 * 1. Tensors
 * ---------------------------------------------------------------------------------------
 * C has no tensor object. A tensor is a pointer to its first element plus sizes passed
 * next to it:
 *   - dense, row-major (C order): for shape [d0, d1, ..., dn-1] element (i0, ..., in-1)
 *     sits at offset ((i0*d1 + i1)*d2 + ...)*dn-1 + in-1 (in elements);
 *   - contiguous, unless a function takes explicit strides (wt_copy_strided, wt_binary_f32,
 *     and the leading-dimension arguments lda/ldb/ldc of wt_gemm_f32); strides are always
 *     counted in elements, never in bytes;
 *   - float32, unless the name or a dtype argument says otherwise (`_f32` suffix). Index
 *     outputs are int64 (like PyTorch's `indices`), bool is one byte holding 0 or 1.
 * Many ops view a tensor as [outer, dim, inner]: for a tensor of shape s reduced over
 * axis k, outer = s[0]*...*s[k-1], dim = s[k], inner = s[k+1]*...*s[n-1].
 *
 * ---------------------------------------------------------------------------------------
 * 2. Memory: the caller owns every buffer
 * ---------------------------------------------------------------------------------------
 *   - The caller (the JS library) allocates every input and output buffer with wt_alloc()
 *     and releases it with wt_free(). C never frees, keeps or reuses a caller's pointer
 *     after a call returns.
 *   - Ops may allocate private scratch (packed weights, im2col columns) and always free it
 *     before returning, on every path, success or error.
 *   - Any call that can allocate may grow the wasm memory, which detaches JS typed-array
 *     views of the heap: JS must re-read Module.HEAPF32 etc. after every call.
 *   - Reads and writes stay inside the buffers: kernels handle tails exactly, there is NO
 *     over-read past the end of an input and NO over-write past the end of an output
 *     (buffers need no padding and no particular alignment beyond that of their type;
 *     wt_alloc returns 16-byte aligned memory anyway).
 *   - Unless a function says so (wt_unary_f32 allows out == x), outputs must not overlap
 *     inputs.
 *
 * ---------------------------------------------------------------------------------------
 * 3. Errors
 * ---------------------------------------------------------------------------------------
 * Every op returns a wt_status. On anything but WT_OK nothing useful was written to the
 * outputs (they may be partially written) and wt_last_error() returns a message naming
 * the function, the argument and the bad value ("wt_linear_forward_f32: in_features must
 * be > 0, got 0"). Ops validate everything they are given (NULL pointers, sizes <= 0,
 * inconsistent sizes, size products overflowing int64 / the address space, indices out
 * of range); no input can make C abort or trap. The message is kept until the next
 * failing call overwrites it ("" if no call ever failed).
 *   WT_EINVAL  bad arguments.
 *   WT_ENOMEM  private scratch could not be allocated (the call changed nothing else).
 *
 * ---------------------------------------------------------------------------------------
 * 4. Worked example: torch.nn.functional.linear(x, W, b) for x [2,3], W [4,3], b [4]
 * ---------------------------------------------------------------------------------------
 *   float *x = wt_alloc(2 * 3 * sizeof(float));     // fill with the input
 *   float *w = wt_alloc(4 * 3 * sizeof(float));     // fill with the weight
 *   float *b = wt_alloc(4 * sizeof(float));         // fill with the bias
 *   float *y = wt_alloc(2 * 4 * sizeof(float));     // output, written by the op
 *   if (wt_linear_forward_f32(y, x, w, b, 2, 3, 4) != WT_OK)
 *     fprintf(stderr, "%s\n", wt_last_error());
 *   // y[r*4 + o] = sum_i x[r*3 + i] * w[o*3 + i] + b[o]
 *   wt_free(y); wt_free(b); wt_free(w); wt_free(x);
 * From JS the same call is Module._wt_linear_forward_f32(yPtr, xPtr, wPtr, bPtr, 2, 3, 4)
 * with data written through Module.HEAPF32 (index = ptr >> 2).
 *
 * All sizes are int32 (the wasm heap is at most 4 GB); products of sizes are checked in
 * int64 arithmetic.
 */
#ifndef WEBTORCH_H
#define WEBTORCH_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ===================================== basics ====================================== */

typedef enum wt_status {
  WT_OK = 0,     /* success */
  WT_EINVAL = 1, /* invalid argument; see wt_last_error() */
  WT_ENOMEM = 2  /* scratch allocation failed; see wt_last_error() */
} wt_status;

typedef enum wt_dtype {
  WT_F32 = 0,  /* float, 4 bytes */
  WT_I64 = 1,  /* int64_t, 8 bytes */
  WT_I32 = 2,  /* int32_t, 4 bytes */
  WT_BOOL = 3  /* 1 byte holding 0 or 1 */
} wt_dtype;

/* Message of the last failing call ("" if none). Valid until the next failing call. */
const char *wt_last_error(void);

/* Allocates nbytes, 16-byte aligned. Returns NULL on failure (never aborts).
 * nbytes == 0 returns a valid unique pointer that must still be freed with wt_free. */
void *wt_alloc(size_t nbytes);

/* Frees a pointer from wt_alloc. NULL is ignored. */
void wt_free(void *p);

/* Library version, "0.1.0". Static string, never freed. */
const char *wt_version(void);

/* 1 if the ops use the SIMD128 kernels, 0 for the scalar fallback build. */
int32_t wt_simd_enabled(void);

/* ===================================== threads ===================================== */

/* Upper bound of wt_set_num_threads: the thread pool's capacity in this build. */
#define WT_MAX_THREADS 16

/* Sets how many threads the ops use (torch.set_num_threads): the caller's thread plus
 * n - 1 pool threads, started on first use and then kept. Builds without threads (the
 * plain wasm builds) keep 1. n is clamped to WT_MAX_THREADS; the wasm pthread build's
 * caller (js/runtime.js) clamps it to the workers Emscripten pre-started, because a
 * thread beyond that pool cannot start while the browser's main thread waits for it.
 * Results do not depend on n: work is split over outputs, never over a reduction.
 * Errors: WT_EINVAL for n < 1; WT_ENOMEM if a thread cannot be created (the threads
 * already running stay in use). */
wt_status wt_set_num_threads(int32_t n);

/* The number of threads ops use (torch.get_num_threads). */
int32_t wt_get_num_threads(void);

/* 1 if this build runs ops on several threads (pthreads + shared memory), else 0. */
int32_t wt_threads_enabled(void);

/* ================================== copy and cast ================================== */

/* Gathers a strided view into a contiguous buffer (torch .contiguous()).
 *   out      [shape...] contiguous, elem_size bytes per element
 *   x        base pointer of the view; element (i0..in-1) is at x + sum_k ik*strides[k]
 *   elem_size 1, 4 or 8 (bytes; the copy is a bit copy, any dtype)
 *   ndim     0..8 (0 = one scalar element; shape/strides may then be NULL)
 *   shape    [ndim], each >= 1 (a zero-size tensor needs no call)
 *   strides  [ndim], in elements, each >= 0 (0 = broadcast)
 * Errors: WT_EINVAL for NULL pointers, bad elem_size/ndim, shape <= 0, stride < 0,
 * overflowing sizes. */
wt_status wt_copy_strided(void *out, const void *x, int32_t elem_size, int32_t ndim,
                          const int32_t *shape, const int32_t *strides);

/* Converts n contiguous elements from x_dtype to out_dtype (wt_dtype values).
 *   out [n] of out_dtype, x [n] of x_dtype, n >= 0 (n == 0 is a no-op; pointers may
 *   then be NULL). Same dtype = copy.
 * float -> int32/int64 truncates toward zero like torch .int()/.long(); NaN and
 * out-of-range values give INT_MIN of the target (what PyTorch gives on x86);
 * int64 -> int32 wraps (keeps the low 32 bits); anything -> bool is (x != 0)
 * (NaN -> 1); bool -> anything is 0 or 1.
 * Errors: WT_EINVAL for unknown dtypes, n < 0, NULL pointers with n > 0. */
wt_status wt_cast(void *out, int32_t out_dtype, const void *x, int32_t x_dtype, int32_t n);

/* ============================ elementwise (binary, unary) ========================== */

typedef enum wt_binary_op {
  WT_ADD = 0,     /* a + b */
  WT_SUB = 1,     /* a - b */
  WT_MUL = 2,     /* a * b */
  WT_DIV = 3,     /* a / b (IEEE: x/0 = +-inf, 0/0 = NaN) */
  WT_MAXIMUM = 4, /* torch.maximum: NaN if either is NaN */
  WT_MINIMUM = 5, /* torch.minimum: NaN if either is NaN */
  WT_POW = 6      /* torch.pow (powf) */
} wt_binary_op;

/* out = a op b with broadcasting expressed by strides.
 *   op        a wt_binary_op
 *   out       [shape...] contiguous
 *   a, b      strided views: element i is at a + sum_k ik*a_strides[k] (strides in
 *             elements, >= 0; 0 for a broadcast dim)
 *   ndim      0..8 (0 = scalars; shape and strides may then be NULL)
 *   shape     [ndim], each >= 1
 * out must not overlap a or b unless it is the same buffer with the same contiguous
 * layout (in-place a += b is fine).
 * SIMD fast paths: both contiguous with the same shape; one side a scalar (all strides
 * 0); innermost dim contiguous (stride 1) or broadcast (stride 0) on each side.
 * Errors: WT_EINVAL for unknown op, NULL pointers, bad ndim/shape/strides. */
wt_status wt_binary_f32(int32_t op, float *out, const float *a, const float *b, int32_t ndim,
                        const int32_t *shape, const int32_t *a_strides,
                        const int32_t *b_strides);

typedef enum wt_unary_op {
  WT_RELU = 0,    /* max(x, 0); NaN stays NaN */
  WT_SIGMOID = 1, /* 1 / (1 + exp(-x)); sigmoid(-inf) = 0, sigmoid(+inf) = 1 */
  WT_TANH = 2,    /* tanh(+-inf) = +-1 */
  WT_EXP = 3,     /* exp; overflow -> +inf, underflow -> 0 (subnormals kept) */
  WT_LOG = 4,     /* natural log; log(0) = -inf, log(x < 0) = NaN */
  WT_NEG = 5,     /* -x (sign flip, also for 0 and NaN) */
  WT_ABS = 6,     /* |x| */
  WT_SQRT = 7,    /* sqrt; sqrt(x < 0) = NaN, sqrt(-0) = -0 */
  /* Activations, each with PyTorch 1.13's formula and operation order. p0/p1 as listed
   * (unlisted ones are ignored); NaN in, NaN out (except softshrink, as in PyTorch). */
  WT_LEAKY_RELU = 8,   /* x > 0 ? x : x * p0                       (p0 = negative_slope) */
  WT_ELU = 9,          /* x > 0 ? x : expm1(x * p1) * p0           (p0 = alpha, p1 = input_scale:
                          1 for ELU, 1/alpha for CELU) */
  WT_SELU = 10,        /* x > 0 ? s*x : expm1(x) * (a*s)           (a = 1.6732632, s = 1.0507010) */
  WT_SILU = 11,        /* x / (1 + exp(-x)) */
  WT_MISH = 12,        /* x * tanh(log1p(exp(x))) */
  WT_SOFTPLUS = 13,    /* x*p0 > p1 ? x : log1p(exp(x*p0)) / p0    (p0 = beta, p1 = threshold) */
  WT_SOFTSIGN = 14,    /* x / (|x| + 1) */
  WT_HARDSIGMOID = 15, /* min(max(x + 3, 0), 6) / 6 */
  WT_HARDSWISH = 16,   /* x * min(max(x + 3, 0), 6) / 6 */
  WT_HARDTANH = 17,    /* min(max(x, p0), p1)                      (p0 = min_val, p1 = max_val) */
  WT_THRESHOLD = 18,   /* x <= p0 ? p1 : x                         (p0 = threshold, p1 = value) */
  WT_GELU = 19,        /* x * 0.5 * (1 + erf(x / sqrt(2)))          (approximate='none') */
  WT_GELU_TANH = 20,   /* 0.5*x * (1 + tanh(sqrt(2/pi) * (x + 0.044715 x^3)))   ('tanh') */
  WT_LOGSIGMOID = 21,  /* min(x, 0) - log1p(exp(-|x|)) */
  WT_HARDSHRINK = 22,  /* -p0 <= x <= p0 ? 0 : x                   (p0 = lambd) */
  WT_SOFTSHRINK = 23,  /* x > p0 ? x - p0 : x < -p0 ? x + p0 : 0   (p0 = lambd; NaN -> 0) */
  WT_TANHSHRINK = 24   /* x - tanh(x) */
} wt_unary_op;

/* out[i] = f(x[i]) for i in [0, n). out may equal x (in place), other overlap is not
 * allowed. n >= 0 (0 = no-op). p0/p1 are the parameters of the activations that take
 * them (see wt_unary_op); other ops ignore them (pass 0). The SIMD exp/expm1/log/log1p/
 * tanh/sigmoid/erf are accurate to a few ulp over the whole float range and treat -0,
 * +-inf and NaN like libm/PyTorch.
 * Errors: WT_EINVAL for unknown op, n < 0, NULL pointers with n > 0. */
wt_status wt_unary_f32(int32_t op, float *out, const float *x, int32_t n, float p0, float p1);

/* ================================= softmax, reduce ================================= */

/* softmax (log = 0) or log_softmax (log = 1) over the middle dim.
 *   x, out  [outer, dim, inner] contiguous (out must not overlap x unless out == x)
 * Numerically stable: exp(x - max) / sum, log: x - max - log(sum). A NaN in a slice makes
 * the slice NaN, as in PyTorch.
 * Errors: WT_EINVAL for NULL, sizes <= 0, overflow, log not 0/1. */
wt_status wt_softmax_f32(float *out, const float *x, int32_t outer, int32_t dim, int32_t inner,
                         int32_t log);

typedef enum wt_reduce_op {
  WT_SUM = 0,  /* sum (f32 accumulation in a blocked/pairwise order) */
  WT_MEAN = 1, /* sum / dim */
  WT_MAX = 2,  /* max, indices optional */
  WT_MIN = 3   /* min, indices optional */
} wt_reduce_op;

/* Reduces x over its middle dim.
 *   x        [outer, dim, inner] contiguous
 *   out      [outer, inner]
 *   indices  [outer, inner] int64 or NULL; only for WT_MAX/WT_MIN (must be NULL for
 *            SUM/MEAN): index in [0, dim) of the FIRST extreme element like
 *            torch.max(x, dim). NaN propagates: the first NaN is the result and its
 *            index is reported.
 * Errors: WT_EINVAL for unknown op, NULL x/out, sizes <= 0, overflow, indices given for
 * SUM/MEAN. */
wt_status wt_reduce_f32(int32_t op, float *out, int64_t *indices, const float *x, int32_t outer,
                        int32_t dim, int32_t inner);

/* ================================ gemm, matmul, linear ============================= */

/* C[M,N] = A[M,K] * op(B) (+ bias[N] if bias != NULL) (+ C if accumulate != 0).
 *   A      row i starts at A + i*lda (lda >= K)
 *   B      trans_b == 0: B[K,N], row k at B + k*ldb (ldb >= N)
 *          trans_b == 1: B[N,K] used transposed, row n at B + n*ldb (ldb >= K)
 *   C      row i at C + i*ldc (ldc >= N); must not overlap A, B or bias
 *   bias   [N] or NULL, added to every row
 *   accumulate 0: C is overwritten; 1: the product is added to the old C
 * M, N, K >= 1. Packs B into private scratch (ENOMEM possible).
 * Errors: WT_EINVAL for NULL A/B/C, sizes <= 0, leading dims too small, trans_b or
 * accumulate not 0/1, overflow; WT_ENOMEM. */
wt_status wt_gemm_f32(int32_t M, int32_t N, int32_t K, const float *A, int32_t lda,
                      const float *B, int32_t ldb, int32_t trans_b, float *C, int32_t ldc,
                      const float *bias, int32_t accumulate);

/* Pre-packed weights: pack B (and bias) once, multiply many times. A layer's weight
 * W [out, in] is B = W used transposed (trans_b = 1), so Linear is
 *   wt_gemm_packed_f32(rows, out, in, x, in, packed, y, out, 0).
 * wt_gemm_packed_size_f32: *floats = the number of floats the packed form of an N-column,
 *   K-deep B needs (the layout is private: only pack_b may write it). N, K >= 1.
 *   Errors: WT_EINVAL for NULL floats, sizes <= 0, a size over 2^31 floats. */
wt_status wt_gemm_packed_size_f32(int32_t N, int32_t K, int32_t *floats);
/* wt_gemm_pack_b_f32: packed[packed_floats] = pack(B, bias).
 *   B     trans_b == 0: [K,N] contiguous; trans_b == 1: [N,K] contiguous (used transposed)
 *   bias  [N] or NULL
 *   packed_floats must equal wt_gemm_packed_size_f32(N, K); the caller owns packed.
 * Errors: WT_EINVAL for NULL packed/B, sizes <= 0, trans_b not 0/1, wrong packed_floats. */
wt_status wt_gemm_pack_b_f32(float *packed, int32_t packed_floats, const float *B, const float *bias,
                             int32_t N, int32_t K, int32_t trans_b);
/* wt_gemm_packed_f32: C[M,N] = A[M,K] @ B + bias (+ C if accumulate), B and bias from a
 *   packed buffer made by wt_gemm_pack_b_f32 with the same N and K (not checkable here).
 *   A row i at A + i*lda (lda >= K), C row i at C + i*ldc (ldc >= N), C not overlapping.
 * Errors: WT_EINVAL for NULL A/packed/C, sizes <= 0, leading dims too small, accumulate
 * not 0/1. Never allocates. */
wt_status wt_gemm_packed_f32(int32_t M, int32_t N, int32_t K, const float *A, int32_t lda,
                             const float *packed, float *C, int32_t ldc, int32_t accumulate);

/* Batched matrix product (torch.bmm): out[b] = a[b] @ b[b].
 *   out [batch, M, N], a [batch, M, K], b [batch, K, N], all contiguous, sizes >= 1.
 * Errors: as wt_gemm_f32. */
wt_status wt_matmul_f32(float *out, const float *a, const float *b, int32_t batch, int32_t M,
                        int32_t K, int32_t N);

/* torch.nn.functional.linear:
 *   out[rows, out_features] = x[rows, in_features] @ weight[out_features, in_features]^T
 *                             + bias[out_features]   (bias may be NULL)
 * Sizes >= 1. Errors: as wt_gemm_f32. */
wt_status wt_linear_forward_f32(float *out, const float *x, const float *weight,
                                const float *bias, int32_t rows, int32_t in_features,
                                int32_t out_features);

/* torch.nn.functional.bilinear:
 *   out[r, o] = sum_ij x1[r, i] * weight[o, i, j] * x2[r, j] + bias[o]   (bias may be NULL)
 *   out [rows, out_features], x1 [rows, in1], x2 [rows, in2],
 *   weight [out_features, in1, in2], bias [out_features]. Sizes >= 1.
 * Errors: WT_EINVAL for NULL/sizes/overflow, WT_ENOMEM. */
wt_status wt_bilinear_forward_f32(float *out, const float *x1, const float *x2,
                                  const float *weight, const float *bias, int32_t rows,
                                  int32_t in1, int32_t in2, int32_t out_features);

/* =================================== convolution =================================== */

/* Parameters of an N-d convolution, made only of int32 fields so JS can fill it as an
 * Int32Array of 23 values in this field order. Unused spatial dims (index >= ndim) are
 * ignored; set sizes/kernel/stride/dilation to 1 and padding to 0 there. */
typedef struct wt_conv_params {
  int32_t ndim;         /* spatial dims: 1, 2 or 3 */
  int32_t batch;        /* N >= 1 */
  int32_t in_channels;  /* C_in >= 1, divisible by groups */
  int32_t out_channels; /* C_out >= 1, divisible by groups */
  int32_t groups;       /* >= 1 */
  int32_t in_size[3];   /* input spatial sizes >= 1 */
  int32_t out_size[3];  /* output spatial sizes >= 1 (computed by the caller) */
  int32_t kernel[3];    /* kernel sizes >= 1 */
  int32_t stride[3];    /* >= 1 */
  int32_t padding[3];   /* zeros added BEFORE each spatial dim, >= 0 */
  int32_t dilation[3];  /* >= 1 */
} wt_conv_params;

/* N-d convolution (torch.nn.functional.conv1d/2d/3d, cross-correlation like PyTorch).
 *   x      [batch, in_channels, *in_size]
 *   weight [out_channels, in_channels/groups, *kernel]
 *   bias   [out_channels] or NULL
 *   out    [batch, out_channels, *out_size]
 * Padding rule, per spatial dim (in, out, k, s, d, p = padding):
 *   p zeros are added before the input; zeros after it are implied as far as out needs:
 *     r = max(0, (out - 1)*s + d*(k - 1) + 1 - in - p)          (right padding used)
 *   valid iff  r <= p                                  (symmetric padding, any stride)
 *         or   r == p + 1 and r <= d*(k - 1)            (padding='same' with an odd total
 *                                                         d*(k-1): PyTorch puts the extra
 *                                                         zero on the right)
 * So PyTorch's padding=p gives out = (in + 2p - d*(k-1) - 1)/s + 1 (floor) with r <= p,
 * and padding='same' (s = 1) gives p = d*(k-1)/2 (floor), out = in, r = p or p + 1.
 * Smaller out sizes are accepted (they compute a prefix of the output).
 * Depthwise convs (groups == in_channels == out_channels) use a direct SIMD kernel, 1x1
 * stride-1 unpadded convs a GEMM on x directly, all others im2col + the GEMM kernel.
 * Errors: WT_EINVAL for NULL p/out/x/weight, bad ndim/sizes/groups, padding rule
 * violated, overflow; WT_ENOMEM. */
wt_status wt_conv_forward_f32(const wt_conv_params *p, float *out, const float *x,
                              const float *weight, const float *bias);

/* Transposed N-d convolution (torch.nn.functional.conv_transpose1d/2d/3d), the adjoint
 * of wt_conv_forward_f32 with respect to its input:
 *   x      [batch, in_channels, *in_size]
 *   weight [in_channels, out_channels/groups, *kernel]
 *   bias   [out_channels] or NULL
 *   out    [batch, out_channels, *out_size]
 *   out[n, oc, o] = bias[oc] + sum x[n, ic, i] * weight[ic, oc mod (out_channels/groups), t]
 *   over ic in oc's group and (i, t) with o = i*stride - padding + t*dilation per dim.
 * Any out_size >= 1 is accepted (positions outside it are dropped); PyTorch's is
 * (in - 1)*stride - 2*padding + dilation*(kernel - 1) + output_padding + 1.
 * Uses a GEMM per group + col2im. Errors: WT_EINVAL for NULL p/out/x/weight, bad
 * ndim/sizes/groups, overflow; WT_ENOMEM. */
wt_status wt_conv_transpose_forward_f32(const wt_conv_params *p, float *out, const float *x,
                                        const float *weight, const float *bias);

/* torch.nn.functional.unfold (im2col) generalised to 1..3 spatial dims. p as for
 * wt_conv_forward_f32 with in_channels = out_channels = C (the image's channels) and
 * groups = 1; in_size is the image, out_size the grid of windows (any sizes >= 1: taps
 * outside the image read as 0, like PyTorch's im2col).
 *   x   [batch, C, *in_size]
 *   out [batch, C*prod(kernel), prod(out_size)]: out[n, (c, t), j] = the value under tap
 *       t of window j (0 in the padding)
 * Errors: WT_EINVAL for NULL, bad sizes, out_channels != in_channels, groups != 1,
 * overflow. */
wt_status wt_unfold_forward_f32(const wt_conv_params *p, float *out, const float *x);

/* torch.nn.functional.fold (col2im), the adjoint of wt_unfold_forward_f32: in_size is
 * the grid of windows, out_size the image (any sizes >= 1; taps outside the image are
 * dropped), in_channels = out_channels = C, groups = 1.
 *   x   [batch, C*prod(kernel), prod(in_size)]
 *   out [batch, C, *out_size]: the sum of every x value whose tap lands on the position
 * Errors: WT_EINVAL as wt_unfold_forward_f32. */
wt_status wt_fold_forward_f32(const wt_conv_params *p, float *out, const float *x);

/* ===================================== pooling ===================================== */

/* Parameters of N-d pooling, int32 only (an Int32Array of 20 values in field order). */
typedef struct wt_pool_params {
  int32_t ndim;        /* spatial dims: 1, 2 or 3 */
  int32_t planes;      /* batch * channels >= 1 */
  int32_t in_size[3];  /* >= 1 */
  int32_t out_size[3]; /* >= 1, computed by the caller (ceil_mode lives here) */
  int32_t kernel[3];   /* >= 1 */
  int32_t stride[3];   /* >= 1 */
  int32_t padding[3];  /* >= 0 and <= kernel/2 (PyTorch's rule) */
  int32_t dilation[3]; /* >= 1 */
} wt_pool_params;

/* Max pooling like torch.nn.functional.max_pool1d/2d/3d.
 *   x       [planes, *in_size]
 *   out     [planes, *out_size]
 *   indices [planes, *out_size] int64 or NULL: flat index into the input plane
 *           (e.g. h*W + w for 2d) like return_indices=True
 * Padding acts as -inf; windows are clipped to the input. NaN wins (propagates), the
 * index reported is that of the last NaN in the window (PyTorch CPU order).
 * out_size per dim must satisfy 1 <= out <= max_out where
 *   max_out = ceil((in + 2p - d*(k-1) - 1) / s) + 1, minus 1 if (max_out-1)*s >= in + p
 * (PyTorch's ceil_mode size; the floor size is always smaller or equal).
 * Errors: WT_EINVAL for NULL, bad ndim/sizes, padding > kernel/2, out too large, overflow. */
wt_status wt_maxpool_forward_f32(const wt_pool_params *p, float *out, int64_t *indices,
                                 const float *x);

/* Average pooling like torch.nn.functional.avg_pool1d/2d/3d.
 *   x   [planes, *in_size], out [planes, *out_size]; p->dilation must be all 1.
 * Per output the window [o*s - p, o*s - p + k) is clipped to [0, in + p) to give the
 * count_include_pad divisor, then to [0, in) for the sum (PyTorch's rule, also under
 * ceil_mode); a window with no input element gives 0.
 *   count_include_pad  1: divide by the padded window size; 0: by the elements summed
 *   divisor_override   0: none; > 0: divide every window sum by it
 * out_size limits as wt_maxpool_forward_f32.
 * Errors: WT_EINVAL as wt_maxpool_forward_f32, dilation != 1, count_include_pad not 0/1,
 * divisor_override < 0; WT_ENOMEM. */
wt_status wt_avgpool_forward_f32(const wt_pool_params *p, float *out, const float *x,
                                 int32_t count_include_pad, int32_t divisor_override);

/* Adaptive pooling like torch.nn.functional.adaptive_avg_pool1d/2d/3d (op = WT_MEAN) and
 * adaptive_max_pool1d/2d/3d (op = WT_MAX).
 *   x        [planes, *in_size], out [planes, *out_size] (ndim 1..3, sizes >= 1)
 *   indices  [planes, *out_size] int64 or NULL (WT_MAX only): flat index into the input
 *            plane; NaN wins, the last NaN is reported (PyTorch CPU order)
 * Output o of a dim of size in -> out covers [floor(o*in/out), ceil((o+1)*in/out)).
 * Errors: WT_EINVAL for NULL, op not WT_MEAN/WT_MAX, indices with WT_MEAN, bad
 * ndim/sizes, overflow; WT_ENOMEM. */
wt_status wt_adaptive_pool_forward_f32(int32_t op, float *out, int64_t *indices, const float *x,
                                       int32_t ndim, int32_t planes, const int32_t *in_size,
                                       const int32_t *out_size);

/* Fractional max pooling like torch.nn.functional.fractional_max_pool2d/3d.
 *   x        [planes, *in_size], out/indices [planes, *out_size] (indices int64 or NULL)
 *   samples  [planes, ndim] in [0, 1): PyTorch's _random_samples ([N, C, ndim]); for 2-d
 *            sample 0 drives the width and sample 1 the height, for 3-d samples 0, 1, 2
 *            drive time, height, width (PyTorch's order)
 *   kernel   [ndim] pool sizes, out_size[i] + kernel[i] - 1 <= in_size[i]
 * Window starts per dim: alpha = (in - k) / (out - 1) (float), start[i] =
 * int((i + u) * alpha) - int(u * alpha) for i < out - 1, start[out - 1] = in - k.
 * Errors: WT_EINVAL for NULL, bad ndim/sizes, pool too large, samples outside [0, 1),
 * overflow. */
wt_status wt_fractional_maxpool_forward_f32(float *out, int64_t *indices, const float *x,
                                            const float *samples, int32_t ndim, int32_t planes,
                                            const int32_t *in_size, const int32_t *out_size,
                                            const int32_t *kernel);

/* Max unpooling like torch.nn.functional.max_unpool1d/2d/3d: zeros, then
 * out[pl, indices[pl, i]] = x[pl, i] (a later duplicate index overwrites an earlier one).
 *   x [planes, in_numel], indices [planes, in_numel] int64, out [planes, out_numel].
 * Errors: WT_EINVAL for NULL, sizes <= 0, overflow, an index outside [0, out_numel) (the
 * message names it; out is then partially written). */
wt_status wt_maxunpool_forward_f32(float *out, const float *x, const int64_t *indices,
                                   int32_t planes, int32_t in_numel, int32_t out_numel);

/* ==================================== resampling =================================== */

typedef enum wt_resample_mode {
  WT_RESAMPLE_NEAREST = 0,       /* mode='nearest' (PyTorch's legacy floor rule) */
  WT_RESAMPLE_NEAREST_EXACT = 1, /* mode='nearest-exact' */
  WT_RESAMPLE_LINEAR = 2,        /* linear / bilinear / trilinear, by ndim */
  WT_RESAMPLE_CUBIC = 3          /* bicubic (A = -0.75, edge-clamped taps) */
} wt_resample_mode;

/* torch.nn.functional.interpolate (upsample_* kernels of PyTorch 1.13, CPU).
 *   x    [planes, *in_size], out [planes, *out_size]; ndim 1..3, sizes >= 1
 *   align_corners 0/1 (linear and cubic only; must be 0 for the nearest modes)
 *   scale0..2     the user's scale_factor per spatial dim (0 = not given: in/out is used),
 *                 as PyTorch passes it when recompute_scale_factor is not set
 * Source coordinates follow PyTorch's area_pixel_compute_source_index in float.
 * Errors: WT_EINVAL for NULL, unknown mode, align_corners with a nearest mode, bad
 * ndim/sizes, negative/non-finite scales, overflow; WT_ENOMEM. */
wt_status wt_interpolate_f32(int32_t mode, float *out, const float *x, int32_t ndim,
                             int32_t planes, const int32_t *in_size, const int32_t *out_size,
                             int32_t align_corners, double scale0, double scale1, double scale2);

/* ====================================== padding ==================================== */

typedef enum wt_pad_mode {
  WT_PAD_CONSTANT = 0,  /* fill with value */
  WT_PAD_REFLECT = 1,   /* mirror without repeating the edge: needs pad < size */
  WT_PAD_REPLICATE = 2, /* repeat the edge element */
  WT_PAD_CIRCULAR = 3   /* wrap around the dim as cropped by negative pads: needs pad <= that size */
} wt_pad_mode;

/* N-d padding like torch.nn.functional.pad.
 *   x          [in_shape...] contiguous, ndim 1..8
 *   pad_before [ndim], pad_after [ndim]: per dim (0 = untouched), negative = crop
 *   out        [in_shape[k] + pad_before[k] + pad_after[k] ...] contiguous
 *   value      fill for WT_PAD_CONSTANT (ignored otherwise)
 * Validates like PyTorch: every result size > 0; reflect needs pad_before and pad_after
 * < in_shape[k]; circular needs them <= the size left after negative pads crop (PyTorch
 * 1.13 crops first, then wraps around what is left); replicate needs in_shape[k] >= 1.
 * Errors: WT_EINVAL for NULL, unknown mode, bad sizes/pads, overflow. */
wt_status wt_pad_f32(int32_t mode, float *out, const float *x, int32_t ndim,
                     const int32_t *in_shape, const int32_t *pad_before,
                     const int32_t *pad_after, float value);

/* ===================================== embedding =================================== */

/* torch.nn.functional.embedding (gather rows):
 *   out[i, :] = weight[indices[i], :]
 *   out [n, dim], weight [num_embeddings, dim], indices [n] int64.
 * n >= 0 (0 = no-op), num_embeddings >= 1, dim >= 1.
 * Errors: WT_EINVAL for NULL, bad sizes, any index outside [0, num_embeddings) (the
 * message names the position and value; nothing is written in that case). */
wt_status wt_embedding_forward_f32(float *out, const float *weight, const int64_t *indices,
                                   int32_t n, int32_t num_embeddings, int32_t dim);

/* max_norm renormalisation in place, like torch.embedding_renorm_: for every DISTINCT
 * row referenced by indices[0..n): norm = ||row||_p (p = norm_type, p = +inf -> max |x|);
 * if norm > max_norm: row *= max_norm / (norm + 1e-7).
 *   weight [num_embeddings, dim] (modified), indices [n] int64.
 * norm_type > 0, max_norm >= 0. Uses a private bitmap (WT_ENOMEM possible).
 * Errors: WT_EINVAL for NULL, bad sizes/norm_type/max_norm, index out of range. */
wt_status wt_embedding_renorm_f32(float *weight, const int64_t *indices, int32_t n,
                                  int32_t num_embeddings, int32_t dim, float max_norm,
                                  float norm_type);

/* =================================== normalization ================================= */

/* Batch-norm statistics (torch.nn.functional.batch_norm in training mode):
 *   x    [batch, channels, spatial]
 *   mean [channels]  mean over (batch, spatial)
 *   var  [channels]  BIASED variance over (batch, spatial) (divide by batch*spatial; the
 *        caller scales by n/(n-1) for PyTorch's unbiased running_var)
 * Two-pass in f32 (mean first, then the sum of squared deviations), as PyTorch's CPU
 * kernel. Instance norm is this over [1, batch*channels, spatial]. Sizes >= 1.
 * Errors: WT_EINVAL for NULL, sizes <= 0, overflow. */
wt_status wt_batch_norm_stats_f32(float *mean, float *var, const float *x, int32_t batch, int32_t channels,
                                  int32_t spatial);

/* Batch-norm transform with given statistics:
 *   out[n, c, s] = (x[n, c, s] - mean[c]) / sqrt(var[c] + eps) * weight[c] + bias[c]
 *   x, out [batch, channels, spatial] (out may equal x); mean, var [channels];
 *   weight, bias [channels] or NULL (1 and 0). eps >= 0 and finite. Sizes >= 1.
 * Errors: WT_EINVAL for NULL out/x/mean/var, sizes <= 0, bad eps, overflow. */
wt_status wt_batch_norm_f32(float *out, const float *x, const float *mean, const float *var, const float *weight,
                            const float *bias, int32_t batch, int32_t channels, int32_t spatial, double eps);

/* torch.nn.functional.layer_norm over the last `cols` elements of each row:
 *   out[r, d] = (x[r, d] - mean_r) / sqrt(var_r + eps) * weight[d] + bias[d]
 *   x, out [rows, cols] (out may equal x); weight, bias [cols] or NULL; var_r biased.
 * Errors: WT_EINVAL for NULL out/x, sizes <= 0, bad eps, overflow. */
wt_status wt_layer_norm_f32(float *out, const float *x, const float *weight, const float *bias, int32_t rows,
                            int32_t cols, double eps);

/* torch.nn.functional.group_norm: statistics per (sample, group of channels/groups
 * consecutive channels), then the per-channel affine.
 *   x, out [batch, channels, spatial] (out may equal x); weight, bias [channels] or NULL.
 * groups >= 1 must divide channels.
 * Errors: WT_EINVAL for NULL out/x, sizes <= 0, groups not dividing, bad eps, overflow. */
wt_status wt_group_norm_f32(float *out, const float *x, const float *weight, const float *bias, int32_t batch,
                            int32_t channels, int32_t spatial, int32_t groups, double eps);

/* torch.nn.functional.local_response_norm across channels:
 *   out[n, c, s] = x[n, c, s] / (k + alpha * (sum_{j} x[n, j, s]^2) / size) ^ beta
 *   with j over [c - size/2, c + (size-1)/2] clipped to [0, channels) (PyTorch pads with
 *   zeros and averages over `size`, zeros included).
 *   x, out [batch, channels, spatial], out must not overlap x. size >= 1.
 * Uses a scratch row of up to spatial floats (WT_ENOMEM possible).
 * Errors: WT_EINVAL for NULL, sizes <= 0, overflow; WT_ENOMEM. */
wt_status wt_local_response_norm_f32(float *out, const float *x, int32_t batch, int32_t channels, int32_t spatial,
                                     int32_t size, double alpha, double beta, double k);

/* ===================================== recurrent =================================== */

typedef enum wt_rnn_mode {
  WT_RNN_TANH = 0, /* h' = tanh(W_ih x + b_ih + W_hh h + b_hh) */
  WT_RNN_RELU = 1, /* h' = relu(...) */
  WT_LSTM = 2,     /* gates i|f|g|o; c' = f*c + i*g, h' = o*tanh(c') (then W_hr h' if projected) */
  WT_GRU = 3       /* gates r|z|n; n = tanh(W_in x + b_in + r*(W_hn h + b_hn)), h' = (1-z)*n + z*h */
} wt_rnn_mode;

/* One direction of one recurrent layer, int32 only (an Int32Array of 8 in field order). */
typedef struct wt_rnn_params {
  int32_t mode;        /* a wt_rnn_mode */
  int32_t seq_len;     /* T >= 1 */
  int32_t batch;       /* B >= 1 */
  int32_t input_size;  /* I >= 0 (0: the input projection is b_ih alone, as in PyTorch) */
  int32_t hidden_size; /* H >= 1 */
  int32_t proj_size;   /* LSTM: 0 or in [1, H) (weight_hr); other modes 0. P = proj_size or H */
  int32_t reverse;     /* 0: steps t = 0..T-1; 1: t = T-1..0 (PyTorch's _reverse direction) */
  int32_t y_stride;    /* floats between consecutive rows of y, >= P (2P writes one half of a
                          bidirectional output) */
} wt_rnn_params;

/* torch.nn.RNN / LSTM / GRU, one layer, one direction, over the whole sequence (cells are
 * seq_len = 1), with PyTorch's parameter layout so state_dict tensors are used as they are.
 *   y     output: row (t, b) at y + (t*B + b)*y_stride, P floats (other floats untouched)
 *   h_n   [B, P] final hidden state, or NULL if not wanted
 *   c_n   [B, H] final cell state (LSTM), or NULL; must be NULL for other modes
 *   x     [T, B, I] input, time-major, contiguous; must not overlap y (not NULL, even if I = 0)
 *   h0    [B, P] initial hidden state, or NULL for zeros
 *   c0    [B, H] initial cell state (LSTM), or NULL for zeros; must be NULL for other modes
 *   w_ih  [G*H, I], w_hh [G*H, P], b_ih and b_hh [G*H] or NULL (bias=False),
 *   w_hr  [P, H] when proj_size > 0, else NULL;  G = 1 (RNN), 4 (LSTM), 3 (GRU)
 * The input projection of all time steps is one GEMM; each step runs the GEMM microkernel
 * on pre-packed w_hh and fused SIMD gate math. Scratch ~ (T*B + B)*G*H + |w_hh| + |w_hr|
 * floats (time-chunked beyond 4M floats).
 * Errors: WT_EINVAL for NULL required pointers, unknown mode, sizes <= 0 (I < 0), bad proj_size /
 * reverse / y_stride, w_hr given iff proj_size > 0 violated, c0/c_n given for non-LSTM,
 * overflow; WT_ENOMEM. */
wt_status wt_rnn_layer_forward_f32(const wt_rnn_params *p, float *y, float *h_n, float *c_n,
                                   const float *x, const float *h0, const float *c0,
                                   const float *w_ih, const float *w_hh, const float *b_ih,
                                   const float *b_hh, const float *w_hr);

typedef enum wt_bag_mode {
  WT_BAG_SUM = 0,  /* sum of the rows (times per_sample_weights if given) */
  WT_BAG_MEAN = 1, /* sum / number of non-padding rows */
  WT_BAG_MAX = 2   /* elementwise max (NaN propagates) */
} wt_bag_mode;

/* torch.nn.functional.embedding_bag (bags of rows reduced to one row each):
 *   out     [num_bags, dim]; bag b covers indices[offsets[b] .. offsets[b + 1])
 *   weight  [num_embeddings, dim], indices [n] int64
 *   offsets [num_bags + 1] int64, 0 <= offsets[b] <= offsets[b + 1] <= n (the caller turns
 *           PyTorch's offsets / include_last_offset / 2-D input into this form)
 *   per_sample_weights [n] or NULL (WT_BAG_SUM only): row i is scaled by it
 *   padding_idx  a row index whose entries are skipped (not counted by the mean), or -1
 * Empty bags (also bags of padding only) give zeros. n >= 0, num_bags >= 0,
 * num_embeddings >= 1, dim >= 1. Uses one row of scratch for per_sample_weights
 * (WT_ENOMEM possible).
 * Errors: WT_EINVAL for NULL, bad sizes/mode/padding_idx, offsets out of order or range,
 * per_sample_weights with another mode, an index out of range (nothing is written). */
wt_status wt_embedding_bag_f32(float *out, const float *weight, const int64_t *indices, int32_t n,
                               const int64_t *offsets, int32_t num_bags,
                               const float *per_sample_weights, int32_t num_embeddings,
                               int32_t dim, int32_t mode, int32_t padding_idx);

/* ====================================== losses ===================================== */

typedef enum wt_loss_op {
  WT_LOSS_MSE = 0,        /* (x - y)^2 */
  WT_LOSS_L1 = 1,         /* |x - y| */
  WT_LOSS_SMOOTH_L1 = 2,  /* z = |x - y|: z < beta ? 0.5 z^2 / beta : z - 0.5 beta (param = beta) */
  WT_LOSS_HUBER = 3,      /* z < delta ? 0.5 z^2 : delta (z - 0.5 delta) (param = delta) */
  WT_LOSS_BCE = 4,        /* (y - 1) max(log1p(-x), -100) - y max(log x, -100); x in [0, 1] */
  WT_LOSS_BCE_LOGITS = 5, /* (1 - y) x + (1 + (pw - 1) y) (log(exp(-m) + exp(-x - m)) + m),
                             m = max(-x, 0) */
  WT_LOSS_KL_DIV = 6,     /* xlogy(y, y) - y x (0 where y == 0) */
  WT_LOSS_KL_DIV_LOG = 7  /* exp(y) (y - x) (log_target=True) */
} wt_loss_op;

/* Unreduced pointwise loss (the 'none' reduction of F.mse_loss, l1_loss, smooth_l1_loss,
 * huber_loss, binary_cross_entropy, binary_cross_entropy_with_logits, kl_div):
 *   out[i] = loss(input[i], target[i]), i < n; input, target, out [n] contiguous.
 *   pos_weight [n] (already broadcast) or NULL; only for WT_LOSS_BCE_LOGITS (NULL = 1).
 *   param      beta for SMOOTH_L1, delta for HUBER (must be > 0); ignored otherwise.
 * Class weights and reductions are applied by the caller (wt_binary_f32, wt_reduce_f32).
 * Errors: WT_EINVAL for unknown op, n < 0, NULL pointers with n > 0, pos_weight with
 * another op, param <= 0 for SMOOTH_L1/HUBER, a BCE input outside [0, 1] or NaN (the
 * message names the position; nothing is written). */
wt_status wt_loss_pointwise_f32(int32_t op, float *out, const float *input, const float *target,
                                const float *pos_weight, int32_t n, float param);

/* Negative log-likelihood gather (F.nll_loss / F.cross_entropy with class indices):
 *   input   [outer, classes, inner] log-probabilities
 *   target  [outer, inner] int64 class indices in [0, classes), or ignore_index
 *   weight  [classes] class weights, or NULL (all 1)
 *   out         [outer, inner]: -weight[t] * input[o, t, i], 0 where t == ignore_index
 *   out_weight  [outer, inner]: weight[t], 0 where ignored (sum = 'mean' denominator)
 *   out_smooth  [outer, inner] or NULL: -sum_c weight[c] * input[o, c, i], 0 where
 *               ignored (cross_entropy's label_smoothing term)
 * Sizes >= 1. Errors: WT_EINVAL for NULL, sizes, overflow, a target outside
 * [0, classes) that is not ignore_index (the message names it; nothing is written). */
wt_status wt_nll_loss_f32(float *out, float *out_weight, float *out_smooth, const float *input,
                          const int64_t *target, const float *weight, int32_t outer,
                          int32_t classes, int32_t inner, int32_t ignore_index);

/* ===================================== attention =================================== */

typedef enum wt_mask_kind {
  WT_MASK_NONE = 0,  /* no mask (its pointer must be NULL) */
  WT_MASK_ADD = 1,   /* float32, added to the scaled scores (-inf masks) */
  WT_MASK_BLOCK = 2, /* bool, nonzero = masked (MultiheadAttention's convention) */
  WT_MASK_KEEP = 3   /* bool, zero = masked (scaled_dot_product_attention's convention) */
} wt_mask_kind;

/* Geometry of scaled dot-product attention over `batch` x `heads` independent problems,
 * int32 only (an Int32Array of 27 values in field order). Every tensor is a strided view:
 * the element (n, h, row, col) of q sits at q + n*q_strides[0] + h*q_strides[1] +
 * row*q_strides[2] + col (columns contiguous; strides in elements, >= 0, 0 broadcasts),
 * and likewise for k, v, out and the masks. So MultiheadAttention's projections in
 * PyTorch's [L, N, E] layout are read in place: head h of batch n is the column block
 * h*head_dim of row l*N + n (strides {E, head_dim, N*E}). */
typedef struct wt_attention_params {
  int32_t batch;             /* N >= 1 */
  int32_t heads;             /* H >= 1 */
  int32_t q_len;             /* L >= 1 (query rows) */
  int32_t kv_len;            /* S >= 1 (key/value rows) */
  int32_t head_dim;          /* E >= 1 (columns of q and k) */
  int32_t v_head_dim;        /* Ev >= 1 (columns of v and out) */
  int32_t q_strides[3];      /* row stride >= E */
  int32_t k_strides[3];      /* row stride >= E */
  int32_t v_strides[3];      /* row stride >= Ev */
  int32_t out_strides[3];    /* row stride >= Ev */
  int32_t causal;            /* 1: column j > row i is masked (torch's is_causal), else 0 */
  int32_t mask_kind[2];      /* wt_mask_kind of mask0 and mask1; at most one WT_MASK_ADD */
  int32_t mask_strides[2][3];/* (n, h, row) strides of each mask over its [L, S] rows */
} wt_attention_params;

/* Scaled dot-product attention, per batch n and head h:
 *   scores [L, S] = q[n, h] [L, E] @ k[n, h]^T                       (GEMM kernel)
 *   P      [L, S] = softmax(scores*scale + masks) * dropout           (fused SIMD row kernel)
 *   out[n, h] [L, Ev] = P @ v[n, h] [S, Ev]                           (GEMM kernel)
 * Masks combine: a WT_MASK_ADD mask is added, a bool mask sets -inf; `causal` masks the
 * upper triangle. A row with every column masked gives NaN, as in PyTorch.
 *   out      written through out_strides; must not overlap the inputs
 *   weights  [N, H, L, S] contiguous or NULL: receives P (after dropout) — PyTorch's
 *            attn_output_weights
 *   mask0/1  float32 (WT_MASK_ADD) or bool bytes, NULL when their kind is WT_MASK_NONE
 *   dropout  [N, H, L, S] contiguous multipliers (0 or 1/(1-p)) or NULL
 *   scale    usually 1/sqrt(E)
 * Scratch: one [L, S] score block per call unless weights is given (rows are processed in
 * chunks when L*S is large); the GEMM packs k and v per head.
 * Errors: WT_EINVAL for NULL p/out/q/k/v, sizes <= 0, negative strides, row strides too
 * small, unknown mask kinds, a mask pointer not matching its kind, two WT_MASK_ADD masks,
 * causal not 0/1, overflowing extents; WT_ENOMEM. */
wt_status wt_attention_forward_f32(const wt_attention_params *p, float *out, float *weights,
                                   const float *q, const float *k, const float *v,
                                   const void *mask0, const void *mask1, const float *dropout,
                                   float scale);

#ifdef __cplusplus
}
#endif

#endif /* WEBTORCH_H */
