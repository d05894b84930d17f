/* Pooling against naive references written like PyTorch's CPU loops: max pooling 1-d/2-d/
 * 3-d (padding, dilation, stride 1/2/3, ceil_mode sizes, NaN, indices), average pooling
 * (count_include_pad, divisor_override, ceil_mode), adaptive avg/max (indices, sizes that
 * do not divide), fractional max, max unpooling; row kernels SIMD vs scalar; the size
 * rules and other errors. */
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

static void ref_avgpool(const wt_pool_params *p, float *out, const float *x, int cip, int dov) {
  int nd = p->ndim;
  int64_t in[3] = {1, 1, 1}, o[3] = {1, 1, 1}, k[3] = {1, 1, 1}, s[3] = {1, 1, 1}, pd[3] = {0, 0, 0};
  for (int i = 0; i < nd; i++) {
    int j = 3 - nd + i;
    in[j] = p->in_size[i], o[j] = p->out_size[i], k[j] = p->kernel[i], s[j] = p->stride[i], pd[j] = p->padding[i];
  }
  int64_t isp = in[0] * in[1] * in[2], osp = o[0] * o[1] * o[2];
  for (int64_t pl = 0; pl < p->planes; pl++)
    for (int64_t a = 0; a < o[0]; a++)
      for (int64_t b = 0; b < o[1]; b++)
        for (int64_t c = 0; c < o[2]; c++) {
          int64_t st[3] = {a * s[0] - pd[0], b * s[1] - pd[1], c * s[2] - pd[2]}, en[3];
          int64_t pool = 1, cnt = 1;
          for (int j = 0; j < 3; j++) {
            en[j] = st[j] + k[j] < in[j] + pd[j] ? st[j] + k[j] : in[j] + pd[j];
            pool *= en[j] - st[j];
            if (st[j] < 0) st[j] = 0;
            if (en[j] > in[j]) en[j] = in[j];
            cnt *= en[j] > st[j] ? en[j] - st[j] : 0;
          }
          double sum = 0;
          for (int64_t i = st[0]; i < en[0]; i++)
            for (int64_t j = st[1]; j < en[1]; j++)
              for (int64_t l = st[2]; l < en[2]; l++) sum += x[pl * isp + (i * in[1] + j) * in[2] + l];
          int64_t dv = dov ? dov : cip ? pool : cnt;
          out[pl * osp + (a * o[1] + b) * o[2] + c] = cnt == 0 ? 0.0f : (float)(sum / (double)dv);
        }
}

/* max (indices) or mean over per-output windows [lo, hi) of a 3-d plane set */
static void ref_window(int op, float *out, int64_t *ix, const float *x, int64_t planes, const int64_t in[3],
                       const int64_t o[3], int64_t *lo[3], int64_t *hi[3]) {
  int64_t isp = in[0] * in[1] * in[2], osp = o[0] * o[1] * o[2];
  for (int64_t pl = 0; pl < planes; pl++)
    for (int64_t a = 0; a < o[0]; a++)
      for (int64_t b = 0; b < o[1]; b++)
        for (int64_t c = 0; c < o[2]; c++) {
          double sum = 0;
          float m = -INFINITY;
          int64_t mi = (lo[0][a] * in[1] + lo[1][b]) * in[2] + lo[2][c], n = 0;
          for (int64_t i = lo[0][a]; i < hi[0][a]; i++)
            for (int64_t j = lo[1][b]; j < hi[1][b]; j++)
              for (int64_t l = lo[2][c]; l < hi[2][c]; l++) {
                int64_t at = (i * in[1] + j) * in[2] + l;
                float v = x[pl * isp + at];
                sum += v, n++;
                if (v > m || isnan(v)) m = v, mi = at;
              }
          int64_t q = pl * osp + (a * o[1] + b) * o[2] + c;
          out[q] = op == WT_MAX ? m : (float)(sum / (double)n);
          if (ix) ix[q] = mi;
        }
}

static int check_indices(const char *what, const int64_t *got, const int64_t *want, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (got[i] != want[i]) {
      fprintf(stderr, "%s: index %zu: got %lld want %lld\n", what, i, (long long)got[i], (long long)want[i]);
      wt_test_failures++;
      return 0;
    }
  return 1;
}

