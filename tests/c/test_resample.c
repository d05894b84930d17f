/* Interpolation (nearest, nearest-exact, linear/bilinear/trilinear, bicubic; align_corners;
 * given scales) against a naive reference that evaluates PyTorch's per-output formula with
 * its nested sums; the vblend/hgather kernels SIMD vs scalar; errors. */
#include "kernels/kernels.h"
#include "test_util.h"

/* source taps of one output position, PyTorch 1.13's rules (float coordinates) */
static int ref_taps(int mode, int64_t in, int64_t out, int ac, double scale, int64_t o, int64_t *ix, float *w) {
  float sc = (ac && mode >= WT_RESAMPLE_LINEAR) ? (out > 1 ? (float)(in - 1) / (float)(out - 1) : 0.0f)
                                                : scale > 0 ? (float)(1.0 / scale) : (float)in / (float)out;
  if (mode == WT_RESAMPLE_NEAREST || mode == WT_RESAMPLE_NEAREST_EXACT) {
    int64_t i = mode == WT_RESAMPLE_NEAREST ? (out == in ? o : out == 2 * in ? o / 2 : (int64_t)floorf(o * sc))
                                            : (int64_t)floorf((float)((o + 0.5) * sc));
    ix[0] = i < in - 1 ? i : in - 1, w[0] = 1;
    return 1;
  }
  float src = ac ? sc * o : sc * (o + 0.5f) - 0.5f;
  if (mode == WT_RESAMPLE_LINEAR) {
    if (src < 0) src = 0;
    int64_t i0 = (int64_t)src < in - 1 ? (int64_t)src : in - 1;
    float l = fminf(fmaxf(src - i0, 0), 1);
    ix[0] = i0, ix[1] = i0 < in - 1 ? i0 + 1 : i0, w[0] = 1 - l, w[1] = l;
    return 2;
  }
  float f = floorf(src), t = src - f, A = -0.75f;
  float xs[4] = {t + 1, t, 1 - t, 2 - t};
  for (int j = 0; j < 4; j++) {
    float d = xs[j];
    w[j] = d <= 1 ? ((A + 2) * d - (A + 3)) * d * d + 1 : ((A * d - 5 * A) * d + 8 * A) * d - 4 * A;
    int64_t i = (int64_t)f - 1 + j;
    ix[j] = i < 0 ? 0 : i > in - 1 ? in - 1 : i;
  }
  return 4;
}

