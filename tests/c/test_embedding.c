/* embedding gather, max_norm renorm and embedding_bag against naive references; errors. */
#include "test_util.h"

/* naive embedding_bag in double: bags [off[b], off[b+1]), padding entries skipped */
static void ref_bag(float *y, const float *w, const int64_t *ix, const int64_t *off, int B, const float *psw,
                    int D, int mode, int pad) {
  for (int b = 0; b < B; b++)
    for (int j = 0; j < D; j++) {
      double acc = 0;
      int count = 0;
      for (int64_t i = off[b]; i < off[b + 1]; i++) {
        if (ix[i] == pad) continue;
        double v = (double)w[ix[i] * D + j] * (psw ? psw[i] : 1.0f);
        acc = count == 0 ? v : mode == WT_BAG_MAX ? fmax(acc, v) : acc + v;
        count++;
      }
      y[b * D + j] = (float)(mode == WT_BAG_MEAN && count ? acc / count : acc);
    }
}

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
  for (int it = 0; it < 120; it++) {
    int E = rng_int(1, 12), D = rng_int(1, 11), n = rng_int(0, 25), B = rng_int(0, 6), mode = it % 3;
    int pad = it % 4 == 0 ? rng_int(0, E - 1) : -1;
    float *w = rand_buf((size_t)E * D, -2, 2), *y = malloc((size_t)(B ? B : 1) * D * 4), *r = malloc((size_t)(B ? B : 1) * D * 4);
    float *psw = mode == WT_BAG_SUM && it % 2 ? rand_buf((size_t)(n ? n : 1), -1, 2) : NULL;
    int64_t *ix = malloc((size_t)(n ? n : 1) * 8), *off = malloc((size_t)(B + 1) * 8);
    for (int i = 0; i < n; i++) ix[i] = rng_int(0, E - 1);
    off[0] = 0; /* sorted random cut points, empty bags included */
    for (int b = 1; b <= B; b++) off[b] = b == B ? n : rng_int((int)off[b - 1], n);
    CHECK_OK(wt_embedding_bag_f32(y, w, ix, n, off, B, psw, E, D, mode, pad));
    ref_bag(r, w, ix, off, B, psw, D, mode, pad);
    expect_close("wt_embedding_bag_f32", y, r, (size_t)B * D, 1e-5f, 1e-5f);
    free(w), free(y), free(r), free(psw), free(ix), free(off);
  }
  {
    float w[6] = {1, 2, 3, 4, 5, 6}, y[4] = {7, 7, 7, 7}, psw[3] = {1, 1, 1};
    int64_t ix[3] = {0, 2, 1}, off[3] = {0, 2, 3}, badix[3] = {0, 3, 1}, down[3] = {0, 2, 1}, past[3] = {0, 2, 4};
    CHECK_ERR(wt_embedding_bag_f32(y, w, badix, 3, off, 2, NULL, 3, 2, WT_BAG_SUM, -1), WT_EINVAL);
    CHECK(strstr(wt_last_error(), "indices[1] = 3") != NULL && y[0] == 7.0f);
    CHECK_ERR(wt_embedding_bag_f32(y, w, ix, 3, down, 2, NULL, 3, 2, WT_BAG_SUM, -1), WT_EINVAL);
    CHECK_ERR(wt_embedding_bag_f32(y, w, ix, 3, past, 2, NULL, 3, 2, WT_BAG_SUM, -1), WT_EINVAL);
    CHECK_ERR(wt_embedding_bag_f32(y, w, ix, 3, off, 2, psw, 3, 2, WT_BAG_MEAN, -1), WT_EINVAL);
    CHECK_ERR(wt_embedding_bag_f32(y, w, ix, 3, off, 2, NULL, 3, 2, 3, -1), WT_EINVAL);
    CHECK_ERR(wt_embedding_bag_f32(y, w, ix, 3, off, 2, NULL, 3, 2, WT_BAG_SUM, 3), WT_EINVAL);
    CHECK_ERR(wt_embedding_bag_f32(y, w, ix, 3, off, 2, NULL, 3, 2, WT_BAG_SUM, -2), WT_EINVAL);
    CHECK_ERR(wt_embedding_bag_f32(y, w, ix, 3, NULL, 2, NULL, 3, 2, WT_BAG_SUM, -1), WT_EINVAL);
    CHECK_ERR(wt_embedding_bag_f32(NULL, w, ix, 3, off, 2, NULL, 3, 2, WT_BAG_SUM, -1), WT_EINVAL);
    CHECK_ERR(wt_embedding_bag_f32(y, w, ix, -1, off, 2, NULL, 3, 2, WT_BAG_SUM, -1), WT_EINVAL);
    CHECK_ERR(wt_embedding_bag_f32(y, w, ix, 3, off, -1, NULL, 3, 2, WT_BAG_SUM, -1), WT_EINVAL);
    CHECK_OK(wt_embedding_bag_f32(y, w, ix, 3, off, 2, NULL, 3, 2, WT_BAG_MAX, 2));
    CHECK(y[0] == 1.0f && y[1] == 2.0f && y[2] == 3.0f && y[3] == 4.0f); /* row 2 skipped as padding */
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