/* Random pooling geometry: kernels up to max_kernel, dilation 1 or (dilated) up to 2, and
 * the output size PyTorch's ceil_mode or floor rule gives. */
static wt_pool_params random_pool(int max_kernel, int dilated, int ceil) {
  wt_pool_params p = {0};
  p.ndim = rng_int(1, 3);
  p.planes = rng_int(1, 3);
  for (int i = 0; i < 3; i++) p.in_size[i] = p.out_size[i] = p.kernel[i] = p.stride[i] = p.dilation[i] = 1;
  for (int i = 0; i < p.ndim; i++) {
    p.kernel[i] = rng_int(1, max_kernel);
    p.stride[i] = rng_int(1, 3);
    if (dilated) p.dilation[i] = rng_int(1, 2);
    p.padding[i] = rng_int(0, p.kernel[i] / 2);
    int span = p.dilation[i] * (p.kernel[i] - 1);
    p.in_size[i] = rng_int(1, p.ndim == 1 ? 40 : 12);
    if (p.in_size[i] + 2 * p.padding[i] - span - 1 < 0) p.in_size[i] = span + 1;
    int num = p.in_size[i] + 2 * p.padding[i] - span - 1;
    int out = (ceil ? (num + p.stride[i] - 1) / p.stride[i] : num / p.stride[i]) + 1;
    if (ceil && (out - 1) * p.stride[i] >= p.in_size[i] + p.padding[i]) out--;
    p.out_size[i] = out;
  }
  return p;
}

static void test_avgpool(void) {
  for (int it = 0; it < 400; it++) {
    wt_pool_params p = random_pool(5, 0, it % 2);
    size_t is = p.planes, os = p.planes;
    for (int i = 0; i < p.ndim; i++) is *= p.in_size[i], os *= p.out_size[i];
    float *x = rand_buf(is, -1, 1), *y = malloc(os * 4), *r = malloc(os * 4);
    int cip = (it / 2) % 2, dov = it % 7 == 0 ? rng_int(1, 9) : 0;
    CHECK_OK(wt_avgpool_forward_f32(&p, y, x, cip, dov));
    ref_avgpool(&p, r, x, cip, dov);
    expect_close("wt_avgpool_forward_f32", y, r, os, 1e-5f, 1e-6f);
    free(x), free(y), free(r);
  }
  for (int it = 0; it < 300; it++) {
    size_t in_w = (size_t)rng_int(1, 40), k = (size_t)rng_int(1, 5), s = (size_t)rng_int(1, 3);
    ptrdiff_t pad = rng_int(-3, (int)k / 2);
    size_t out_w = (size_t)rng_int(1, 20), nrows = (size_t)rng_int(0, 3);
    float *x = rand_buf(in_w * (nrows ? nrows : 1), -1, 1), *a = malloc(out_w * 4), *b = malloc(out_w * 4);
    float *dv = rand_buf(out_w, 1, 4);
    const float *rows[3];
    for (size_t q = 0; q < nrows; q++) rows[q] = x + q * in_w;
    /* only windows that stay left of in_w + pad are valid inputs for the kernel */
    while (out_w > 1 && (ptrdiff_t)((out_w - 1) * s) - pad >= (ptrdiff_t)in_w) out_w--;
    wt_f32_avgpool_ukernel__wasmsimd(out_w, nrows, rows, in_w, k, s, pad, dv, a);
    wt_f32_avgpool_ukernel__scalar(out_w, nrows, rows, in_w, k, s, pad, dv, b);
    expect_close("avgpool kernel", a, b, out_w, 0, 0);
    free(x), free(a), free(b), free(dv);
  }
  wt_pool_params ok = {2, 1, {4, 4, 1}, {2, 2, 1}, {2, 2, 1}, {2, 2, 1}, {0, 0, 0}, {1, 1, 1}}, bad;
  float x[16] = {0}, y[16];
  CHECK_OK(wt_avgpool_forward_f32(&ok, y, x, 1, 0));
  CHECK_ERR(wt_avgpool_forward_f32(NULL, y, x, 1, 0), WT_EINVAL);
  CHECK_ERR(wt_avgpool_forward_f32(&ok, y, NULL, 1, 0), WT_EINVAL);
  CHECK_ERR(wt_avgpool_forward_f32(&ok, y, x, 2, 0), WT_EINVAL);
  CHECK_ERR(wt_avgpool_forward_f32(&ok, y, x, 1, -1), WT_EINVAL);
  bad = ok, bad.dilation[0] = 2;
  CHECK_ERR(wt_avgpool_forward_f32(&bad, y, x, 1, 0), WT_EINVAL);
  bad = ok, bad.padding[1] = 2;
  CHECK_ERR(wt_avgpool_forward_f32(&bad, y, x, 1, 0), WT_EINVAL);
  bad = ok, bad.out_size[1] = 3;
  CHECK_ERR(wt_avgpool_forward_f32(&bad, y, x, 1, 0), WT_EINVAL);
}

