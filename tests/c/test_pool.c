/* max pooling 1-d/2-d/3-d (padding, dilation, stride 1/2/3, ceil_mode sizes, NaN,
 * indices) against a naive reference written like PyTorch's CPU loop; kernel SIMD vs
 * scalar; the size rules and other errors. */
#include "kernels/kernels.h"
#include "test_util.h"

static void ref_pool(const wt_pool_params *p, float *out, int64_t *ix, const float *x) {
  int nd = p->ndim;
  int64_t in[3] = {1, 1, 1}, o[3] = {1, 1, 1}, k[3] = {1, 1, 1}, s[3] = {1, 1, 1}, pd[3] = {0, 0, 0}, d[3] = {1, 1, 1};
  for (int i = 0; i < nd; i++) {
    int j = 3 - nd + i;
    in[j] = p->in_size[i], o[j] = p->out_size[i], k[j] = p->kernel[i], s[j] = p->stride[i];
    pd[j] = p->padding[i], d[j] = p->dilation[i];
  }
  int64_t isp = in[0] * in[1] * in[2], osp = o[0] * o[1] * o[2];
  for (int64_t pl = 0; pl < p->planes; pl++)
    for (int64_t a = 0; a < o[0]; a++)
      for (int64_t b = 0; b < o[1]; b++)
        for (int64_t c = 0; c < o[2]; c++) {
          int64_t a0 = a * s[0] - pd[0], b0 = b * s[1] - pd[1], c0 = c * s[2] - pd[2];
          while (a0 < 0) a0 += d[0];
          while (b0 < 0) b0 += d[1];
          while (c0 < 0) c0 += d[2];
          float m = -INFINITY;
          int64_t mi = (a0 * in[1] + b0) * in[2] + c0;
          for (int64_t ia = a0; ia < in[0] && ia <= a * s[0] - pd[0] + (k[0] - 1) * d[0]; ia += d[0])
            for (int64_t ib = b0; ib < in[1] && ib <= b * s[1] - pd[1] + (k[1] - 1) * d[1]; ib += d[1])
              for (int64_t ic = c0; ic < in[2] && ic <= c * s[2] - pd[2] + (k[2] - 1) * d[2]; ic += d[2]) {
                int64_t idx = (ia * in[1] + ib) * in[2] + ic;
                float v = x[pl * isp + idx];
                if (v > m || isnan(v)) m = v, mi = idx;
              }
          out[pl * osp + (a * o[1] + b) * o[2] + c] = m;
          if (ix) ix[pl * osp + (a * o[1] + b) * o[2] + c] = mi;
        }
}

