/* embedding gather and max_norm renorm against naive references; errors. */
#include "test_util.h"

int main(void) {
  for (int it = 0; it < 50; it++) {
    int E = rng_int(1, 20), D = rng_int(1, 13), n = rng_int(0, 30);
    float *w = rand_buf((size_t)E * D, -2, 2), *y = malloc((size_t)(n ? n : 1) * D * 4);
    int64_t *ix = malloc((size_t)(n ? n : 1) * 8);
    for (int i = 0; i < n; i++) ix[i] = rng_int(0, E - 1);
    CHECK_OK(wt_embedding_forward_f32(y, w, ix, n, E, D));
    for (int i = 0; i < n; i++) CHECK(memcmp(y + i * D, w + ix[i] * D, (size_t)D * 4) == 0);
    /* renorm: reference on a copy, each referenced row once */
    float *w2 = malloc((size_t)E * D * 4);
    memcpy(w2, w, (size_t)E * D * 4);
    float p = (float[]){1.0f, 2.0f, 3.0f, INFINITY}[it % 4], mx = rng_f(0.5f, 3.0f);
    CHECK_OK(wt_embedding_renorm_f32(w, ix, n, E, D, mx, p));
    char *seen = calloc((size_t)E, 1);
    for (int i = 0; i < n; i++) {
      if (seen[ix[i]]) continue;
      seen[ix[i]] = 1;
      float *row = w2 + ix[i] * D;
      double s = 0;
      for (int j = 0; j < D; j++) s = isinf(p) ? fmax(s, fabs(row[j])) : s + pow(fabs(row[j]), p);
      double norm = isinf(p) ? s : pow(s, 1.0 / p);
      if (norm > mx)
        for (int j = 0; j < D; j++) row[j] = (float)(row[j] * (mx / (norm + 1e-7)));
    }
    expect_close("wt_embedding_renorm_f32", w, w2, (size_t)E * D, 1e-5f, 1e-6f);
    free(w), free(w2), free(y), free(ix), free(seen);
  }
  float w[6] = {1, 2, 3, 4, 5, 6}, y[6] = {0};
  int64_t bad[2] = {0, 3}, neg[1] = {-1}, ok[1] = {1};
  CHECK_ERR(wt_embedding_forward_f32(y, w, bad, 2, 3, 2), WT_EINVAL);
  CHECK(strstr(wt_last_error(), "indices[1] = 3") != NULL);
  CHECK(y[0] == 0.0f); /* nothing written on error */
  CHECK_ERR(wt_embedding_forward_f32(y, w, neg, 1, 3, 2), WT_EINVAL);
  CHECK_ERR(wt_embedding_forward_f32(NULL, w, ok, 1, 3, 2), WT_EINVAL);
  CHECK_ERR(wt_embedding_forward_f32(y, NULL, ok, 1, 3, 2), WT_EINVAL);
  CHECK_ERR(wt_embedding_forward_f32(y, w, NULL, 1, 3, 2), WT_EINVAL);
  CHECK_ERR(wt_embedding_forward_f32(y, w, ok, -1, 3, 2), WT_EINVAL);
  CHECK_ERR(wt_embedding_forward_f32(y, w, ok, 1, 0, 2), WT_EINVAL);
  CHECK_ERR(wt_embedding_forward_f32(y, w, ok, 1, 3, 0), WT_EINVAL);
  CHECK_ERR(wt_embedding_renorm_f32(w, bad, 2, 3, 2, 1.0f, 2.0f), WT_EINVAL);
  CHECK(w[0] == 1.0f); /* row 0 untouched: indices are checked first */
  CHECK_ERR(wt_embedding_renorm_f32(w, ok, 1, 3, 2, 1.0f, 0.0f), WT_EINVAL);
  CHECK_ERR(wt_embedding_renorm_f32(w, ok, 1, 3, 2, -1.0f, 2.0f), WT_EINVAL);
  CHECK_ERR(wt_embedding_renorm_f32(w, ok, 1, 3, 2, NAN, 2.0f), WT_EINVAL);
  CHECK_ERR(wt_embedding_renorm_f32(NULL, ok, 1, 3, 2, 1.0f, 2.0f), WT_EINVAL);
  return test_exit("test_embedding");
}