static void test_adaptive_fractional_unpool(void) {
  for (int it = 0; it < 300; it++) {
    int nd = rng_int(1, 3), planes = rng_int(1, 3), op = it % 2 ? WT_MAX : WT_MEAN;
    int32_t is[3], os[3], ks[3];
    int64_t in[3] = {1, 1, 1}, o[3] = {1, 1, 1}, lo_[3][40], hi_[3][40];
    int64_t *lo[3] = {lo_[0], lo_[1], lo_[2]}, *hi[3] = {hi_[0], hi_[1], hi_[2]};
    for (int i = 0; i < nd; i++) {
      is[i] = rng_int(1, nd == 1 ? 30 : 9), os[i] = rng_int(1, nd == 1 ? 30 : 9);
      in[3 - nd + i] = is[i], o[3 - nd + i] = os[i];
    }
    for (int j = 0; j < 3; j++)
      for (int64_t q = 0; q < o[j]; q++) lo[j][q] = (int64_t)floor((double)q * in[j] / o[j]),
                                         hi[j][q] = (int64_t)ceil((double)(q + 1) * in[j] / o[j]);
    size_t isz = planes * in[0] * in[1] * in[2], osz = planes * o[0] * o[1] * o[2];
    float *x = rand_buf(isz, -1, 1), *y = malloc(osz * 4), *r = malloc(osz * 4);
    if (it % 3 == 0) x[rng_int(0, (int)isz - 1)] = NAN;
    if (it % 5 == 0) for (size_t i = 0; i < isz; i++) x[i] = (float)rng_int(0, 2);
    int64_t *ix = (op == WT_MAX && it % 4 == 1) ? malloc(osz * 8) : NULL, *rx = malloc(osz * 8);
    CHECK_OK(wt_adaptive_pool_forward_f32(op, y, ix, x, nd, planes, is, os));
    ref_window(op, r, rx, x, planes, in, o, lo, hi);
    expect_close("wt_adaptive_pool_forward_f32", y, r, osz, 1e-5f, 1e-6f);
    if (ix) check_indices("adaptive max", ix, rx, osz);
    free(ix);

    /* fractional: same windows machinery, PyTorch's interval rule computed here in float */
    float *smp = rand_buf((size_t)planes * nd, 0, 1);
    for (int i = 0; i < nd; i++) {
      ks[i] = rng_int(1, 3);
      if (ks[i] > is[i]) ks[i] = is[i];
      os[i] = rng_int(1, is[i] - ks[i] + 1);
      o[3 - nd + i] = os[i];
    }
    osz = planes * o[0] * o[1] * o[2];
    free(y), free(r), free(rx);
    y = malloc(osz * 4), r = malloc(osz * 4), rx = malloc(osz * 8);
    int64_t *fx = malloc(osz * 8);
    CHECK_OK(wt_fractional_maxpool_forward_f32(y, fx, x, smp, nd, planes, is, os, ks));
    for (int pl = 0; pl < planes; pl++) {
      int64_t k3[3] = {1, 1, 1};
      for (int i = 0; i < nd; i++) k3[3 - nd + i] = ks[i];
      for (int j = 0; j < 3; j++) {
        int i = j - (3 - nd);
        float u = i < 0 ? 0 : smp[pl * nd + (nd == 2 ? 1 - i : i)];
        float alpha = o[j] > 1 ? (float)(in[j] - k3[j]) / (float)(o[j] - 1) : 0;
        for (int64_t q = 0; q < o[j]; q++) {
          lo[j][q] = q + 1 < o[j] ? (int64_t)((q + u) * alpha) - (int64_t)(u * alpha) : in[j] - k3[j];
          hi[j][q] = lo[j][q] + k3[j];
        }
      }
      int64_t isp = in[0] * in[1] * in[2], osp = o[0] * o[1] * o[2];
      ref_window(WT_MAX, r + pl * osp, rx + pl * osp, x + pl * isp, 1, in, o, lo, hi);
    }
    expect_close("wt_fractional_maxpool_forward_f32", y, r, osz, 0, 0);
    check_indices("fractional max", fx, rx, osz);

    /* unpool the fractional result back: a scatter of its values at its indices */
    float *u = malloc(isz * 4), *ru = calloc(isz, 4);
    int64_t isp = in[0] * in[1] * in[2], osp = o[0] * o[1] * o[2];
    CHECK_OK(wt_maxunpool_forward_f32(u, y, fx, planes, (int32_t)osp, (int32_t)isp));
    for (int pl = 0; pl < planes; pl++)
      for (int64_t q = 0; q < osp; q++) ru[pl * isp + fx[pl * osp + q]] = y[pl * osp + q];
    expect_close("wt_maxunpool_forward_f32", u, ru, isz, 0, 0);
    free(x), free(y), free(r), free(rx), free(smp), free(fx), free(u), free(ru);
  }
  float x[16] = {0}, y[16], smp[2] = {0.5f, 0.5f};
  int64_t ix[16] = {0};
  int32_t is[2] = {4, 4}, os[2] = {2, 2}, ks[2] = {2, 2}, zero[2] = {0, 2}, big[2] = {4, 4};
  CHECK_ERR(wt_adaptive_pool_forward_f32(WT_SUM, y, NULL, x, 2, 1, is, os), WT_EINVAL);
  CHECK_ERR(wt_adaptive_pool_forward_f32(WT_MEAN, y, ix, x, 2, 1, is, os), WT_EINVAL);
  CHECK_ERR(wt_adaptive_pool_forward_f32(WT_MAX, y, ix, x, 4, 1, is, os), WT_EINVAL);
  CHECK_ERR(wt_adaptive_pool_forward_f32(WT_MAX, y, ix, x, 2, 1, is, zero), WT_EINVAL);
  CHECK_ERR(wt_adaptive_pool_forward_f32(WT_MAX, NULL, ix, x, 2, 1, is, os), WT_EINVAL);
  CHECK_OK(wt_fractional_maxpool_forward_f32(y, ix, x, smp, 2, 1, is, os, ks));
  CHECK_ERR(wt_fractional_maxpool_forward_f32(y, ix, x, smp, 2, 1, is, big, ks), WT_EINVAL);
  CHECK_ERR(wt_fractional_maxpool_forward_f32(y, ix, x, NULL, 2, 1, is, os, ks), WT_EINVAL);
  smp[1] = 1.0f;
  CHECK_ERR(wt_fractional_maxpool_forward_f32(y, ix, x, smp, 2, 1, is, os, ks), WT_EINVAL);
  ix[3] = 16;
  CHECK_ERR(wt_maxunpool_forward_f32(y, x, ix, 1, 4, 16), WT_EINVAL);
  ix[3] = -1;
  CHECK_ERR(wt_maxunpool_forward_f32(y, x, ix, 1, 4, 16), WT_EINVAL);
  CHECK_ERR(wt_maxunpool_forward_f32(y, x, ix, 1, 0, 16), WT_EINVAL);
}

