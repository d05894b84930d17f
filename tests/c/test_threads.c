/* The thread pool: wt_set_num_threads / wt_get_num_threads, wt_parallel_for's contract
 * (every task once, nesting runs serially), and that the parallel ops give bit-identical
 * results on 1 and several threads (work is split over outputs, never over a sum). */
#include <stdatomic.h>

#include "internal.h"
#include "test_util.h"

static void test_num_threads(void) {
  CHECK_ERR(wt_set_num_threads(0), WT_EINVAL);
  CHECK_ERR(wt_set_num_threads(-3), WT_EINVAL);
  const int mt = wt_threads_enabled();
  CHECK_OK(wt_set_num_threads(3));
  CHECK(wt_get_num_threads() == (mt ? 3 : 1));
  CHECK_OK(wt_set_num_threads(1000));
  CHECK(wt_get_num_threads() == (mt ? WT_MAX_THREADS : 1));
  CHECK_OK(wt_set_num_threads(1));
  CHECK(wt_get_num_threads() == 1);
}

typedef struct {
  atomic_int runs[1000];
  atomic_int nested_width_ok;
  atomic_int max_thread;
} count_job;

static void inner_task(void *ctx, size_t t, int thread) {
  (void)t;
  count_job *j = ctx;
  if (thread != 0) atomic_store(&j->nested_width_ok, 0); /* a nested loop runs on its caller only */
}

static void count_task(void *ctx, size_t t, int thread) {
  count_job *j = ctx;
  atomic_fetch_add(&j->runs[t], 1);
  int m = atomic_load(&j->max_thread);
  while (thread > m && !atomic_compare_exchange_weak(&j->max_thread, &m, thread)) {
  }
  if (wt_parallel_width(1e12) != 1) atomic_store(&j->nested_width_ok, 0);
  wt_parallel_for(3, 4, inner_task, ctx);
}

static void test_parallel_for(void) {
  CHECK_OK(wt_set_num_threads(4));
  CHECK(wt_parallel_width(1.0) == 1); /* small work stays on the caller */
  CHECK(wt_parallel_width(1e9) == (wt_threads_enabled() ? 4 : 1));
  static count_job job;
  for (int rep = 0; rep < 200; rep++) {
    for (int i = 0; i < 1000; i++) atomic_store(&job.runs[i], 0);
    atomic_store(&job.nested_width_ok, 1);
    atomic_store(&job.max_thread, 0);
    const int width = 1 + rep % 4;
    wt_parallel_for(1000, width, count_task, &job);
    int once = 1;
    for (int i = 0; i < 1000; i++) once &= atomic_load(&job.runs[i]) == 1;
    CHECK(once);
    CHECK(atomic_load(&job.nested_width_ok) == 1);
    CHECK(atomic_load(&job.max_thread) < width);
  }
  CHECK_OK(wt_set_num_threads(1));
}

/* Runs `op` on 1 thread then on `threads`, comparing the n floats of out bit for bit. */
#define SAME_ON_THREADS(what, out, n, op)                                                    \
  do {                                                                                       \
    CHECK_OK(wt_set_num_threads(1));                                                         \
    memset(out, 0, (n) * sizeof(float));                                                     \
    CHECK_OK(op);                                                                            \
    float *ref_ = malloc((n) * sizeof(float));                                               \
    memcpy(ref_, out, (n) * sizeof(float));                                                  \
    for (int t_ = 2; t_ <= 5; t_ += 3) {                                                     \
      CHECK_OK(wt_set_num_threads(t_));                                                      \
      memset(out, 0, (n) * sizeof(float));                                                   \
      CHECK_OK(op);                                                                          \
      if (memcmp(ref_, out, (n) * sizeof(float)) != 0) {                                     \
        fprintf(stderr, "%s:%d: %s differs on %d threads\n", __FILE__, __LINE__, what, t_); \
        wt_test_failures++;                                                                  \
      }                                                                                      \
    }                                                                                        \
    free(ref_);                                                                              \
    CHECK_OK(wt_set_num_threads(1));                                                         \
  } while (0)

