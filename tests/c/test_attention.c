/* attention: the fused masked-softmax row kernel (SIMD vs scalar, NaN rows, causal limit,
 * dropout factors), wt_attention_forward_f32 against a naive double-precision reference
 * over strided layouts (MultiheadAttention's [L, N, E] and contiguous [N, H, L, E]), every
 * mask kind and combination, broadcast masks, causal, dropout, weights given or not, the
 * row-chunked path, and error statuses. */
#include "kernels/kernels.h"
#include "test_util.h"

/* naive reference of one row: the kernel's contract in double precision */
static void ref_row(size_t n, size_t limit, float scale, const float *bias, const uint8_t *block,
                    const float *drop, const float *x, float *y) {
  double t[64], m = -INFINITY, s = 0;
  for (size_t j = 0; j < limit; j++) {
    t[j] = (double)x[j] * scale + (bias ? bias[j] : 0.0);
    if (block && block[j]) t[j] = -INFINITY;
    m = fmax(m, t[j]);
  }
  for (size_t j = 0; j < limit; j++) s += exp(t[j] - m);
  for (size_t j = 0; j < n; j++) y[j] = j < limit ? (float)(exp(t[j] - m) / s * (drop ? drop[j] : 1.0)) : 0.0f;
}

static void test_kernel(void) {
  for (size_t n = 1; n <= 37; n++)
    for (int variant = 0; variant < 16; variant++) {
      const size_t limit = variant & 8 ? (size_t)rng_int(1, (int)n) : n;
      float *x = rand_buf(n, -8, 8), *bias = rand_buf(n, -3, 3), *drop = rand_buf(n, 0, 2);
      uint8_t block[64];
      for (size_t j = 0; j < n; j++) block[j] = rng_int(0, 3) == 0;
      block[rng_int(0, (int)limit - 1)] = 0; /* at least one live column */
      const float *b = variant & 1 ? bias : NULL, *d = variant & 4 ? drop : NULL;
      const uint8_t *k = variant & 2 ? block : NULL;
      float a[64], s[64], r[64];
      memcpy(a, x, n * 4), memcpy(s, x, n * 4);
      wt_f32_attn_softmax_ukernel__wasmsimd(n, limit, 0.37f, b, k, d, a);
      wt_f32_attn_softmax_ukernel__scalar(n, limit, 0.37f, b, k, d, s);
      ref_row(n, limit, 0.37f, b, k, d, x, r);
      expect_close("attn softmax simd vs scalar", a, s, n, 2e-6f, 1e-7f);
      expect_close("attn softmax scalar vs reference", s, r, n, 2e-6f, 1e-7f);
      for (size_t j = limit; j < n; j++) CHECK(a[j] == 0.0f && s[j] == 0.0f);
      free(x), free(bias), free(drop);
    }
  /* a fully masked row, a NaN score and a +inf mask value each give a NaN row */
  for (int which = 0; which < 3; which++)
    for (size_t n = 1; n <= 9; n++) {
      float a[9], s[9], bias[9];
      uint8_t block[9];
      for (size_t j = 0; j < n; j++) a[j] = s[j] = (float)j, bias[j] = 0.0f, block[j] = which == 0;
      if (which == 1) a[n - 1] = s[n - 1] = NAN;
      if (which == 2) bias[n / 2] = INFINITY;
      wt_f32_attn_softmax_ukernel__wasmsimd(n, n, 1.0f, bias, block, NULL, a);
      wt_f32_attn_softmax_ukernel__scalar(n, n, 1.0f, bias, block, NULL, s);
      for (size_t j = 0; j < n; j++) CHECK(isnan(a[j]) && isnan(s[j]));
    }
  /* -inf from a float mask is an ordinary masked column */
  float x[5] = {1, 2, 3, 4, 5}, bias[5] = {0, -INFINITY, 0, -INFINITY, 0};
  wt_f32_attn_softmax_ukernel__wasmsimd(5, 5, 1.0f, bias, NULL, NULL, x);
  CHECK(x[1] == 0.0f && x[3] == 0.0f && fabsf(x[0] + x[2] + x[4] - 1.0f) < 1e-6f);
}

typedef struct {
  int N, H, L, S, E, Ev;
} dims;

