/* pad: all modes, N-d, negative pads (crop), short and long rows, against a naive per-element mapping;
 * PyTorch's validation rules. */
#include "test_util.h"

static int64_t map_index(int mode, int64_t o, int64_t pb, int64_t pa, int64_t n) {
  int64_t i = o - pb;
  switch (mode) {
    case WT_PAD_CONSTANT: return (i < 0 || i >= n) ? -1 : i;
    case WT_PAD_REFLECT: return i < 0 ? -i : i >= n ? 2 * (n - 1) - i : i;
    case WT_PAD_REPLICATE: return i < 0 ? 0 : i >= n ? n - 1 : i;
    default: {
      /* crop the negative sides first, then wrap around what is left (PyTorch 1.13) */
      int64_t lo = pb < 0 ? -pb : 0, m = n - lo - (pa < 0 ? -pa : 0), j = o - (pb > 0 ? pb : 0);
      while (j < 0) j += m;
      return lo + j % m;
    }
  }
}

int main(void) {
  for (int it = 0; it < 400; it++) {
    int mode = it % 4, nd = rng_int(1, 4);
    int32_t sh[8], pb[8], pa[8];
    int64_t os[8], in_total = 1, out_total = 1;
    for (int k = 0; k < nd; k++) {
      /* the last iterations use long rows: multi-call fills and long memcpy runs */
      sh[k] = it >= 360 && k == nd - 1 ? rng_int(40, 300) : rng_int(1, 6);
      int lim = mode == WT_PAD_REFLECT ? sh[k] - 1 : mode == WT_PAD_CIRCULAR ? sh[k] : 4;
      pb[k] = rng_int(-1, lim);
      pa[k] = rng_int(-1, lim);
      if (rng_int(0, 2) == 0) pb[k] = pa[k] = 0;
      if (sh[k] + pb[k] + pa[k] < 1) pb[k] = pa[k] = 0;
      if (mode == WT_PAD_CIRCULAR) { /* pads must not exceed the cropped size */
        int kept = sh[k] - (pb[k] < 0 ? -pb[k] : 0) - (pa[k] < 0 ? -pa[k] : 0);
        if (kept < 1 || pb[k] > kept || pa[k] > kept) pb[k] = pa[k] = 0;
      }
      os[k] = sh[k] + pb[k] + pa[k];
      in_total *= sh[k], out_total *= os[k];
    }
    float *x = rand_buf((size_t)in_total, -1, 1), *y = malloc((size_t)out_total * 4), *r = malloc((size_t)out_total * 4);
    CHECK_OK(wt_pad_f32(mode, y, x, nd, sh, pb, pa, 7.5f));
    for (int64_t i = 0; i < out_total; i++) {
      int64_t rem = i, off = 0, stride = 1, fill = 0;
      for (int k = nd - 1; k >= 0; k--) {
        int64_t c = rem % os[k];
        rem /= os[k];
        int64_t m = map_index(mode, c, pb[k], pa[k], sh[k]);
        if (m < 0) fill = 1;
        off += m * stride;
        stride *= sh[k];
      }
      r[i] = fill ? 7.5f : x[off];
    }
    expect_close("wt_pad_f32", y, r, (size_t)out_total, 0, 0);
    free(x), free(y), free(r);
  }
  float x[4] = {1, 2, 3, 4}, y[32];
  int32_t sh[1] = {4}, p3[1] = {3}, p4[1] = {4}, p5[1] = {5}, z[1] = {0}, m5[1] = {-5};
  CHECK_ERR(wt_pad_f32(WT_PAD_REFLECT, y, x, 1, sh, p4, z, 0), WT_EINVAL);
  CHECK_OK(wt_pad_f32(WT_PAD_REFLECT, y, x, 1, sh, p3, p3, 0));
  CHECK(y[0] == 4 && y[1] == 3 && y[2] == 2 && y[3] == 1 && y[9] == 1);
  CHECK_ERR(wt_pad_f32(WT_PAD_CIRCULAR, y, x, 1, sh, z, p5, 0), WT_EINVAL);
  CHECK_OK(wt_pad_f32(WT_PAD_CIRCULAR, y, x, 1, sh, p4, z, 0));
  int32_t m1[1] = {-1}, p2[1] = {2};
  CHECK_OK(wt_pad_f32(WT_PAD_CIRCULAR, y, x, 1, sh, m1, p2, 0)); /* crop 1, then wrap [2 3 4] */
  CHECK(y[0] == 2 && y[1] == 3 && y[2] == 4 && y[3] == 2 && y[4] == 3);
  CHECK_ERR(wt_pad_f32(WT_PAD_CIRCULAR, y, x, 1, sh, m1, p4, 0), WT_EINVAL); /* 4 > 3 left */
  CHECK_ERR(wt_pad_f32(WT_PAD_CONSTANT, y, x, 1, sh, m5, z, 0), WT_EINVAL); /* size -1 */
  CHECK_ERR(wt_pad_f32(4, y, x, 1, sh, z, z, 0), WT_EINVAL);
  CHECK_ERR(wt_pad_f32(WT_PAD_CONSTANT, NULL, x, 1, sh, z, z, 0), WT_EINVAL);
  CHECK_ERR(wt_pad_f32(WT_PAD_CONSTANT, y, NULL, 1, sh, z, z, 0), WT_EINVAL);
  CHECK_ERR(wt_pad_f32(WT_PAD_CONSTANT, y, x, 1, NULL, z, z, 0), WT_EINVAL);
  CHECK_ERR(wt_pad_f32(WT_PAD_CONSTANT, y, x, 1, sh, NULL, z, 0), WT_EINVAL);
  CHECK_ERR(wt_pad_f32(WT_PAD_CONSTANT, y, x, 0, sh, z, z, 0), WT_EINVAL);
  CHECK_ERR(wt_pad_f32(WT_PAD_CONSTANT, y, x, 9, sh, z, z, 0), WT_EINVAL);
  int32_t zero_shape[1] = {0};
  CHECK_ERR(wt_pad_f32(WT_PAD_CONSTANT, y, x, 1, zero_shape, z, z, 0), WT_EINVAL);
  return test_exit("test_pad");
}