int main(void) {
  for (int it = 0; it < 400; it++) {
    wt_pool_params p = {0};
    p.ndim = rng_int(1, 3);
    p.planes = rng_int(1, 3);
    for (int i = 0; i < 3; i++) p.in_size[i] = p.out_size[i] = p.kernel[i] = p.stride[i] = p.dilation[i] = 1;
    for (int i = 0; i < p.ndim; i++) {
      p.kernel[i] = rng_int(1, 4);
      p.stride[i] = rng_int(1, 3);
      p.dilation[i] = rng_int(1, 2);
      p.padding[i] = rng_int(0, p.kernel[i] / 2);
      int span = p.dilation[i] * (p.kernel[i] - 1);
      p.in_size[i] = rng_int(1, p.ndim == 1 ? 40 : 12);
      if (p.in_size[i] + 2 * p.padding[i] - span - 1 < 0) p.in_size[i] = span + 1;
      int num = p.in_size[i] + 2 * p.padding[i] - span - 1;
      int ceil = it % 2;
      int out = (ceil ? (num + p.stride[i] - 1) / p.stride[i] : num / p.stride[i]) + 1;
      if (ceil && (out - 1) * p.stride[i] >= p.in_size[i] + p.padding[i]) out--;
      p.out_size[i] = out;
    }
    size_t is = p.planes, os = p.planes;
    for (int i = 0; i < p.ndim; i++) is *= p.in_size[i], os *= p.out_size[i];
    float *x = rand_buf(is, -1, 1), *y = malloc(os * 4), *r = malloc(os * 4);
    if (it % 3 == 0) x[rng_int(0, (int)is - 1)] = NAN;
    if (it % 5 == 0) for (size_t i = 0; i < is; i++) x[i] = (float)rng_int(0, 2);
    int64_t *ix = it % 2 ? malloc(os * 8) : NULL, *rx = malloc(os * 8);
    CHECK_OK(wt_maxpool_forward_f32(&p, y, ix, x));
    ref_pool(&p, r, rx, x);
    expect_close("wt_maxpool_forward_f32", y, r, os, 0, 0);
    if (ix)
      for (size_t i = 0; i < os; i++)
        if (ix[i] != rx[i]) {
          fprintf(stderr, "index %zu: got %lld want %lld\n", i, (long long)ix[i], (long long)rx[i]);
          wt_test_failures++;
          break;
        }
    /* the SIMD row kernel on its own, every stride/pad, values only */
    free(x), free(y), free(r), free(ix), free(rx);
  }
  for (int it = 0; it < 300; it++) {
    size_t in_w = (size_t)rng_int(1, 40), k = (size_t)rng_int(1, 4), s = (size_t)rng_int(1, 3), d = (size_t)rng_int(1, 2);
    size_t pad = (size_t)rng_int(0, (int)k / 2), span = d * (k - 1);
    if (in_w + 2 * pad < span + 1) in_w = span + 1;
    size_t out_w = (in_w + 2 * pad - span - 1) / s + 1, nrows = (size_t)rng_int(1, 3);
    float *x = rand_buf(in_w * nrows, -1, 1), *a = malloc(out_w * 4), *b = malloc(out_w * 4);
    if (it % 4 == 0) x[rng_int(0, (int)(in_w * nrows) - 1)] = NAN;
    const float *rows[3];
    int64_t base[3];
    for (size_t r = 0; r < nrows; r++) rows[r] = x + r * in_w, base[r] = (int64_t)(r * in_w);
    wt_f32_maxpool_ukernel__wasmsimd(out_w, nrows, rows, base, in_w, k, s, pad, d, a, NULL);
    wt_f32_maxpool_ukernel__scalar(out_w, nrows, rows, base, in_w, k, s, pad, d, b, NULL);
    expect_close("maxpool kernel", a, b, out_w, 0, 0);
    free(x), free(a), free(b);
  }
  wt_pool_params ok = {2, 1, {4, 4, 1}, {2, 2, 1}, {2, 2, 1}, {2, 2, 1}, {0, 0, 0}, {1, 1, 1}}, bad;
  float x[16] = {0}, y[16];
  int64_t ix[16];
  CHECK_OK(wt_maxpool_forward_f32(&ok, y, ix, x));
  CHECK_ERR(wt_maxpool_forward_f32(NULL, y, ix, x), WT_EINVAL);
  CHECK_ERR(wt_maxpool_forward_f32(&ok, NULL, ix, x), WT_EINVAL);
  CHECK_ERR(wt_maxpool_forward_f32(&ok, y, ix, NULL), WT_EINVAL);
  bad = ok, bad.ndim = 0;
  CHECK_ERR(wt_maxpool_forward_f32(&bad, y, ix, x), WT_EINVAL);
  bad = ok, bad.padding[0] = 2; /* > kernel/2 */
  CHECK_ERR(wt_maxpool_forward_f32(&bad, y, ix, x), WT_EINVAL);
  bad = ok, bad.out_size[0] = 3; /* ceil size is 2 */
  CHECK_ERR(wt_maxpool_forward_f32(&bad, y, ix, x), WT_EINVAL);
  bad = ok, bad.kernel[1] = 9; /* larger than the input */
  CHECK_ERR(wt_maxpool_forward_f32(&bad, y, ix, x), WT_EINVAL);
  bad = ok, bad.stride[0] = 0;
  CHECK_ERR(wt_maxpool_forward_f32(&bad, y, ix, x), WT_EINVAL);
  bad = ok, bad.planes = 0;
  CHECK_ERR(wt_maxpool_forward_f32(&bad, y, ix, x), WT_EINVAL);
  return test_exit("test_pool");
}
