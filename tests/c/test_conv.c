/* conv 1-d/2-d/3-d (groups, depthwise, stride, dilation, padding, padding='same' with
 * the extra right zero, 1x1 fast path, chunked implicit GEMM and im2col) and transposed
 * conv against direct naive loops; the f32-dwconv SIMD kernel against its scalar sibling; the
 * out_size rule and other errors. */
#include "test_util.h"
#include "kernels/kernels.h"

/* the params' sizes normalised to 3 dims (leading dims 1, padding 0) */
typedef struct {
  int in[3], o[3], k[3], s[3], pd[3], d[3];
} geom3;

static geom3 unpack(const wt_conv_params *p) {
  geom3 g = {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}, {1, 1, 1}, {0, 0, 0}, {1, 1, 1}};
  for (int i = 0; i < p->ndim; i++) {
    int j = 3 - p->ndim + i;
    g.in[j] = p->in_size[i], g.o[j] = p->out_size[i], g.k[j] = p->kernel[i], g.s[j] = p->stride[i];
    g.pd[j] = p->padding[i], g.d[j] = p->dilation[i];
  }
  return g;
}

/* direct convolution with zero padding `pad` before and implied zeros after */
static void ref_conv(const wt_conv_params *p, float *out, const float *x, const float *w, const float *b) {
  int G = p->groups, cig = p->in_channels / G, ocg = p->out_channels / G;
  geom3 gm = unpack(p);
  const int *in = gm.in, *o = gm.o, *k = gm.k, *s = gm.s, *pd = gm.pd, *d = gm.d;
  for (int n = 0; n < p->batch; n++)
    for (int oc = 0; oc < p->out_channels; oc++) {
      int g = oc / ocg;
      for (int a = 0; a < o[0]; a++)
        for (int bb = 0; bb < o[1]; bb++)
          for (int c = 0; c < o[2]; c++) {
            double acc = b ? b[oc] : 0;
            for (int ci = 0; ci < cig; ci++)
              for (int ka = 0; ka < k[0]; ka++)
                for (int kb = 0; kb < k[1]; kb++)
                  for (int kc = 0; kc < k[2]; kc++) {
                    int ia = a * s[0] - pd[0] + ka * d[0], ib = bb * s[1] - pd[1] + kb * d[1],
                        ic = c * s[2] - pd[2] + kc * d[2];
                    if (ia < 0 || ia >= in[0] || ib < 0 || ib >= in[1] || ic < 0 || ic >= in[2]) continue;
                    acc += (double)x[(((size_t)(n * p->in_channels + g * cig + ci) * in[0] + ia) * in[1] + ib) * in[2] + ic] *
                           w[(((size_t)(oc * cig + ci) * k[0] + ka) * k[1] + kb) * k[2] + kc];
                  }
            out[(((size_t)(n * p->out_channels + oc) * o[0] + a) * o[1] + bb) * o[2] + c] = (float)acc;
          }
    }
}

/* direct transposed convolution: every input element scatters weight taps into out */
static void ref_conv_transpose(const wt_conv_params *p, float *out, const float *x, const float *w, const float *b) {
  int G = p->groups, cig = p->in_channels / G, ocg = p->out_channels / G;
  geom3 gm = unpack(p);
  const int *in = gm.in, *o = gm.o, *k = gm.k, *s = gm.s, *pd = gm.pd, *d = gm.d;
  size_t osp = (size_t)o[0] * o[1] * o[2];
  double *acc = calloc((size_t)p->batch * p->out_channels * osp, sizeof(double));
  for (int n = 0; n < p->batch; n++)
    for (int ic = 0; ic < p->in_channels; ic++) {
      int g = ic / cig;
      for (int a = 0; a < in[0]; a++)
        for (int bb = 0; bb < in[1]; bb++)
          for (int c = 0; c < in[2]; c++) {
            double xv = x[(((size_t)(n * p->in_channels + ic) * in[0] + a) * in[1] + bb) * in[2] + c];
            for (int oc = 0; oc < ocg; oc++)
              for (int ka = 0; ka < k[0]; ka++)
                for (int kb = 0; kb < k[1]; kb++)
                  for (int kc = 0; kc < k[2]; kc++) {
                    int oa = a * s[0] - pd[0] + ka * d[0], ob = bb * s[1] - pd[1] + kb * d[1],
                        ocol = c * s[2] - pd[2] + kc * d[2];
                    if (oa < 0 || oa >= o[0] || ob < 0 || ob >= o[1] || ocol < 0 || ocol >= o[2]) continue;
                    acc[(((size_t)(n * p->out_channels + g * ocg + oc) * o[0] + oa) * o[1] + ob) * o[2] + ocol] +=
                        xv * w[(((size_t)(ic * ocg + oc) * k[0] + ka) * k[1] + kb) * k[2] + kc];
                  }
          }
    }
  for (int n = 0; n < p->batch; n++)
    for (int oc = 0; oc < p->out_channels; oc++)
      for (size_t i = 0; i < osp; i++) {
        size_t at = (size_t)(n * p->out_channels + oc) * osp + i;
        out[at] = (float)(acc[at] + (b ? b[oc] : 0));
      }
  free(acc);
}

