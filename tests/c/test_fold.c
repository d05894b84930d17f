/* unfold (im2col) and fold (col2im) against direct naive loops, 1-d to 3-d; fold as the
 * adjoint of unfold (<unfold(x), c> == <x, fold(c)>); the f32-col2im SIMD kernel against
 * its scalar sibling; errors. */
#include "kernels/kernels.h"
#include "test_util.h"

typedef struct {
  int in[3], grid[3], k[3], s[3], p[3], d[3];
} geom;

/* image position of tap (ka, kb, kc) of window (a, b, c), or -1 in the padding */
static long tap_at(const geom *g, int a, int b, int c, int ka, int kb, int kc) {
  int ia = a * g->s[0] - g->p[0] + ka * g->d[0], ib = b * g->s[1] - g->p[1] + kb * g->d[1],
      ic = c * g->s[2] - g->p[2] + kc * g->d[2];
  if (ia < 0 || ia >= g->in[0] || ib < 0 || ib >= g->in[1] || ic < 0 || ic >= g->in[2]) return -1;
  return ((long)ia * g->in[1] + ib) * g->in[2] + ic;
}

/* calls f(image offset, col offset) for every (n, c, tap, window) */
#define FOR_TAPS(g, N, C, BODY)                                                                    \
  do {                                                                                             \
    long isp_ = (long)(g)->in[0] * (g)->in[1] * (g)->in[2];                                        \
    long L_ = (long)(g)->grid[0] * (g)->grid[1] * (g)->grid[2];                                    \
    long K_ = (long)(g)->k[0] * (g)->k[1] * (g)->k[2];                                             \
    for (int n = 0; n < (N); n++)                                                                  \
      for (int c = 0; c < (C); c++)                                                                \
        for (int ka = 0; ka < (g)->k[0]; ka++)                                                     \
          for (int kb = 0; kb < (g)->k[1]; kb++)                                                   \
            for (int kc = 0; kc < (g)->k[2]; kc++)                                                 \
              for (int a = 0; a < (g)->grid[0]; a++)                                               \
                for (int b = 0; b < (g)->grid[1]; b++)                                             \
                  for (int cc = 0; cc < (g)->grid[2]; cc++) {                                      \
                    long t_ = tap_at(g, a, b, cc, ka, kb, kc);                                     \
                    long img = t_ < 0 ? -1 : ((long)n * (C) + c) * isp_ + t_;                      \
                    long r_ = ((long)c * (g)->k[0] + ka) * (g)->k[1] * (g)->k[2] + kb * (g)->k[2] + kc; \
                    long col = ((long)n * (C) * K_ + r_) * L_ + ((long)a * (g)->grid[1] + b) * (g)->grid[2] + cc; \
                    BODY;                                                                          \
                  }                                                                                \
  } while (0)

