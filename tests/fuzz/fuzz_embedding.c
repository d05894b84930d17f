/* Fuzzes src/ops/embedding.c:
 *   embedding:  out [n, dim], weight [num_embeddings, dim], indices [n] int64
 *   renorm:     weight [num_embeddings, dim] (in place), indices [n]
 *   bag:        out [num_bags, dim], weight, indices [n], offsets [num_bags + 1],
 *               per_sample_weights [n] or NULL
 * Indices are mostly in range, sometimes -1, num_embeddings or +-2^63. */
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_in in = {data, size};
  fz_bufs b = {0};
  const int which = fz_pick(&in, 3);
  const int32_t n = fz_int(&in, 0, 12), num = fz_int(&in, 1, 10), dim = fz_int(&in, 1, 12);
  if (which == 0) {
    float *out = fz_floats(&b, &in, FZ_NUMEL(n, dim));
    const float *w = fz_floats(&b, &in, FZ_NUMEL(num, dim));
    const int64_t *idx = fz_indices(&b, &in, n, num);
    FZ_RUN(b, wt_embedding_forward_f32(out, w, idx, n, num, dim));
  } else if (which == 1) {
    const float max_norm = fz_float(&in), norm_type = fz_float(&in);
    float *w = fz_floats(&b, &in, FZ_NUMEL(num, dim));
    const int64_t *idx = fz_indices(&b, &in, n, num);
    FZ_RUN(b, wt_embedding_renorm_f32(w, idx, n, num, dim, max_norm, norm_type));
  } else {
    const int32_t bags = fz_int(&in, 0, 5), mode = fz_int(&in, 0, 2);
    const int32_t padding_idx = fz_pick(&in, 2) ? -1 : fz_int(&in, 0, 10);
    const int with_psw = fz_pick(&in, 2);
    float *out = fz_floats(&b, &in, FZ_NUMEL(bags, dim));
    const float *w = fz_floats(&b, &in, FZ_NUMEL(num, dim));
    const int64_t *idx = fz_indices(&b, &in, n, num);
    /* offsets: non-decreasing in [0, n] mostly, sometimes anything */
    int64_t *off = fz_alloc(&b, (int64_t)bags + 1, sizeof(int64_t));
    if (!b.skip && !b.bad) {
      const int wild = fz_pick(&in, 8) == 0;
      int64_t at = 0;
      for (int32_t i = 0; i <= bags; i++) {
        if (wild) off[i] = (int64_t)fz_int(&in, -2, 14);
        else {
          const int64_t step = fz_pick(&in, 4);
          off[i] = at = at + step > n ? n : at + step;
        }
      }
    }
    const float *psw = with_psw ? fz_floats(&b, &in, n) : NULL;
    FZ_RUN(b, wt_embedding_bag_f32(out, w, idx, n, off, bags, psw, num, dim, mode, padding_idx));
  }
  return 0;
}