static size_t prod(const int32_t *v, int n) {
  size_t r = 1;
  for (int i = 0; i < n; i++) r *= (size_t)v[i];
  return r;
}

/* One random case of wt_conv_forward_f32 (transposed 0) or wt_conv_transpose_forward_f32
 * (transposed 1) against its naive reference. tol: relative/absolute tolerance; long dot
 * products (K in the thousands) need more than short ones against a double reference. */
static void run_case(wt_conv_params *p, int transposed, int use_bias, float tol) {
  size_t xs = (size_t)p->batch * p->in_channels * prod(p->in_size, p->ndim);
  /* weight [out, in/groups, *kernel], transposed [in, out/groups, *kernel]: the same count */
  size_t ws = (size_t)p->in_channels * (p->out_channels / p->groups) * prod(p->kernel, p->ndim);
  size_t os = (size_t)p->batch * p->out_channels * prod(p->out_size, p->ndim);
  float *x = rand_buf(xs, -1, 1), *w = rand_buf(ws, -1, 1), *b = use_bias ? rand_buf(p->out_channels, -1, 1) : NULL;
  float *y = malloc(os * 4), *r = malloc(os * 4);
  if (transposed) {
    CHECK_OK(wt_conv_transpose_forward_f32(p, y, x, w, b));
    ref_conv_transpose(p, r, x, w, b);
  } else {
    CHECK_OK(wt_conv_forward_f32(p, y, x, w, b));
    ref_conv(p, r, x, w, b);
  }
  expect_close(transposed ? "wt_conv_transpose_forward_f32" : "wt_conv_forward_f32", y, r, os, tol, tol);
  free(x), free(w), free(b), free(y), free(r);
}

/* random ndim, groups, batch and channels (multiples of groups); every size 1, padding 0 */
static wt_conv_params random_channels(void) {
  wt_conv_params p = {0};
  p.ndim = rng_int(1, 3);
  p.groups = rng_int(1, 3);
  p.batch = rng_int(1, 2);
  p.in_channels = p.groups * rng_int(1, 3);
  p.out_channels = p.groups * rng_int(1, 3);
  for (int i = 0; i < 3; i++) p.in_size[i] = p.out_size[i] = p.kernel[i] = p.stride[i] = p.dilation[i] = 1;
  return p;
}

/* the SIMD depthwise row kernel equals its scalar sibling (same summation order) over
 * strides 1, 2, 3 (the three load paths), borders, dilation, empty row sets */