/* reference attention over views with the op's stride conventions */
static void ref_attention(const wt_attention_params *p, float scale, const float *q, const float *k,
                          const float *v, const void *m0, const void *m1, const float *drop, float *out,
                          float *weights) {
  const int N = p->batch, H = p->heads, L = p->q_len, S = p->kv_len, E = p->head_dim, Ev = p->v_head_dim;
  const void *masks[2] = {m0, m1};
  double t[64];
  for (int n = 0; n < N; n++)
    for (int h = 0; h < H; h++)
      for (int l = 0; l < L; l++) {
        const float *qr = q + n * p->q_strides[0] + h * p->q_strides[1] + l * p->q_strides[2];
        double m = -INFINITY, s = 0;
        for (int j = 0; j < S; j++) {
          const float *kr = k + n * p->k_strides[0] + h * p->k_strides[1] + j * p->k_strides[2];
          double dot = 0;
          for (int e = 0; e < E; e++) dot += (double)qr[e] * kr[e];
          t[j] = dot * scale;
          for (int i = 0; i < 2; i++) {
            const int kind = p->mask_kind[i];
            if (kind == WT_MASK_NONE) continue;
            const long off = n * p->mask_strides[i][0] + h * p->mask_strides[i][1] + l * p->mask_strides[i][2] + j;
            if (kind == WT_MASK_ADD) t[j] += ((const float *)masks[i])[off];
            else if ((((const uint8_t *)masks[i])[off] != 0) == (kind == WT_MASK_BLOCK)) t[j] = -INFINITY;
          }
          if (p->causal && j > l) t[j] = -INFINITY;
          m = fmax(m, t[j]);
        }
        for (int j = 0; j < S; j++) s += exp(t[j] - m);
        const long row = ((long)(n * H + h) * L + l) * S;
        for (int j = 0; j < S; j++) t[j] = exp(t[j] - m) / s * (drop ? drop[row + j] : 1.0);
        if (weights)
          for (int j = 0; j < S; j++) weights[row + j] = (float)t[j];
        float *orow = out + n * p->out_strides[0] + h * p->out_strides[1] + l * p->out_strides[2];
        for (int e = 0; e < Ev; e++) {
          double acc = 0;
          for (int j = 0; j < S; j++) acc += t[j] * v[n * p->v_strides[0] + h * p->v_strides[1] + j * p->v_strides[2] + e];
          orow[e] = (float)acc;
        }
      }
}

static void set3(int32_t *st, int a, int b, int c) { st[0] = a, st[1] = b, st[2] = c; }