int main(void) {
  test_avgpool();
  test_adaptive_fractional_unpool();
  for (int it = 0; it < 400; it++) {
    wt_pool_params p = random_pool(4, 1, it % 2);
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
  /* the 2x2 stride-2 fast path (8 outputs per block) against the scalar rule, bit for bit:
   * values from a small set so that ties between +0 and -0 (the first one wins), infinities
   * (inf + -inf sends a block to the exact path) and NaN all occur */
  for (int it = 0; it < 300; it++) {
    static const float vals[] = {-1.0f, 0.0f, -0.0f, 1.0f, 2.0f, INFINITY, -INFINITY};
    const size_t pad = (size_t)rng_int(0, 1), in_w = (size_t)rng_int(2, 70), out_w = (in_w + 2 * pad - 2) / 2 + 1;
    float *x = malloc(2 * in_w * 4), *a = malloc(out_w * 4), *b = malloc(out_w * 4);
    const int nan = it % 3 == 0;
    for (size_t i = 0; i < 2 * in_w; i++) x[i] = vals[rng_int(it % 2 ? 0 : 1, it % 4 == 1 ? 6 : 4)];
    if (nan) x[rng_int(0, (int)(2 * in_w) - 1)] = NAN;
    const float *rows[2] = {x, x + in_w};
    const int64_t base[2] = {0, (int64_t)in_w};
    wt_f32_maxpool_ukernel__wasmsimd(out_w, 2, rows, base, in_w, 2, 2, pad, 1, a, NULL);
    wt_f32_maxpool_ukernel__scalar(out_w, 2, rows, base, in_w, 2, 2, pad, 1, b, NULL);
    if (nan) expect_close("maxpool 2x2 kernel", a, b, out_w, 0, 0);
    else CHECK(memcmp(a, b, out_w * 4) == 0);
    free(x), free(a), free(b);
  }
  /* the per-plane 2x2 stride-2 kernel, bit for bit, with the same value set (odd in_w
   * and in_h leave a column and a row unused), then the op's plane path against the
   * reference: 1-d, 2-d and 3-d pools whose outer dim is a stride-1 axis */
  for (int it = 0; it < 200; it++) {
    static const float vals[] = {-1.0f, 0.0f, -0.0f, 1.0f, 2.0f, INFINITY, -INFINITY};
    const size_t in_h = (size_t)rng_int(2, 7), in_w = (size_t)rng_int(2, 40), out_h = in_h / 2, out_w = in_w / 2;
    float *x = malloc(in_h * in_w * 4), *a = malloc(out_h * out_w * 4), *b = malloc(out_h * out_w * 4);
    const int nan = it % 3 == 0;
    for (size_t i = 0; i < in_h * in_w; i++) x[i] = vals[rng_int(it % 2 ? 0 : 1, it % 4 == 1 ? 6 : 4)];
    if (nan) x[rng_int(0, (int)(in_h * in_w) - 1)] = NAN;
    wt_f32_maxpool2x2_ukernel__wasmsimd(out_h, out_w, x, in_w, a);
    wt_f32_maxpool2x2_ukernel__scalar(out_h, out_w, x, in_w, b);
    if (nan) expect_close("maxpool 2x2 plane kernel", a, b, out_h * out_w, 0, 0);
    else CHECK(memcmp(a, b, out_h * out_w * 4) == 0);
    free(x), free(a), free(b);
  }
  for (int it = 0; it < 60; it++) {
    const int nd = rng_int(1, 3);
    wt_pool_params p = {nd, rng_int(1, 3), {0}, {0}, {0}, {0}, {0}, {1, 1, 1}};
    size_t is = p.planes, os = p.planes;
    for (int i = 0; i < nd; i++) {
      const int plain = nd == 3 && i == 0; /* a stride-1, size-1 window on the outer dim */
      p.in_size[i] = rng_int(plain ? 1 : 2, 20), p.kernel[i] = p.stride[i] = plain ? 1 : 2;
      p.out_size[i] = plain ? p.in_size[i] : p.in_size[i] / 2;
      is *= p.in_size[i], os *= p.out_size[i];
    }
    float *x = rand_buf(is, -1, 1), *y = malloc(os * 4), *r = malloc(os * 4);
    int64_t *rx = malloc(os * 8);
    if (it % 3 == 0) x[rng_int(0, (int)is - 1)] = NAN;
    CHECK_OK(wt_maxpool_forward_f32(&p, y, NULL, x));
    ref_pool(&p, r, rx, x);
    expect_close("wt_maxpool_forward_f32 2x2 planes", y, r, os, 0, 0);
    free(x), free(y), free(r), free(rx);
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
