/* Fuzzes src/ops/attention.c: wt_attention_forward_f32 over strided views. With
 * N = batch, H = heads, L = q_len, S = kv_len, E = head_dim, Ev = v_head_dim, a view of
 * [N, H, rows, cols] with strides (s0, s1, s2, 1) spans 1 + (N-1)s0 + (H-1)s1 + (rows-1)s2
 * + cols - 1 elements:
 *   q [N, H, L, E], k [N, H, S, E], v [N, H, S, Ev], out [N, H, L, Ev],
 *   masks [N, H, L, S] (float32 or bool bytes), weights and dropout [N, H, L, S] contiguous.
 * Strides are the contiguous ones, a [L, N, E]-style interleaving, broadcasts (0) or
 * random. */
#include "fuzz_util.h"

static void pick_strides(fz_in *in, int32_t st[3], int32_t H, int32_t rows, int32_t cols) {
  const int k = fz_pick(in, 4);
  if (k == 0) { /* contiguous [N, H, rows, cols] */
    st[2] = cols, st[1] = FZ_SAT_PROD(rows, cols), st[0] = FZ_SAT_PROD(H, rows, cols);
  } else if (k == 1) { /* heads as column blocks of [rows, N, H*cols] (MultiheadAttention) */
    st[1] = cols, st[0] = FZ_SAT_PROD(H, cols), st[2] = FZ_SAT_PROD(H, cols, 2);
  } else if (k == 2) { /* broadcast over batch and heads */
    st[0] = 0, st[1] = 0, st[2] = cols;
  } else {
    for (int i = 0; i < 3; i++) st[i] = fz_int(in, 0, 12);
  }
}

static int64_t view_extent(int32_t N, int32_t H, int32_t rows, int32_t cols, const int32_t st[3]) {
  return fz_extent(4, (int64_t[]){N, H, rows, cols}, (int64_t[]){st[0], st[1], st[2], 1});
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_in in = {data, size};
  fz_bufs b = {0};
  wt_attention_params p;
  memset(&p, 0, sizeof p);
  p.batch = fz_int(&in, 1, 2);
  p.heads = fz_int(&in, 1, 3);
  p.q_len = fz_int(&in, 1, 6);
  p.kv_len = fz_int(&in, 1, 7);
  p.head_dim = fz_int(&in, 1, 9);
  p.v_head_dim = fz_pick(&in, 2) ? p.head_dim : fz_int(&in, 1, 9);
  const int32_t N = p.batch, H = p.heads, L = p.q_len, S = p.kv_len, E = p.head_dim, Ev = p.v_head_dim;
  pick_strides(&in, p.q_strides, H, L, E);
  pick_strides(&in, p.k_strides, H, S, E);
  pick_strides(&in, p.v_strides, H, S, Ev);
  pick_strides(&in, p.out_strides, H, L, Ev);
  if (p.out_strides[0] == 0 || p.out_strides[1] == 0) /* outputs may not broadcast */
    p.out_strides[2] = Ev, p.out_strides[1] = FZ_SAT_PROD(L, Ev), p.out_strides[0] = FZ_SAT_PROD(H, L, Ev);
  p.causal = fz_int(&in, 0, 1);
  const void *masks[2] = {NULL, NULL};
  for (int m = 0; m < 2; m++) {
    p.mask_kind[m] = fz_pick(&in, 8) ? fz_pick(&in, 4) : fz_int(&in, 0, 4);
    pick_strides(&in, p.mask_strides[m], H, L, S);
    const int kind_ok = p.mask_kind[m] >= WT_MASK_ADD && p.mask_kind[m] <= WT_MASK_KEEP;
    const int given = kind_ok ? fz_pick(&in, 16) != 0 : fz_pick(&in, 16) == 0;
    if (!given) continue;
    const int64_t ext = view_extent(N, H, L, S, p.mask_strides[m]);
    if (p.mask_kind[m] == WT_MASK_ADD) {
      masks[m] = fz_floats(&b, &in, ext);
    } else {
      uint8_t *bm = fz_alloc(&b, ext, 1);
      if (!b.skip && !b.bad)
        for (int64_t i = 0; i < ext; i++) bm[i] = (uint8_t)(fz_u8(&in) & 1);
      masks[m] = bm;
    }
  }
  const int with_weights = fz_pick(&in, 2), with_dropout = fz_pick(&in, 4) == 0;
  const float scale = fz_pick(&in, 4) ? 0.5f : fz_float(&in);
  const float *q = fz_floats(&b, &in, view_extent(N, H, L, E, p.q_strides));
  const float *k = fz_floats(&b, &in, view_extent(N, H, S, E, p.k_strides));
  const float *v = fz_floats(&b, &in, view_extent(N, H, S, Ev, p.v_strides));
  float *out = fz_floats(&b, &in, view_extent(N, H, L, Ev, p.out_strides));
  float *weights = with_weights ? fz_floats(&b, &in, FZ_NUMEL(N, H, L, S)) : NULL;
  const float *dropout = with_dropout ? fz_floats(&b, &in, FZ_NUMEL(N, H, L, S)) : NULL;
  wt_attention_params *pp = fz_alloc(&b, 1, sizeof p);
  memcpy(pp, &p, sizeof p);
  FZ_RUN(b, wt_attention_forward_f32(pp, out, weights, q, k, v, masks[0], masks[1], dropout, scale));
  return 0;
}