int main(void) {
  for (int it = 0; it < 400; it++) {
    int mode = it % 4, nd = mode == WT_RESAMPLE_CUBIC ? 2 : rng_int(1, 3), ac = mode >= 2 ? rng_int(0, 1) : 0;
    int planes = rng_int(1, 3);
    int32_t is[3], os[3];
    double sc[3] = {0, 0, 0};
    int64_t in[3] = {1, 1, 1}, o[3] = {1, 1, 1};
    for (int i = 0; i < nd; i++) {
      is[i] = rng_int(1, nd == 1 ? 30 : 8);
      if (it % 3 == 0) {
        sc[i] = rng_f(0.3f, 3.0f);
        os[i] = (int32_t)(is[i] * sc[i]);
        if (os[i] < 1) os[i] = 1, sc[i] = 0;
      } else {
        os[i] = it % 5 == 0 ? 2 * is[i] : rng_int(1, nd == 1 ? 30 : 8);
      }
      in[3 - nd + i] = is[i], o[3 - nd + i] = os[i];
    }
    size_t isz = planes * in[0] * in[1] * in[2], osz = planes * o[0] * o[1] * o[2];
    float *x = rand_buf(isz, -1, 1), *y = malloc(osz * 4), *r = malloc(osz * 4);
    CHECK_OK(wt_interpolate_f32(mode, y, x, nd, planes, is, os, ac, sc[0], sc[1], sc[2]));
    /* naive: full nested sum per output, innermost dim first like PyTorch */
    double s3[3] = {0, 0, 0};
    for (int i = 0; i < nd; i++) s3[3 - nd + i] = sc[i];
    for (int pl = 0; pl < planes; pl++)
      for (int64_t a = 0; a < o[0]; a++)
        for (int64_t b = 0; b < o[1]; b++)
          for (int64_t c = 0; c < o[2]; c++) {
            int64_t ia[4] = {0}, ib[4] = {0}, ic[4];
            float wa[4] = {1}, wb[4] = {1}, wc[4];
            int na = 3 - nd > 0 ? 1 : ref_taps(mode, in[0], o[0], ac, s3[0], a, ia, wa);
            int nb = 3 - nd > 1 ? 1 : ref_taps(mode, in[1], o[1], ac, s3[1], b, ib, wb);
            int nc = ref_taps(mode, in[2], o[2], ac, s3[2], c, ic, wc);
            float acc = 0;
            for (int p = 0; p < na; p++) {
              float sb = 0;
              for (int q = 0; q < nb; q++) {
                float sc2 = 0;
                for (int u = 0; u < nc; u++) sc2 += wc[u] * x[pl * in[0] * in[1] * in[2] + (ia[p] * in[1] + ib[q]) * in[2] + ic[u]];
                sb += wb[q] * sc2;
              }
              acc += wa[p] * sb;
            }
            r[pl * o[0] * o[1] * o[2] + (a * o[1] + b) * o[2] + c] = acc;
          }
    expect_close("wt_interpolate_f32", y, r, osz, 1e-5f, 1e-5f);
    free(x), free(y), free(r);
  }
  for (int it = 0; it < 200; it++) {
    size_t n = (size_t)rng_int(1, 37), nrows = (size_t)rng_int(0, 16), out_w = (size_t)rng_int(1, 23),
           taps = (size_t)rng_int(1, 4);
    float *x = rand_buf(n * 16, -1, 1), *w = rand_buf(16 * 23 * 4, -1, 1), *a = rand_buf(n > out_w ? n : out_w, -1, 1);
    float *b = malloc((n > out_w ? n : out_w) * 4);
    memcpy(b, a, (n > out_w ? n : out_w) * 4);
    const float *rows[16];
    for (size_t r = 0; r < nrows; r++) rows[r] = x + r * n;
    int acc = it % 2;
    wt_f32_vblend_ukernel__wasmsimd(n, nrows, rows, w, a, acc);
    wt_f32_vblend_ukernel__scalar(n, nrows, rows, w, b, acc);
    expect_close("vblend kernel", a, b, n, 0, 0);
    int32_t *idx = malloc(out_w * taps * 4);
    for (size_t i = 0; i < out_w * taps; i++) idx[i] = rng_int(0, (int)n - 1);
    wt_f32_hgather_ukernel__wasmsimd(out_w, taps, x, idx, w, a);
    wt_f32_hgather_ukernel__scalar(out_w, taps, x, idx, w, b);
    expect_close("hgather kernel", a, b, out_w, 0, 0);
    free(x), free(w), free(a), free(b), free(idx);
  }
  float x[16] = {0}, y[64];
  int32_t is[2] = {4, 4}, os[2] = {8, 8}, zero[2] = {8, 0};
  CHECK_OK(wt_interpolate_f32(WT_RESAMPLE_CUBIC, y, x, 2, 1, is, os, 1, 0, 0, 0));
  CHECK_ERR(wt_interpolate_f32(9, y, x, 2, 1, is, os, 0, 0, 0, 0), WT_EINVAL);
  CHECK_ERR(wt_interpolate_f32(WT_RESAMPLE_NEAREST, y, x, 2, 1, is, os, 1, 0, 0, 0), WT_EINVAL);
  CHECK_ERR(wt_interpolate_f32(WT_RESAMPLE_LINEAR, y, x, 0, 1, is, os, 0, 0, 0, 0), WT_EINVAL);
  CHECK_ERR(wt_interpolate_f32(WT_RESAMPLE_LINEAR, y, x, 2, 1, is, zero, 0, 0, 0, 0), WT_EINVAL);
  CHECK_ERR(wt_interpolate_f32(WT_RESAMPLE_LINEAR, y, x, 2, 1, is, os, 0, -1, 0, 0), WT_EINVAL);
  CHECK_ERR(wt_interpolate_f32(WT_RESAMPLE_LINEAR, y, x, 2, 1, is, os, 0, NAN, 0, 0), WT_EINVAL);
  CHECK_ERR(wt_interpolate_f32(WT_RESAMPLE_LINEAR, NULL, x, 2, 1, is, os, 0, 0, 0, 0), WT_EINVAL);
  CHECK_ERR(wt_interpolate_f32(WT_RESAMPLE_LINEAR, y, x, 2, 0, is, os, 0, 0, 0, 0), WT_EINVAL);
  return test_exit("test_resample");
}