int main(void) {
  for (int it = 0; it < 200; it++) {
    wt_conv_params p = {0};
    geom g;
    p.ndim = rng_int(1, 3);
    p.batch = rng_int(1, 2);
    p.in_channels = p.out_channels = rng_int(1, 3);
    p.groups = 1;
    for (int i = 0; i < 3; i++) g.in[i] = g.grid[i] = g.k[i] = g.s[i] = g.d[i] = 1, g.p[i] = 0;
    for (int i = 0; i < p.ndim; i++) {
      int j = 3 - p.ndim + i;
      g.k[j] = rng_int(1, 3), g.s[j] = rng_int(1, 3), g.d[j] = rng_int(1, 2), g.p[j] = rng_int(0, 2);
      g.in[j] = rng_int(1, p.ndim == 3 ? 5 : 9);
      int num = g.in[j] + 2 * g.p[j] - g.d[j] * (g.k[j] - 1) - 1;
      if (num < 0) g.in[j] += -num, num = 0;
      g.grid[j] = num / g.s[j] + 1;
    }
    for (int i = 0; i < 3; i++) {
      p.in_size[i] = p.out_size[i] = p.kernel[i] = p.stride[i] = p.dilation[i] = 1;
      p.padding[i] = 0;
    }
    for (int i = 0; i < p.ndim; i++) {
      int j = 3 - p.ndim + i;
      p.in_size[i] = g.in[j], p.out_size[i] = g.grid[j], p.kernel[i] = g.k[j];
      p.stride[i] = g.s[j], p.padding[i] = g.p[j], p.dilation[i] = g.d[j];
    }
    const int N = p.batch, C = p.in_channels;
    size_t isz = (size_t)N * C * g.in[0] * g.in[1] * g.in[2];
    size_t csz = (size_t)N * C * g.k[0] * g.k[1] * g.k[2] * g.grid[0] * g.grid[1] * g.grid[2];
    float *x = rand_buf(isz, -1, 1), *cols = malloc(csz * 4), *ref = malloc(csz * 4);
    CHECK_OK(wt_unfold_forward_f32(&p, cols, x));
    FOR_TAPS(&g, N, C, ref[col] = img < 0 ? 0.0f : x[img]);
    expect_close("wt_unfold_forward_f32", cols, ref, csz, 0, 0);

    /* fold: the same geometry with in_size/out_size swapped (grid in, image out) */
    wt_conv_params f = p;
    for (int i = 0; i < p.ndim; i++) f.in_size[i] = p.out_size[i], f.out_size[i] = p.in_size[i];
    float *c2 = rand_buf(csz, -1, 1), *img = malloc(isz * 4);
    double *acc = calloc(isz, sizeof(double));
    float *fref = malloc(isz * 4);
    CHECK_OK(wt_fold_forward_f32(&f, img, c2));
    FOR_TAPS(&g, N, C, if (img >= 0) acc[img] += c2[col]);
    for (size_t i = 0; i < isz; i++) fref[i] = (float)acc[i];
    expect_close("wt_fold_forward_f32", img, fref, isz, 1e-6f, 1e-6f);
    /* adjoint identity: <unfold(x), c2> == <x, fold(c2)> */
    double lhs = 0, rhs = 0;
    for (size_t i = 0; i < csz; i++) lhs += (double)cols[i] * c2[i];
    for (size_t i = 0; i < isz; i++) rhs += (double)x[i] * img[i];
    CHECK(fabs(lhs - rhs) <= 1e-4 * (1 + fabs(lhs)));
    free(x), free(cols), free(ref), free(c2), free(img), free(acc), free(fref);
  }
  /* f32-col2im: SIMD vs scalar, bit for bit, and nothing written between or after the
   * strided targets (the guard values stay as they were) */
  for (int it = 0; it < 300; it++) {
    size_t n = (size_t)rng_int(0, 37), s = (size_t)rng_int(1, 3), span = n ? (n - 1) * s + 1 : 0;
    float *x = rand_buf(n ? n : 1, -1, 1), *y0 = rand_buf(span + 8, -1, 1);
    float *a = malloc((span + 8) * 4), *b = malloc((span + 8) * 4);
    memcpy(a, y0, (span + 8) * 4), memcpy(b, y0, (span + 8) * 4);
    wt_f32_col2im_ukernel__wasmsimd(n, s, x, a);
    wt_f32_col2im_ukernel__scalar(n, s, x, b);
    expect_close("col2im kernel", a, b, span + 8, 0, 0);
    for (size_t i = 0; i < span + 8; i++) CHECK(b[i] == (i < span && i % s == 0 ? y0[i] + x[i / s] : y0[i]));
    free(x), free(y0), free(a), free(b);
  }
  /* errors */
  {
    float x[16] = {0}, y[32];
    wt_conv_params ok = {2, 1, 1, 1, 1, {3, 3, 1}, {2, 2, 1}, {2, 2, 1}, {1, 1, 1}, {0, 0, 0}, {1, 1, 1}};
    CHECK_OK(wt_unfold_forward_f32(&ok, y, x));
    wt_conv_params bad = ok;
    bad.out_channels = 2;
    CHECK_ERR(wt_unfold_forward_f32(&bad, y, x), WT_EINVAL);
    CHECK_ERR(wt_fold_forward_f32(&bad, y, x), WT_EINVAL);
    bad = ok, bad.groups = 0;
    CHECK_ERR(wt_fold_forward_f32(&bad, y, x), WT_EINVAL);
    CHECK_ERR(wt_unfold_forward_f32(NULL, y, x), WT_EINVAL);
    CHECK_ERR(wt_fold_forward_f32(&ok, NULL, x), WT_EINVAL);
    CHECK_ERR(wt_fold_forward_f32(&ok, y, NULL), WT_EINVAL);
    bad = ok, bad.kernel[1] = 0;
    CHECK_ERR(wt_fold_forward_f32(&bad, y, x), WT_EINVAL);
  }
  return test_exit("test_fold");
}
