/* Embedding.
 *   wt_embedding_forward_f32: out[n, dim] = weight[indices[i], :], weight [num_embeddings, dim]
 *   wt_embedding_renorm_f32:  in-place max_norm renormalisation of the referenced rows
 * All indices are checked before anything is written, so a bad index leaves out and
 * weight untouched. */
#include <math.h>
#include <string.h>

#include "internal.h"

static wt_status wt_check_indices(const char *fn, const int64_t *indices, int32_t n, int32_t num_embeddings) {
  for (int32_t i = 0; i < n; i++)
    if (indices[i] < 0 || indices[i] >= num_embeddings)
      return wt_error(WT_EINVAL, "%s: indices[%d] = %lld is out of range [0, %d)", fn, i,
                      (long long)indices[i], num_embeddings);
  return WT_OK;
}

wt_status wt_embedding_forward_f32(float *out, const float *weight, const int64_t *indices,
                                   int32_t n, int32_t num_embeddings, int32_t dim) {
  static const char *fn = "wt_embedding_forward_f32";
  if (n < 0) return wt_error(WT_EINVAL, "%s: n must be >= 0, got %d", fn, n);
  WT_CHECK_POS(num_embeddings, fn, "num_embeddings");
  WT_CHECK_POS(dim, fn, "dim");
  if (n == 0) return WT_OK;
  WT_CHECK_PTR(out, fn, "out");
  WT_CHECK_PTR(weight, fn, "weight");
  WT_CHECK_PTR(indices, fn, "indices");
  int64_t t;
  if (!wt_mul_i64(n > num_embeddings ? n : num_embeddings, dim, &t) || t > (int64_t)(SIZE_MAX / sizeof(float)))
    return wt_error(WT_EINVAL, "%s: sizes overflow", fn);
  wt_status st = wt_check_indices(fn, indices, n, num_embeddings);
  if (st != WT_OK) return st;
  const size_t D = (size_t)dim;
  for (size_t i = 0; i < (size_t)n; i++) memcpy(out + i * D, weight + (size_t)indices[i] * D, D * sizeof(float));
  return WT_OK;
}

wt_status wt_embedding_renorm_f32(float *weight, const int64_t *indices, int32_t n,
                                  int32_t num_embeddings, int32_t dim, float max_norm,
                                  float norm_type) {
  static const char *fn = "wt_embedding_renorm_f32";
  if (n < 0) return wt_error(WT_EINVAL, "%s: n must be >= 0, got %d", fn, n);
  WT_CHECK_POS(num_embeddings, fn, "num_embeddings");
  WT_CHECK_POS(dim, fn, "dim");
  if (!(norm_type > 0.0f)) return wt_error(WT_EINVAL, "%s: norm_type must be > 0, got %g", fn, (double)norm_type);
  if (!(max_norm >= 0.0f)) return wt_error(WT_EINVAL, "%s: max_norm must be >= 0, got %g", fn, (double)max_norm);
  if (n == 0) return WT_OK;
  WT_CHECK_PTR(weight, fn, "weight");
  WT_CHECK_PTR(indices, fn, "indices");
  int64_t t;
  if (!wt_mul_i64(num_embeddings, dim, &t) || t > (int64_t)(SIZE_MAX / sizeof(float)))
    return wt_error(WT_EINVAL, "%s: sizes overflow", fn);
  wt_status st = wt_check_indices(fn, indices, n, num_embeddings);
  if (st != WT_OK) return st;
  /* each distinct row once, like torch.embedding_renorm_ (which sorts + uniques) */
  unsigned char *seen = wt_scratch_alloc(num_embeddings);
  if (seen == NULL) return wt_error(WT_ENOMEM, "%s: cannot allocate scratch", fn);
  memset(seen, 0, (size_t)num_embeddings);
  const size_t D = (size_t)dim;
  for (int32_t i = 0; i < n; i++) {
    const size_t r = (size_t)indices[i];
    if (seen[r]) continue;
    seen[r] = 1;
    float *row = weight + r * D;
    float norm = 0.0f;
    if (isinf(norm_type)) {
      for (size_t j = 0; j < D; j++) norm = fmaxf(norm, fabsf(row[j]));
    } else if (norm_type == 2.0f) {
      for (size_t j = 0; j < D; j++) norm += row[j] * row[j];
      norm = sqrtf(norm);
    } else if (norm_type == 1.0f) {
      for (size_t j = 0; j < D; j++) norm += fabsf(row[j]);
    } else {
      for (size_t j = 0; j < D; j++) norm += powf(fabsf(row[j]), norm_type);
      norm = powf(norm, 1.0f / norm_type);
    }
    if (norm > max_norm) {
      /* PyTorch computes the scale in double from the float norm */
      const float scale = (float)((double)max_norm / ((double)norm + 1e-7));
      for (size_t j = 0; j < D; j++) row[j] *= scale;
    }
  }
  wt_scratch_free(seen);
  return WT_OK;
}