static void test_gemm(void) {
  const int shapes[][3] = {{64, 1024, 256}, {8, 1024, 256}, {3, 40, 7}, {130, 70, 33}, {1, 2000, 64}, {200, 9, 300}};
  for (size_t s = 0; s < sizeof shapes / sizeof shapes[0]; s++) {
    const int M = shapes[s][0], N = shapes[s][1], K = shapes[s][2];
    float *A = rand_buf((size_t)M * K, -1, 1), *B = rand_buf((size_t)K * N, -1, 1), *bias = rand_buf((size_t)N, -1, 1);
    float *C = malloc((size_t)M * N * sizeof(float));
    SAME_ON_THREADS("wt_gemm_f32", C, (size_t)M * N, wt_gemm_f32(M, N, K, A, K, B, N, 0, C, N, bias, 0));
    int32_t floats = 0;
    CHECK_OK(wt_gemm_packed_size_f32(N, K, &floats));
    float *packed = malloc((size_t)floats * sizeof(float));
    CHECK_OK(wt_gemm_pack_b_f32(packed, floats, B, bias, N, K, 1));
    SAME_ON_THREADS("wt_gemm_packed_f32", C, (size_t)M * N, wt_gemm_packed_f32(M, N, K, A, K, packed, C, N, 0));
    free(packed);
    free(A), free(B), free(bias), free(C);
  }
}

static void test_conv(void) {
  const int cases[][6] = {/* groups, stride, padding, dilation, in_channels, out_channels */
                          {1, 1, 1, 1, 16, 24}, {2, 1, 1, 1, 16, 24}, {1, 2, 0, 1, 8, 12}, {1, 1, 2, 2, 8, 8},
                          {16, 1, 1, 1, 16, 16} /* depthwise 3x3 */};
  for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
    const int st = cases[c][1], pad = cases[c][2], dil = cases[c][3];
    wt_conv_params p = {2, 2, cases[c][4], cases[c][5], cases[c][0], {31, 29, 1}, {0, 0, 1}, {3, 3, 1},
                        {st, st, 1}, {pad, pad, 0}, {dil, dil, 1}};
    for (int i = 0; i < 2; i++) p.out_size[i] = (p.in_size[i] + 2 * pad - dil * 2 - 1) / st + 1;
    const size_t nx = (size_t)p.batch * p.in_channels * 31 * 29;
    const size_t nw = (size_t)p.out_channels * (p.in_channels / p.groups) * 9;
    const size_t no = (size_t)p.batch * p.out_channels * p.out_size[0] * p.out_size[1];
    float *x = rand_buf(nx, -1, 1), *w = rand_buf(nw, -1, 1), *b = rand_buf((size_t)p.out_channels, -1, 1);
    float *out = malloc(no * sizeof(float));
    SAME_ON_THREADS("wt_conv_forward_f32", out, no, wt_conv_forward_f32(&p, out, x, w, b));
    SAME_ON_THREADS("wt_conv_forward_f32 (no bias)", out, no, wt_conv_forward_f32(&p, out, x, w, NULL));
    free(x), free(w), free(b), free(out);
  }
}

static void test_attention(void) {
  const int N = 2, H = 3, L = 37, S = 29, E = 16;
  wt_attention_params p = {N, H, L, S, E, E, {H * L * E, L * E, E}, {H * S * E, S * E, E}, {H * S * E, S * E, E},
                           {H * L * E, L * E, E}, 1, {WT_MASK_ADD, WT_MASK_NONE}, {{0, 0, S}, {0, 0, 0}}};
  float *q = rand_buf((size_t)N * H * L * E, -1, 1), *k = rand_buf((size_t)N * H * S * E, -1, 1);
  float *v = rand_buf((size_t)N * H * S * E, -1, 1), *mask = rand_buf((size_t)L * S, -1, 1);
  float *out = malloc((size_t)N * H * L * E * sizeof(float));
  float *weights = malloc((size_t)N * H * L * S * sizeof(float));
  SAME_ON_THREADS("wt_attention_forward_f32", out, (size_t)N * H * L * E,
                  wt_attention_forward_f32(&p, out, NULL, q, k, v, mask, NULL, NULL, 0.25f));
  SAME_ON_THREADS("wt_attention_forward_f32 weights", weights, (size_t)N * H * L * S,
                  wt_attention_forward_f32(&p, out, weights, q, k, v, mask, NULL, NULL, 0.25f));
  free(q), free(k), free(v), free(mask), free(out), free(weights);
}

int main(void) {
  test_num_threads();
  test_parallel_for();
  test_gemm();
  test_conv();
  test_attention();
  return test_exit("test_threads");
}