static void test_dwconv_kernel(void) {
  for (int it = 0; it < 400; it++) {
    size_t in_w = (size_t)rng_int(1, 40), kernel = (size_t)rng_int(1, 7), stride = (size_t)rng_int(1, 3);
    size_t dil = (size_t)rng_int(1, 3), pad = (size_t)rng_int(0, 4), nrows = (size_t)rng_int(0, 3);
    size_t span = (kernel - 1) * dil;
    if (in_w + 2 * pad < span + 1) in_w = span + 1;
    size_t out_w = (in_w + 2 * pad - span - 1) / stride + 1;
    size_t o_begin = it % 5 == 0 ? (size_t)rng_int(0, (int)out_w) : 0;
    const float *rows[3], *wrows[3];
    float *xs[3], *ws[3];
    for (size_t r = 0; r < 3; r++) rows[r] = xs[r] = rand_buf(in_w, -1, 1), wrows[r] = ws[r] = rand_buf(kernel, -1, 1);
    float bias = rng_f(-1, 1);
    float *y1 = malloc((out_w + 1) * 4), *y2 = malloc((out_w + 1) * 4);
    y1[out_w] = y2[out_w] = 7.0f; /* sentinel: nothing past o_end is written */
    for (size_t o = 0; o < out_w; o++) y1[o] = y2[o] = -5.0f;
    wt_f32_dwconv_ukernel__scalar(o_begin, out_w, nrows, rows, wrows, in_w, kernel, stride, pad, dil, bias, y1);
    wt_f32_dwconv_ukernel__wasmsimd(o_begin, out_w, nrows, rows, wrows, in_w, kernel, stride, pad, dil, bias, y2);
    expect_close("wt_f32_dwconv_ukernel__wasmsimd", y2, y1, out_w + 1, 0, 0);
    CHECK(y2[out_w] == 7.0f);
    for (size_t o = 0; o < o_begin; o++) CHECK(y2[o] == -5.0f);
    for (size_t r = 0; r < 3; r++) free(xs[r]), free(ws[r]);
    free(y1), free(y2);
  }
}

/* the SIMD 3x3 plane kernel equals its scalar sibling bit for bit (a -0 bias too): planes
 * under 4 rows or columns, the overlapping last blocks, rows shorter than a vector,
 * paddings wider than a window, zero rows */
static void test_dwconv3x3_kernel(void) {
  for (int it = 0; it < 400; it++) {
    const size_t out_h = (size_t)rng_int(1, 13), out_w = (size_t)rng_int(1, 21), in_w = (size_t)rng_int(1, 20);
    const size_t pad = (size_t)rng_int(0, 5), nrows = out_h + 2;
    const float **rows = malloc(nrows * sizeof(float *));
    float **xs = malloc(nrows * sizeof(float *));
    float *zero = calloc(in_w, sizeof(float));
    for (size_t r = 0; r < nrows; r++) {
      xs[r] = rand_buf(in_w, -1, 1);
      rows[r] = rng_int(0, 5) == 0 ? zero : xs[r];
    }
    float *w = rand_buf(9, -1, 1);
    const float bias = it % 7 == 0 ? -0.0f : rng_f(-1, 1);
    const size_t n = out_h * out_w;
    float *y1 = malloc((n + 1) * 4), *y2 = malloc((n + 1) * 4);
    y1[n] = y2[n] = 7.0f; /* sentinel: nothing past the plane is written */
    wt_f32_dwconv3x3_ukernel__scalar(out_h, out_w, rows, in_w, pad, w, bias, y1);
    wt_f32_dwconv3x3_ukernel__wasmsimd(out_h, out_w, rows, in_w, pad, w, bias, y2);
    expect_close("wt_f32_dwconv3x3_ukernel__wasmsimd", y2, y1, n + 1, 0, 0);
    CHECK(memcmp(y1, y2, (n + 1) * 4) == 0);
    for (size_t r = 0; r < nrows; r++) free(xs[r]);
    free(rows), free(xs), free(zero), free(w), free(y1), free(y2);
  }
}

