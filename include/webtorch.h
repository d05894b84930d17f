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
  WT_SQRT = 7     /* sqrt; sqrt(x < 0) = NaN, sqrt(-0) = -0 */
} wt_unary_op;

/* out[i] = f(x[i]) for i in [0, n). out may equal x (in place), other overlap is not
 * allowed. n >= 0 (0 = no-op). p0/p1 are reserved for parameterised activations:
 * pass 0. The SIMD exp/log/tanh/sigmoid are accurate to a few ulp over the whole float
 * range and treat -0, +-inf and NaN like libm/PyTorch.
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
 * Uses im2col + the GEMM kernel (1x1, stride 1, unpadded convs use x directly).
 * Errors: WT_EINVAL for NULL p/out/x/weight, bad ndim/sizes/groups, padding rule
 * violated, overflow; WT_ENOMEM. */
wt_status wt_conv_forward_f32(const wt_conv_params *p, float *out, const float *x,
                              const float *weight, const float *bias);

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

/* ====================================== padding ==================================== */

typedef enum wt_pad_mode {
  WT_PAD_CONSTANT = 0,  /* fill with value */
  WT_PAD_REFLECT = 1,   /* mirror without repeating the edge: needs pad < size */
  WT_PAD_REPLICATE = 2, /* repeat the edge element */
  WT_PAD_CIRCULAR = 3   /* wrap around: needs pad <= size */
} wt_pad_mode;

/* N-d padding like torch.nn.functional.pad.
 *   x          [in_shape...] contiguous, ndim 1..8
 *   pad_before [ndim], pad_after [ndim]: per dim (0 = untouched), negative = crop
 *   out        [in_shape[k] + pad_before[k] + pad_after[k] ...] contiguous
 *   value      fill for WT_PAD_CONSTANT (ignored otherwise)
 * Validates like PyTorch: every result size > 0; reflect needs pad_before and pad_after
 * < in_shape[k]; circular needs them <= in_shape[k]; replicate needs in_shape[k] >= 1.
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

#ifdef __cplusplus
}
#endif

#endif /* WEBTORCH_H */
