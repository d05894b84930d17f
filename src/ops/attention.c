/* Scaled dot-product attention (the core of F.multi_head_attention_forward and
 * F.scaled_dot_product_attention), per batch n and head h:
 *   q [L, E], k [S, E], v [S, Ev]  ->  out [L, Ev]        (strided views, see webtorch.h)
 *   scores [rows, S] = q @ k^T            GEMM kernel (k packed transposed)
 *   P = softmax(scores*scale + masks)     fused row kernel: scale, masks, max, exp, sum,
 *       * dropout                         1/sum and the dropout factors, in place
 *   out [rows, Ev] = P @ v                GEMM kernel, written through out's strides
 * (batch, head) pairs are the tasks of a parallel loop, each thread with its own scratch:
 * the packed k or v of the GEMMs, P (unless the caller's `weights` holds it), at most
 * WT_SCRATCH_CHUNK_FLOATS (query rows are processed in chunks), and, when two bool masks or
 * a "keep" mask must be combined, one byte row (S bytes). */
#include <string.h>

#include "internal.h"
#include "kernels/kernels.h"

/* One past the highest element offset of a strided [N, H, rows, cols] view, or -1 when
 * it overflows int64. Strides are >= 0 (checked by the caller). */
static int64_t wt_view_extent(const int32_t *st, int64_t N, int64_t H, int64_t rows, int64_t cols) {
  const int64_t sizes[3] = {N, H, rows};
  int64_t e = cols, t;
  for (int i = 0; i < 3; i++) {
    if (!wt_mul_i64(sizes[i] - 1, st[i], &t) || t > INT64_MAX - e) return -1;
    e += t;
  }
  return e;
}

static int64_t wt_view_offset(const int32_t *st, int64_t n, int64_t h, int64_t row) {
  return n * st[0] + h * st[1] + row * st[2];
}

typedef struct {
  const wt_attention_params *p;
  float *out, *weights;
  const float *q, *k, *v;
  const void *masks[2];
  const float *dropout;
  float scale;
  unsigned char *scratch; /* per thread `bytes`: packed B (pk_bytes), P (p_bytes), the combined mask row */
  int64_t bytes, pk_bytes, p_bytes, chunk;
  int combine;
} wt_attention_job;

/* Task (n * heads + h): attention of batch n, head h, query rows in chunks. */
static void wt_attention_task(void *ctx, size_t task, int thread) {
  wt_attention_job *j = ctx;
  const wt_attention_params *p = j->p;
  const int64_t H = p->heads, L = p->q_len, S = p->kv_len, E = p->head_dim, Ev = p->v_head_dim;
  const int64_t n = (int64_t)task / H, h = (int64_t)task % H;
  unsigned char *scratch = j->scratch + thread * j->bytes;
  float *packed = (float *)scratch;
  uint8_t *combined = j->combine ? scratch + j->pk_bytes + j->p_bytes : NULL;
  const float *qh = j->q + wt_view_offset(p->q_strides, n, h, 0);
  const float *kh = j->k + wt_view_offset(p->k_strides, n, h, 0);
  const float *vh = j->v + wt_view_offset(p->v_strides, n, h, 0);
  float *oh = j->out + wt_view_offset(p->out_strides, n, h, 0);
  const int64_t plane = (n * H + h) * L; /* first row of this head in weights/dropout */
  for (int64_t l0 = 0; l0 < L; l0 += j->chunk) {
    const int64_t rows = L - l0 < j->chunk ? L - l0 : j->chunk;
    float *P = j->weights != NULL ? j->weights + (plane + l0) * S : (float *)(scratch + j->pk_bytes);
    wt_gemm_compute((size_t)rows, (size_t)S, (size_t)E, qh + l0 * p->q_strides[2], (size_t)p->q_strides[2], kh,
                    (size_t)p->k_strides[2], 1, P, (size_t)S, NULL, 0, packed);
    for (int64_t r = 0; r < rows; r++) {
      const int64_t l = l0 + r;
      const float *bias = NULL;
      const uint8_t *block = NULL;
      if (j->combine) memset(combined, 0, (size_t)S);
      for (int i = 0; i < 2; i++) {
        const int32_t kind = p->mask_kind[i];
        if (kind == WT_MASK_NONE) continue;
        const int64_t off = wt_view_offset(p->mask_strides[i], n, h, l);
        if (kind == WT_MASK_ADD) {
          bias = (const float *)j->masks[i] + off;
        } else if (!j->combine) {
          block = (const uint8_t *)j->masks[i] + off;
        } else {
          const uint8_t *m = (const uint8_t *)j->masks[i] + off;
          const uint8_t masked_when = kind == WT_MASK_BLOCK;
          for (int64_t q = 0; q < S; q++) combined[q] |= (m[q] != 0) == masked_when;
        }
      }
      if (j->combine) block = combined;
      const int64_t limit = p->causal && l + 1 < S ? l + 1 : S;
      const float *drop = j->dropout != NULL ? j->dropout + (plane + l) * S : NULL;
      WT_UKERNEL(wt_f32_attn_softmax_ukernel)((size_t)S, (size_t)limit, j->scale, bias, block, drop, P + r * S);
    }
    wt_gemm_compute((size_t)rows, (size_t)Ev, (size_t)S, P, (size_t)S, vh, (size_t)p->v_strides[2], 0,
                    oh + l0 * p->out_strides[2], (size_t)p->out_strides[2], NULL, 0, packed);
  }
}