static void test_op(void) {
  for (int it = 0; it < 300; it++) {
    const dims d = {rng_int(1, 3), rng_int(1, 3), rng_int(1, 7), rng_int(1, 9), rng_int(1, 9), rng_int(1, 6)};
    wt_attention_params p = {0};
    p.batch = d.N, p.heads = d.H, p.q_len = d.L, p.kv_len = d.S, p.head_dim = d.E, p.v_head_dim = d.Ev;
    const int layout = it % 2; /* 0: MultiheadAttention's [L, N, H*E]; 1: contiguous [N, H, L, E] */
    if (layout == 0) {
      set3(p.q_strides, d.H * d.E, d.E, d.N * d.H * d.E);
      set3(p.k_strides, d.H * d.E, d.E, d.N * d.H * d.E);
      set3(p.v_strides, d.H * d.Ev, d.Ev, d.N * d.H * d.Ev);
      set3(p.out_strides, d.H * d.Ev, d.Ev, d.N * d.H * d.Ev);
    } else {
      set3(p.q_strides, d.H * d.L * d.E, d.L * d.E, d.E);
      set3(p.k_strides, d.H * d.S * d.E, d.S * d.E, d.E);
      set3(p.v_strides, d.H * d.S * d.Ev, d.S * d.Ev, d.Ev);
      set3(p.out_strides, d.H * d.L * d.Ev, d.L * d.Ev, d.Ev);
    }
    const size_t nq = (size_t)d.N * d.H * d.L * d.E, nk = (size_t)d.N * d.H * d.S * d.E;
    const size_t nv = (size_t)d.N * d.H * d.S * d.Ev, no = (size_t)d.N * d.H * d.L * d.Ev;
    const size_t nw = (size_t)d.N * d.H * d.L * d.S;
    float *q = rand_buf(nq, -1, 1), *k = rand_buf(nk, -1, 1), *v = rand_buf(nv, -1, 1);
    float *fmask = rand_buf(nw, -2, 2), *drop = rand_buf(nw, 0, 1);
    uint8_t *bmask[2] = {malloc(nw), malloc(nw)};
    for (int i = 0; i < 2; i++)
      for (size_t j = 0; j < nw; j++) bmask[i][j] = rng_int(0, 4) == 0;
    /* keep masks mostly keep, so rows rarely end up fully masked */
    for (size_t j = 0; j < nw; j++) bmask[1][j] = !bmask[1][j];
    for (int i = 0; i < 2; i++) {
      p.mask_kind[i] = rng_int(0, 3);
      if (i == 1 && p.mask_kind[0] == WT_MASK_ADD && p.mask_kind[1] == WT_MASK_ADD) p.mask_kind[1] = WT_MASK_BLOCK;
      /* full [N, H, L, S], a 2-D [L, S] broadcast, or a key-padding [N, S] broadcast */
      const int shape = rng_int(0, 2);
      if (shape == 0) set3(p.mask_strides[i], d.H * d.L * d.S, d.L * d.S, d.S);
      if (shape == 1) set3(p.mask_strides[i], 0, 0, d.S);
      if (shape == 2) set3(p.mask_strides[i], d.S, 0, 0);
    }
    const void *m[2];
    for (int i = 0; i < 2; i++) {
      const int kind = p.mask_kind[i];
      m[i] = kind == WT_MASK_NONE ? NULL : kind == WT_MASK_ADD ? (const void *)fmask
                                          : (const void *)bmask[kind == WT_MASK_KEEP];
    }
    p.causal = rng_int(0, 3) == 0;
    const float *dr = rng_int(0, 2) == 0 ? drop : NULL;
    const float scale = 1.0f / sqrtf((float)d.E);
    float *out = calloc(no, 4), *ref = calloc(no, 4), *w = calloc(nw, 4), *wref = calloc(nw, 4);
    const int with_weights = it % 3 != 0;
    CHECK_OK(wt_attention_forward_f32(&p, out, with_weights ? w : NULL, q, k, v, m[0], m[1], dr, scale));
    ref_attention(&p, scale, q, k, v, m[0], m[1], dr, ref, wref);
    expect_close("wt_attention_forward_f32 out", out, ref, no, 1e-5f, 1e-6f);
    if (with_weights) expect_close("wt_attention_forward_f32 weights", w, wref, nw, 1e-5f, 1e-6f);
    free(q), free(k), free(v), free(fmask), free(drop), free(bmask[0]), free(bmask[1]);
    free(out), free(ref), free(w), free(wref);
  }
}

/* L*S beyond the scratch chunk: query rows are processed in chunks */
static void test_chunked(void) {
  const int L = 3, S = (1 << 21) + 3;
  wt_attention_params p = {0};
  p.batch = p.heads = 1, p.q_len = L, p.kv_len = S, p.head_dim = p.v_head_dim = 1;
  set3(p.q_strides, 0, 0, 1), set3(p.k_strides, 0, 0, 1), set3(p.v_strides, 0, 0, 1), set3(p.out_strides, 0, 0, 1);
  p.causal = 1;
  float q[3] = {0.5f, -1.0f, 2.0f}, out[3], ref[3];
  float *k = rand_buf((size_t)S, -1, 1), *v = rand_buf((size_t)S, -1, 1);
  CHECK_OK(wt_attention_forward_f32(&p, out, NULL, q, k, v, NULL, NULL, NULL, 1.0f));
  /* causal: row l sees columns 0..l only */
  for (int l = 0; l < L; l++) {
    double t[3], m = -INFINITY, s = 0, acc = 0;
    for (int j = 0; j <= l; j++) t[j] = (double)q[l] * k[j], m = fmax(m, t[j]);
    for (int j = 0; j <= l; j++) s += exp(t[j] - m);
    for (int j = 0; j <= l; j++) acc += exp(t[j] - m) / s * v[j];
    ref[l] = (float)acc;
  }
  expect_close("chunked causal attention", out, ref, 3, 1e-5f, 1e-6f);
  free(k), free(v);
}

