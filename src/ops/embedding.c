/* Embedding.
 *   wt_embedding_forward_f32: out[n, dim] = weight[indices[i], :], weight [num_embeddings, dim]
 *   wt_embedding_renorm_f32:  in-place max_norm renormalisation of the referenced rows
 *   wt_embedding_bag_f32:     out[num_bags, dim] = sum / mean / max of each bag's rows
 * All indices are checked before anything is written, so a bad index leaves out and
 * weight untouched. */
#include <math.h>
#include <string.h>

#include "internal.h"
#include "kernels/kernels.h"

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

wt_status wt_embedding_bag_f32(float *out, const float *weight, const int64_t *indices, int32_t n,
                               const int64_t *offsets, int32_t num_bags,
                               const float *per_sample_weights, int32_t num_embeddings,
                               int32_t dim, int32_t mode, int32_t padding_idx) {
  static const char *fn = "wt_embedding_bag_f32";
  if (n < 0) return wt_error(WT_EINVAL, "%s: n must be >= 0, got %d", fn, n);
  if (num_bags < 0) return wt_error(WT_EINVAL, "%s: num_bags must be >= 0, got %d", fn, num_bags);
  WT_CHECK_POS(num_embeddings, fn, "num_embeddings");
  WT_CHECK_POS(dim, fn, "dim");
  if (mode < WT_BAG_SUM || mode > WT_BAG_MAX) return wt_error(WT_EINVAL, "%s: unknown mode %d (expected 0..2)", fn, mode);
  if (padding_idx < -1 || padding_idx >= num_embeddings)
    return wt_error(WT_EINVAL, "%s: padding_idx must be -1 or in [0, %d), got %d", fn, num_embeddings, padding_idx);
  if (per_sample_weights != NULL && mode != WT_BAG_SUM)
    return wt_error(WT_EINVAL, "%s: per_sample_weights is only supported for mode sum, got mode %d", fn, mode);
  if (num_bags == 0) return WT_OK;
  WT_CHECK_PTR(out, fn, "out");
  WT_CHECK_PTR(weight, fn, "weight");
  WT_CHECK_PTR(offsets, fn, "offsets");
  if (n > 0) WT_CHECK_PTR(indices, fn, "indices");
  int64_t t;
  if (!wt_mul_i64(num_bags > num_embeddings ? num_bags : num_embeddings, dim, &t) ||
      t > (int64_t)(SIZE_MAX / sizeof(float)))
    return wt_error(WT_EINVAL, "%s: sizes overflow", fn);
  if (offsets[0] < 0) return wt_error(WT_EINVAL, "%s: offsets[0] must be >= 0, got %lld", fn, (long long)offsets[0]);
  for (int32_t b = 0; b < num_bags; b++)
    if (offsets[b + 1] < offsets[b] || offsets[b + 1] > n)
      return wt_error(WT_EINVAL, "%s: offsets must be non-decreasing and <= n = %d, got offsets[%d] = %lld after %lld",
                      fn, n, b + 1, (long long)offsets[b + 1], (long long)offsets[b]);
  wt_status st = wt_check_indices(fn, indices, n, num_embeddings);
  if (st != WT_OK) return st;
  const size_t D = (size_t)dim;
  float *scaled = NULL;
  if (per_sample_weights != NULL) {
    scaled = wt_scratch_alloc((int64_t)D * (int64_t)sizeof(float));
    if (scaled == NULL) return wt_error(WT_ENOMEM, "%s: cannot allocate scratch", fn);
  }
  for (size_t b = 0; b < (size_t)num_bags; b++) {
    float *y = out + b * D;
    size_t count = 0;
    for (int64_t i = offsets[b]; i < offsets[b + 1]; i++) {
      if (indices[i] == padding_idx) continue;
      const float *row = weight + (size_t)indices[i] * D;
      if (scaled != NULL) {
        WT_UKERNEL(wt_f32_vbinaryc_ukernel)(WT_MUL, D, row, per_sample_weights[i], scaled);
        row = scaled;
      }
      if (count == 0) memcpy(y, row, D * sizeof(float));
      else if (mode == WT_BAG_MAX) WT_UKERNEL(wt_f32_vbinary_ukernel)(WT_MAXIMUM, D, y, row, y);
      else WT_UKERNEL(wt_f32_vbinary_ukernel)(WT_ADD, D, y, row, y);
      count++;
    }
    if (count == 0) memset(y, 0, D * sizeof(float));
    else if (mode == WT_BAG_MEAN && count > 1) WT_UKERNEL(wt_f32_vbinaryc_ukernel)(WT_DIV, D, y, (float)count, y);
  }
  wt_scratch_free(scaled);
  return WT_OK;
}