wt_status wt_attention_forward_f32(const wt_attention_params *p, float *out, float *weights,
                                   const float *q, const float *k, const float *v,
                                   const void *mask0, const void *mask1, const float *dropout,
                                   float scale) {
  static const char *fn = "wt_attention_forward_f32";
  WT_CHECK_PTR(p, fn, "p");
  WT_CHECK_PTR(out, fn, "out");
  WT_CHECK_PTR(q, fn, "q");
  WT_CHECK_PTR(k, fn, "k");
  WT_CHECK_PTR(v, fn, "v");
  WT_CHECK_POS(p->batch, fn, "batch");
  WT_CHECK_POS(p->heads, fn, "heads");
  WT_CHECK_POS(p->q_len, fn, "q_len");
  WT_CHECK_POS(p->kv_len, fn, "kv_len");
  WT_CHECK_POS(p->head_dim, fn, "head_dim");
  WT_CHECK_POS(p->v_head_dim, fn, "v_head_dim");
  const int64_t N = p->batch, H = p->heads, L = p->q_len, S = p->kv_len, E = p->head_dim,
                Ev = p->v_head_dim;
  const void *masks[2] = {mask0, mask1};
  struct {
    const char *name;
    const int32_t *st;
    int64_t rows, cols, elem;
  } views[6] = {{"q", p->q_strides, L, E, 4},           {"k", p->k_strides, S, E, 4},
                {"v", p->v_strides, S, Ev, 4},          {"out", p->out_strides, L, Ev, 4},
                {"mask0", p->mask_strides[0], L, S, 0}, {"mask1", p->mask_strides[1], L, S, 0}};
  if (p->causal != 0 && p->causal != 1) return wt_error(WT_EINVAL, "%s: causal must be 0 or 1, got %d", fn, p->causal);
  int n_add = 0, n_bool = 0, n_keep = 0;
  for (int i = 0; i < 2; i++) {
    const int32_t kind = p->mask_kind[i];
    if (kind < WT_MASK_NONE || kind > WT_MASK_KEEP)
      return wt_error(WT_EINVAL, "%s: mask_kind[%d] must be a wt_mask_kind (0..3), got %d", fn, i, kind);
    if ((kind == WT_MASK_NONE) != (masks[i] == NULL))
      return wt_error(WT_EINVAL, "%s: mask%d must be %s for mask_kind %d", fn, i,
                      kind == WT_MASK_NONE ? "NULL" : "non-NULL", kind);
    views[4 + i].elem = kind == WT_MASK_NONE ? 0 : kind == WT_MASK_ADD ? 4 : 1;
    n_add += kind == WT_MASK_ADD;
    n_bool += kind == WT_MASK_BLOCK || kind == WT_MASK_KEEP;
    n_keep += kind == WT_MASK_KEEP;
  }
  if (n_add > 1) return wt_error(WT_EINVAL, "%s: at most one mask may be WT_MASK_ADD, got 2", fn);
  for (int i = 0; i < 6; i++) {
    if (views[i].elem == 0) continue;
    for (int d = 0; d < 3; d++)
      if (views[i].st[d] < 0)
        return wt_error(WT_EINVAL, "%s: %s strides[%d] must be >= 0, got %d", fn, views[i].name, d, views[i].st[d]);
    if (i < 4 && views[i].st[2] < views[i].cols)
      return wt_error(WT_EINVAL, "%s: %s row stride (%d) must be >= its row length (%lld)", fn, views[i].name,
                      views[i].st[2], (long long)views[i].cols);
    const int64_t ext = wt_view_extent(views[i].st, N, H, views[i].rows, views[i].cols);
    if (ext < 0 || (uint64_t)ext > SIZE_MAX / (uint64_t)views[i].elem)
      return wt_error(WT_EINVAL, "%s: the extent of %s overflows", fn, views[i].name);
  }
  int64_t total;
  if (!wt_mul_i64(N * H, L, &total) || !wt_mul_i64(total, S, &total) || total > (int64_t)(SIZE_MAX / sizeof(float)))
    return wt_error(WT_EINVAL, "%s: batch*heads*q_len*kv_len overflows", fn);

  /* P goes straight into weights when given; otherwise into row chunks of scratch */
  int64_t chunk = L;
  if (weights == NULL && chunk * S > WT_SCRATCH_CHUNK_FLOATS) {
    chunk = WT_SCRATCH_CHUNK_FLOATS / S;
    if (chunk < 1) chunk = 1;
  }
  const int combine = n_bool > 1 || n_keep > 0;
  const int64_t pk_qk = wt_gemm_packed_floats_of(wt_gemm_chunk_cols(S, E), E);
  const int64_t pk_pv = wt_gemm_packed_floats_of(wt_gemm_chunk_cols(Ev, S), S);
  const int64_t pk_bytes = (pk_qk > pk_pv ? pk_qk : pk_pv) * (int64_t)sizeof(float);
  const int64_t p_bytes = weights == NULL ? chunk * S * (int64_t)sizeof(float) : 0;
  const int64_t bytes = (pk_bytes + p_bytes + (combine ? S : 0) + 15) / 16 * 16; /* threads' blocks 16-aligned */
  const int width = wt_parallel_width((double)N * H * L * S * (E + Ev));
  unsigned char *scratch = wt_scratch_alloc(width * bytes);
  if (scratch == NULL)
    return wt_error(WT_ENOMEM, "%s: cannot allocate %lld bytes of scratch", fn, (long long)(width * bytes));
  wt_attention_job job = {p, out, weights, q, k, v, {mask0, mask1}, dropout, scale, scratch, bytes, pk_bytes,
                          p_bytes, chunk, combine};
  wt_parallel_for((size_t)(N * H), width, wt_attention_task, &job);
  wt_scratch_free(scratch);
  return WT_OK;
}