int main(void) {
  test_dwconv_kernel();
  test_dwconv3x3_kernel();
  for (int it = 0; it < 250; it++) {
    wt_conv_params p = random_channels();
    if (it % 10 == 0) p.groups = p.in_channels, p.out_channels = p.in_channels * rng_int(1, 2); /* depthwise */
    const int same = it % 4 == 0, pointwise = it % 9 == 0;
    for (int i = 0; i < p.ndim; i++) {
      p.in_size[i] = rng_int(1, p.ndim == 3 ? 6 : 11);
      p.kernel[i] = pointwise ? 1 : rng_int(1, 4);
      p.dilation[i] = pointwise ? 1 : rng_int(1, 2);
      p.stride[i] = same || pointwise ? 1 : rng_int(1, 3);
      const int span = p.dilation[i] * (p.kernel[i] - 1);
      if (same) {
        p.padding[i] = span / 2; /* PyTorch: left = total/2, right = total - left */
        p.out_size[i] = p.in_size[i];
      } else {
        p.padding[i] = pointwise ? 0 : rng_int(0, 2);
        int num = p.in_size[i] + 2 * p.padding[i] - span - 1;
        if (num < 0) p.in_size[i] += -num, num = 0;
        p.out_size[i] = num / p.stride[i] + 1;
      }
    }
    run_case(&p, 0, it % 3 != 0, 1e-5f);
  }
  /* a large 2-d case: im2col runs in several chunks */
  {
    wt_conv_params p = {2, 1, 20, 5, 1, {70, 65, 1}, {68, 63, 1}, {3, 3, 1}, {1, 1, 1}, {0, 0, 0}, {1, 1, 1}};
    run_case(&p, 0, 1, 1e-5f);
    wt_conv_params q = {2, 1, 300, 3, 1, {64, 64, 1}, {64, 64, 1}, {5, 5, 1}, {1, 1, 1}, {2, 2, 0}, {1, 1, 1}};
    run_case(&q, 0, 1, 1e-4f); /* K = 7500 */
  }
  /* implicit GEMM (512 outputs or more): panels of 8 windows on one output row read in
   * place from the padded copy, mixed with im2col panels (rows not a multiple of 8 wide),
   * output channels not a multiple of 4 (the kernel's mr edges), groups, height stride with
   * width dilation, 3-d; then weights over the igemm's limit (64K floats per group): every
   * panel packed, the in-row ones copied from the padded copy */
  {
    wt_conv_params a = {2, 2, 5, 7, 1, {25, 21, 1}, {25, 21, 1}, {3, 3, 1}, {1, 1, 1}, {1, 1, 0}, {1, 1, 1}};
    run_case(&a, 0, 1, 1e-5f);
    wt_conv_params b = {2, 1, 6, 10, 2, {76, 16, 1}, {38, 14, 1}, {3, 2, 1}, {2, 1, 1}, {1, 0, 0}, {1, 2, 1}};
    run_case(&b, 0, 0, 1e-5f);
    wt_conv_params c = {3, 1, 3, 6, 1, {6, 5, 17}, {7, 5, 17}, {2, 3, 3}, {1, 1, 1}, {1, 1, 1}, {1, 1, 1}};
    run_case(&c, 0, 1, 1e-5f);
    wt_conv_params d = {2, 1, 128, 242, 2, {10, 21, 1}, {10, 21, 1}, {3, 3, 1}, {1, 1, 1}, {1, 1, 0}, {1, 1, 1}};
    run_case(&d, 0, 1, 1e-4f);
  }
  /* out_size rule: padding='same' with even kernel (span 3: left 1, right 2) is accepted */
  {
    wt_conv_params p = {1, 1, 1, 1, 1, {8, 1, 1}, {8, 1, 1}, {4, 1, 1}, {1, 1, 1}, {1, 0, 0}, {1, 1, 1}};
    run_case(&p, 0, 0, 1e-5f);
    p.out_size[0] = 9; /* would need 3 zeros on the right > padding + 1 */
    float x[8] = {0}, w[4] = {0}, y[16];
    CHECK_ERR(wt_conv_forward_f32(&p, y, x, w, NULL), WT_EINVAL);
    wt_conv_params q = {1, 1, 1, 1, 1, {4, 1, 1}, {5, 1, 1}, {1, 1, 1}, {1, 1, 1}, {0, 0, 0}, {1, 1, 1}};
    CHECK_ERR(wt_conv_forward_f32(&q, y, x, w, NULL), WT_EINVAL); /* k=1 cannot grow the output */
    wt_conv_params ok = {1, 1, 1, 1, 1, {4, 1, 1}, {4, 1, 1}, {1, 1, 1}, {1, 1, 1}, {0, 0, 0}, {1, 1, 1}};
    CHECK_OK(wt_conv_forward_f32(&ok, y, x, w, NULL));
    wt_conv_params bad = ok;
    CHECK_ERR(wt_conv_forward_f32(NULL, y, x, w, NULL), WT_EINVAL);
    CHECK_ERR(wt_conv_forward_f32(&ok, NULL, x, w, NULL), WT_EINVAL);
    CHECK_ERR(wt_conv_forward_f32(&ok, y, NULL, w, NULL), WT_EINVAL);
    CHECK_ERR(wt_conv_forward_f32(&ok, y, x, NULL, NULL), WT_EINVAL);
    bad.ndim = 4;
    CHECK_ERR(wt_conv_forward_f32(&bad, y, x, w, NULL), WT_EINVAL);
    bad = ok, bad.groups = 0;
    CHECK_ERR(wt_conv_forward_f32(&bad, y, x, w, NULL), WT_EINVAL);
    bad = ok, bad.in_channels = 3, bad.groups = 2;
    CHECK_ERR(wt_conv_forward_f32(&bad, y, x, w, NULL), WT_EINVAL);
    bad = ok, bad.stride[0] = 0;
    CHECK_ERR(wt_conv_forward_f32(&bad, y, x, w, NULL), WT_EINVAL);
    bad = ok, bad.padding[0] = -1;
    CHECK_ERR(wt_conv_forward_f32(&bad, y, x, w, NULL), WT_EINVAL);
    bad = ok, bad.batch = 0;
    CHECK_ERR(wt_conv_forward_f32(&bad, y, x, w, NULL), WT_EINVAL);
    bad = ok, bad.kernel[0] = 0;
    CHECK_ERR(wt_conv_forward_f32(&bad, y, x, w, NULL), WT_EINVAL);
    bad = ok, bad.batch = 1 << 30, bad.in_channels = 1 << 30;
    CHECK_ERR(wt_conv_forward_f32(&bad, y, x, w, NULL), WT_EINVAL);
  }
  /* depthwise (the direct kernel) with large kernels, strides and 'same' padding */
  {
    wt_conv_params p = {2, 2, 5, 5, 5, {17, 23, 1}, {17, 23, 1}, {7, 6, 1}, {1, 1, 1}, {3, 2, 0}, {1, 1, 1}};
    run_case(&p, 0, 1, 1e-5f);
    wt_conv_params q = {2, 1, 4, 4, 4, {19, 30, 1}, {9, 14, 1}, {3, 5, 1}, {2, 2, 1}, {1, 2, 0}, {1, 2, 1}};
    run_case(&q, 0, 0, 1e-5f);
    wt_conv_params r = {3, 1, 3, 3, 3, {5, 6, 7}, {5, 2, 3}, {3, 2, 3}, {1, 3, 3}, {1, 1, 2}, {1, 1, 2}};
    run_case(&r, 0, 1, 1e-5f);
    /* unit height/width strides run as one virtual row per slice over a padded copy: 3-d
     * with a depth kernel of 1 and depth padding (slices of bias only), dilation, a 1-d
     * case, and rows long enough for the 16-wide vector blocks */
    wt_conv_params s3 = {3, 2, 3, 3, 3, {3, 9, 21}, {3, 7, 19}, {1, 3, 3}, {2, 1, 1}, {1, 1, 1}, {1, 2, 1}};
    run_case(&s3, 0, 1, 1e-5f);
    wt_conv_params s1 = {1, 1, 2, 2, 2, {40, 1, 1}, {38, 1, 1}, {5, 1, 1}, {1, 1, 1}, {1, 0, 0}, {1, 1, 1}};
    run_case(&s1, 0, 0, 1e-5f);
    wt_conv_params s2 = {2, 1, 3, 3, 3, {20, 37, 1}, {20, 37, 1}, {3, 5, 1}, {1, 1, 1}, {1, 2, 0}, {1, 1, 1}};
    run_case(&s2, 0, 1, 1e-5f);
  }
  /* depthwise 3x3 with unit strides and dilation (the plane kernel on the input rows):
   * random sizes and paddings, outputs cropped by up to one column or row, 3-d slices with
   * depth padding and stride */
  for (int it = 0; it < 60; it++) {
    const int nd = it % 5 == 0 ? 3 : 2, c = rng_int(1, 3), lead = nd - 2;
    wt_conv_params p = {nd, rng_int(1, 2), c, c, c, {1, 1, 1}, {1, 1, 1}, {1, 1, 1}, {1, 1, 1}, {0, 0, 0}, {1, 1, 1}};
    if (nd == 3) {
      p.in_size[0] = rng_int(1, 3), p.stride[0] = rng_int(1, 2), p.padding[0] = rng_int(0, 1);
      p.out_size[0] = (p.in_size[0] + 2 * p.padding[0] - 1) / p.stride[0] + 1;
    }
    for (int i = lead; i < nd; i++) {
      p.kernel[i] = 3;
      p.padding[i] = rng_int(0, 3);
      p.in_size[i] = rng_int(p.padding[i] >= 1 ? 1 : 3, 19);
      p.out_size[i] = p.in_size[i] + 2 * p.padding[i] - 2;
      if (p.padding[i] >= 1 && p.out_size[i] > 1) p.out_size[i] -= rng_int(0, 1);
    }
    run_case(&p, 0, it % 2, 1e-5f);
  }
  /* transposed conv: random geometry with PyTorch's output size + output_padding */
  for (int it = 0; it < 200; it++) {
    wt_conv_params p = random_channels();
    for (int i = 0; i < p.ndim; i++) {
      p.in_size[i] = rng_int(1, p.ndim == 3 ? 4 : 8);
      p.kernel[i] = rng_int(1, 4);
      p.stride[i] = rng_int(1, 3);
      p.dilation[i] = rng_int(1, 2);
      const int span = p.dilation[i] * (p.kernel[i] - 1);
      const int maxop = (p.stride[i] > p.dilation[i] ? p.stride[i] : p.dilation[i]) - 1;
      int size;
      do {
        p.padding[i] = rng_int(0, 2);
        size = (p.in_size[i] - 1) * p.stride[i] - 2 * p.padding[i] + span + 1 + rng_int(0, maxop);
      } while (size < 1);
      p.out_size[i] = size;
    }
    run_case(&p, 1, it % 3 != 0, 1e-5f);
  }
  /* a large transposed case: col2im runs in several chunks */
  {
    wt_conv_params p = {2, 1, 3, 4, 1, {300, 120, 1}, {601, 241, 1}, {3, 3, 1}, {2, 2, 1}, {1, 1, 0}, {1, 1, 1}};
    run_case(&p, 1, 1, 1e-5f);
    float x[4] = {0}, w[4] = {0}, y[8];
    wt_conv_params ok = {1, 1, 1, 1, 1, {2, 1, 1}, {3, 1, 1}, {2, 1, 1}, {1, 1, 1}, {0, 0, 0}, {1, 1, 1}};
    CHECK_OK(wt_conv_transpose_forward_f32(&ok, y, x, w, NULL));
    wt_conv_params bad = ok;
    CHECK_ERR(wt_conv_transpose_forward_f32(NULL, y, x, w, NULL), WT_EINVAL);
    CHECK_ERR(wt_conv_transpose_forward_f32(&ok, y, x, NULL, NULL), WT_EINVAL);
    bad.out_size[0] = 0;
    CHECK_ERR(wt_conv_transpose_forward_f32(&bad, y, x, w, NULL), WT_EINVAL);
    bad = ok, bad.in_channels = 3, bad.groups = 2;
    CHECK_ERR(wt_conv_transpose_forward_f32(&bad, y, x, w, NULL), WT_EINVAL);
    bad = ok, bad.dilation[0] = 0;
    CHECK_ERR(wt_conv_transpose_forward_f32(&bad, y, x, w, NULL), WT_EINVAL);
    bad = ok, bad.batch = 1 << 30, bad.in_channels = 1 << 30;
    CHECK_ERR(wt_conv_transpose_forward_f32(&bad, y, x, w, NULL), WT_EINVAL);
  }
  return test_exit("test_conv");
}