static void test_errors(void) {
  wt_attention_params p = {0};
  p.batch = p.heads = 1, p.q_len = 2, p.kv_len = 3, p.head_dim = 2, p.v_head_dim = 2;
  set3(p.q_strides, 4, 4, 2), set3(p.k_strides, 6, 6, 2), set3(p.v_strides, 6, 6, 2), set3(p.out_strides, 4, 4, 2);
  float q[4] = {0}, k[6] = {0}, v[6] = {0}, out[4], fm[6] = {0};
  uint8_t bm[6] = {0};
  CHECK_OK(wt_attention_forward_f32(&p, out, NULL, q, k, v, NULL, NULL, NULL, 1.0f));
  CHECK(fabsf(out[0]) < 1e-7f);
  CHECK_ERR(wt_attention_forward_f32(NULL, out, NULL, q, k, v, NULL, NULL, NULL, 1.0f), WT_EINVAL);
  CHECK_ERR(wt_attention_forward_f32(&p, NULL, NULL, q, k, v, NULL, NULL, NULL, 1.0f), WT_EINVAL);
  CHECK_ERR(wt_attention_forward_f32(&p, out, NULL, NULL, k, v, NULL, NULL, NULL, 1.0f), WT_EINVAL);
  CHECK_ERR(wt_attention_forward_f32(&p, out, NULL, q, NULL, v, NULL, NULL, NULL, 1.0f), WT_EINVAL);
  CHECK_ERR(wt_attention_forward_f32(&p, out, NULL, q, k, NULL, NULL, NULL, NULL, 1.0f), WT_EINVAL);
  wt_attention_params b = p;
  b.kv_len = 0;
  CHECK_ERR(wt_attention_forward_f32(&b, out, NULL, q, k, v, NULL, NULL, NULL, 1.0f), WT_EINVAL);
  b = p, b.heads = -1;
  CHECK_ERR(wt_attention_forward_f32(&b, out, NULL, q, k, v, NULL, NULL, NULL, 1.0f), WT_EINVAL);
  b = p, b.k_strides[2] = 1; /* row stride < head_dim */
  CHECK_ERR(wt_attention_forward_f32(&b, out, NULL, q, k, v, NULL, NULL, NULL, 1.0f), WT_EINVAL);
  b = p, b.v_strides[0] = -6;
  CHECK_ERR(wt_attention_forward_f32(&b, out, NULL, q, k, v, NULL, NULL, NULL, 1.0f), WT_EINVAL);
  b = p, b.causal = 2;
  CHECK_ERR(wt_attention_forward_f32(&b, out, NULL, q, k, v, NULL, NULL, NULL, 1.0f), WT_EINVAL);
  b = p, b.mask_kind[0] = 4;
  CHECK_ERR(wt_attention_forward_f32(&b, out, NULL, q, k, v, fm, NULL, NULL, 1.0f), WT_EINVAL);
  b = p, b.mask_kind[0] = WT_MASK_ADD; /* kind without pointer, pointer without kind */
  CHECK_ERR(wt_attention_forward_f32(&b, out, NULL, q, k, v, NULL, NULL, NULL, 1.0f), WT_EINVAL);
  CHECK_ERR(wt_attention_forward_f32(&p, out, NULL, q, k, v, NULL, bm, NULL, 1.0f), WT_EINVAL);
  b = p, b.mask_kind[0] = b.mask_kind[1] = WT_MASK_ADD;
  CHECK_ERR(wt_attention_forward_f32(&b, out, NULL, q, k, v, fm, fm, NULL, 1.0f), WT_EINVAL);
  b = p, b.mask_kind[1] = WT_MASK_KEEP, b.mask_strides[1][2] = -1;
  CHECK_ERR(wt_attention_forward_f32(&b, out, NULL, q, k, v, NULL, bm, NULL, 1.0f), WT_EINVAL);
  b = p, b.batch = 3, b.q_strides[0] = 1 << 30; /* the extent of q overflows a 32-bit heap... */
  if (sizeof(size_t) == 4) CHECK_ERR(wt_attention_forward_f32(&b, out, NULL, q, k, v, NULL, NULL, NULL, 1.0f), WT_EINVAL);
  /* ...and N*H*L*S overflows any */
  b = p, b.batch = 1 << 30, b.heads = 1 << 30, b.q_len = 1 << 30, b.kv_len = 1 << 30;
  memset(b.q_strides, 0, sizeof b.q_strides), b.q_strides[2] = 2;
  memset(b.k_strides, 0, sizeof b.k_strides), b.k_strides[2] = 2;
  memset(b.v_strides, 0, sizeof b.v_strides), b.v_strides[2] = 2;
  memset(b.out_strides, 0, sizeof b.out_strides), b.out_strides[2] = 2;
  CHECK_ERR(wt_attention_forward_f32(&b, out, NULL, q, k, v, NULL, NULL, NULL, 1.0f), WT_EINVAL);
}

int main(void) {
  test_kernel();
  test_op();
  test_chunked();
  test_errors();
  return test_exit("test_attention");
}
